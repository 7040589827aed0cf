package dev.tonal.app.extension;

import java.util.Locale;

import dev.tonal.model.WireEnum;

/** What an extension is: a SIP phone that registers, or a voice menu. */
public enum ExtensionType implements WireEnum {

	PHONE, IVR;

	@Override
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
