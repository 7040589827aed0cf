package dev.tonal.model;

import java.util.Locale;

/** What happens when an IVR's lifetime expires (semantics.md rule 28). */
public enum LifetimeAction implements WireEnum {

	HANGUP, TRANSFER;

	@Override
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
