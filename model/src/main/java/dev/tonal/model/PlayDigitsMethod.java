package dev.tonal.model;

import java.util.Locale;

/** How {@code play_digits} speaks its digits (semantics.md rule 14). */
public enum PlayDigitsMethod implements WireEnum {

	/** One by one: "one, two, star". */
	DIGITS,
	/** As a cardinal number: "twelve". */
	NUMBER;

	@Override
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
