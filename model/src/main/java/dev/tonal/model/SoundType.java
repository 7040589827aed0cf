package dev.tonal.model;

import java.util.Locale;

/** Whether a caller may interrupt a prompt with a digit (semantics.md rule 11). */
public enum SoundType implements WireEnum {

	/** Digits stop the prompt and start input collection. */
	BACKGROUND,
	/** Digits are discarded until the prompt has finished. */
	FOREGROUND;

	@Override
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
