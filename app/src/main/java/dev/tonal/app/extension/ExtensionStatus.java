package dev.tonal.app.extension;

import java.util.Locale;

import dev.tonal.model.WireEnum;

/** Whether an extension takes calls. */
public enum ExtensionStatus implements WireEnum {

	ACTIVE, BLOCKED;

	@Override
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
