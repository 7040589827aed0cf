package dev.tonal.sip.ivrcall;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.tonal.engine.CallResult;
import dev.tonal.engine.TraceEntry;
import dev.tonal.model.IvrSnapshot;

/**
 * What a finished IVR call leaves behind (semantics.md rule 31), handed to
 * {@link IvrCallPorts#finished} once.
 *
 * @param callUuid the call's id ({@code call_uuid})
 * @param snapshot the IVR the call ran (its extension and client)
 * @param start when the INVITE arrived
 * @param end when the call ended
 * @param callerIdNumber the caller's number ("" when withheld)
 * @param callerIdName the caller's display name ("" when none)
 * @param calledDid what {@code called_did} held: the DID dialled, or the IVR's bare name
 * for an internal call
 * @param result how the IVR part of the call ended
 * @param trace the engine's trace with the SIP/RTP detail entries in between, in the
 * order things happened
 * @param ratings quality ratings the caller gave
 */
public record IvrCallSummary(String callUuid, IvrSnapshot snapshot, Instant start, Instant end, String callerIdNumber,
		String callerIdName, String calledDid, CallResult result, List<TraceEntry> trace, List<Rating> ratings) {

	public IvrCallSummary {
		Objects.requireNonNull(callUuid, "callUuid");
		Objects.requireNonNull(snapshot, "snapshot");
		Objects.requireNonNull(result, "result");
		trace = List.copyOf(trace);
		ratings = List.copyOf(ratings);
	}

	/**
	 * A quality rating (rule 23).
	 *
	 * @param at when it was given
	 * @param rate the digit pressed
	 * @param maxRate the highest rate offered
	 */
	public record Rating(Instant at, int rate, int maxRate) {
	}

}
