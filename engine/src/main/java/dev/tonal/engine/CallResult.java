package dev.tonal.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * How the IVR part of a call ended (semantics.md rule 33, {@code result}).
 *
 * @param end the kind of end
 * @param at ms since the call was answered
 * @param destination the destination that answered (as dialled), for
 * {@link End#TRANSFERRED}; else null
 * @param reason a short human-readable reason
 */
public record CallResult(End end, long at, String destination, String reason) {

	public CallResult {
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(reason, "reason");
	}

	/** The kinds of end. */
	public enum End {

		TRANSFERRED, HANGUP, CALLER_HANGUP, LIFETIME, LOOP, MAX_DURATION, ERROR, VOICEMAIL;

		/** The spelling of rule 33 ("caller_hangup"). */
		public String wire() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
