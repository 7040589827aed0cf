package dev.tonal.app.auth;

import java.util.Locale;

import dev.tonal.model.WireEnum;

/** What an app's tokens may do: everything, or only read (GET). */
public enum Access implements WireEnum {

	FULL, READ_ONLY;

	@Override
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
