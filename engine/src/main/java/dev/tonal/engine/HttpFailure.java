package dev.tonal.engine;

import java.util.Locale;

/** Why a Call Interactive request got no usable reply (semantics.md rule 27). */
public enum HttpFailure {

	TIMEOUT, UNREACHABLE, TOO_LARGE, REDIRECT_REFUSED, ERROR;

	/** The spelling used in traces ("too_large"). */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
