package dev.tonal.sip.ivrcall;

import java.time.Instant;
import java.util.Objects;

/**
 * One outbound leg a call placed for a transfer (rule 16), as it went: the call history
 * shows one {@code cdr} entry per leg (api.md §8).
 *
 * @param target the SIP URI dialled
 * @param callerNumber the number presented as the caller
 * @param throughTrunk whether the leg went out through the trunk (else to a phone's
 * registered device)
 * @param dialled when the INVITE was sent
 * @param answered when the callee answered, or null
 * @param ended when the leg ended
 * @param outcome how it ended
 */
public record CallLeg(String target, String callerNumber, boolean throughTrunk, Instant dialled, Instant answered,
		Instant ended, Outcome outcome) {

	public CallLeg {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(dialled, "dialled");
		Objects.requireNonNull(ended, "ended");
		Objects.requireNonNull(outcome, "outcome");
	}

	/** How a leg ended. */
	public enum Outcome {

		/** Answered, then the callee hung up. */
		CALLEE_HUNG_UP,

		/** Answered, then Tonal hung up (the caller left, or the IVR ended it). */
		WE_HUNG_UP,

		/** The callee was busy (486/600). */
		BUSY,

		/** The callee refused the call (another 4xx-6xx). */
		REJECTED,

		/** The callee could not be reached (no response, transport error). */
		UNREACHABLE,

		/** The callee did not answer in time. */
		NO_ANSWER,

		/** Cancelled while it rang because another leg answered first. */
		ANSWERED_ELSEWHERE,

		/** Cancelled while it rang (the caller left, or the transfer was called off). */
		CANCELLED

	}

	/** The user part of the target URI ("101" of "sip:101@host"), as it was dialled. */
	public String targetUser() {
		return userOf(this.target);
	}

	/** The user part of a SIP URI ("101" of "sip:101@host;transport=udp"). */
	static String userOf(String target) {
		String uri = target.replaceFirst("^sips?:", "");
		int at = uri.indexOf('@');
		String user = (at >= 0) ? uri.substring(0, at) : uri;
		int semicolon = user.indexOf(';');
		return (semicolon >= 0) ? user.substring(0, semicolon) : user;
	}

	/** Whether the callee answered this leg. */
	public boolean wasAnswered() {
		return this.answered != null;
	}

}
