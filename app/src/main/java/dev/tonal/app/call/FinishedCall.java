package dev.tonal.app.call;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.tonal.engine.CallResult;
import dev.tonal.engine.Command;
import dev.tonal.engine.TraceEntry;

/**
 * Everything a real call leaves behind, handed to {@link CallRecorder#record} once when
 * it ends (semantics.md rule 31): its history row, its trace and its quality ratings.
 *
 * @param callUuid the call's id (unique)
 * @param clientId the client whose IVR took the call
 * @param extensionId the IVR extension that took the call
 * @param start when the call started
 * @param end when it ended
 * @param callerIdNumber the caller's number as received ("" when withheld)
 * @param callerIdName the caller's display name ("" when none)
 * @param calledDid the call's {@code called_did}: the DID dialled, or the IVR's bare name
 * for an internal call
 * @param result how the IVR part of the call ended
 * @param trace the session's trace entries
 * @param ratings the ratings the session asked to store ({@link Command.StoreRating})
 */
public record FinishedCall(String callUuid, long clientId, Long extensionId, Instant start, Instant end,
		String callerIdNumber, String callerIdName, String calledDid, CallResult result, List<TraceEntry> trace,
		List<Rating> ratings) {

	public FinishedCall {
		Objects.requireNonNull(callUuid, "callUuid");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(result, "result");
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("a call cannot end (" + end + ") before it starts (" + start + ")");
		}
		callerIdNumber = (callerIdNumber != null) ? callerIdNumber : "";
		callerIdName = (callerIdName != null) ? callerIdName : "";
		trace = List.copyOf(trace);
		ratings = List.copyOf(ratings);
	}

	/** How long the call lasted, start to end. */
	public long durationMs() {
		return Duration.between(this.start, this.end).toMillis();
	}

	/** The destination the call was transferred to, or null when it was not. */
	public String transferredTo() {
		return (this.result.end() == CallResult.End.TRANSFERRED) ? this.result.destination() : null;
	}

	/**
	 * A quality rating given during the call (semantics.md rule 23).
	 *
	 * @param at when the caller gave it
	 * @param rate the digit pressed, 1..{@code maxRate}
	 * @param maxRate the highest rate offered
	 */
	public record Rating(Instant at, int rate, int maxRate) {

		public Rating {
			Objects.requireNonNull(at, "at");
			if (rate < 1 || rate > maxRate) {
				throw new IllegalArgumentException("rate " + rate + " outside 1.." + maxRate);
			}
		}

		/**
		 * The rating a session's {@link Command.StoreRating} asks for, given {@code at}.
		 */
		public static Rating of(Command.StoreRating command, Instant at) {
			return new Rating(at, command.rate(), command.maxRate());
		}

	}

}
