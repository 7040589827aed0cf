package dev.tonal.model;

import java.util.Locale;

/** The caller-id condition of a rule (semantics.md rule 6). */
public enum CallerIdAction implements WireEnum {

	ANY, MATCHES, NOT_MATCHES, ANONYMOUS;

	@Override
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
