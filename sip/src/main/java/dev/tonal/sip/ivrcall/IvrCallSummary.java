package dev.tonal.sip.ivrcall;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.tonal.engine.CallResult;
import dev.tonal.engine.TraceEntry;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.sip.CallEndReason;

/**
 * What a finished IVR call leaves behind (semantics.md rule 31), handed to
 * {@link IvrCallPorts#finished} once: the one record of a call, from which the
 * application writes its history (api.md §8).
 *
 * @param callUuid the call's id ({@code call_uuid})
 * @param snapshot the IVR the call ran (its extension and client)
 * @param flow how the call reached the IVR
 * @param start when the INVITE arrived (or the IVR was reached by a transfer)
 * @param answered when the IVR answered (the caller's ACK), or null when it never was
 * @param end when the call ended (or went on to another IVR)
 * @param callerIdNumber the caller's number ("" when withheld)
 * @param callerIdName the caller's display name ("" when none)
 * @param calledUser the number or name the caller dialled (the INVITE's user part)
 * @param calledDid what {@code called_did} held: the DID dialled, or the IVR's bare name
 * for an internal call
 * @param result how the IVR part of the call ended
 * @param wireEnd how the SIP call ended, or null when it did not end here (a transfer
 * went on to another IVR on the same call)
 * @param legs the legs the IVR's transfers placed, in the order they were dialled
 * @param trace the engine's trace with the SIP/RTP detail entries in between, in the
 * order things happened
 * @param ratings quality ratings the caller gave
 */
public record IvrCallSummary(String callUuid, IvrSnapshot snapshot, Flow flow, Instant start, Instant answered,
		Instant end, String callerIdNumber, String callerIdName, String calledUser, String calledDid, CallResult result,
		CallEndReason wireEnd, List<CallLeg> legs, List<TraceEntry> trace, List<Rating> ratings) {

	public IvrCallSummary {
		Objects.requireNonNull(callUuid, "callUuid");
		Objects.requireNonNull(snapshot, "snapshot");
		Objects.requireNonNull(flow, "flow");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(result, "result");
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("a call cannot end (" + end + ") before it starts (" + start + ")");
		}
		callerIdNumber = (callerIdNumber != null) ? callerIdNumber : "";
		callerIdName = (callerIdName != null) ? callerIdName : "";
		calledUser = (calledUser != null) ? calledUser : "";
		legs = List.copyOf(legs);
		trace = List.copyOf(trace);
		ratings = List.copyOf(ratings);
	}

	/** How a call reached the IVR ({@code flow} of api.md §8). */
	public enum Flow {

		/** A call came in (from a trunk or a phone). */
		IN,

		/** Tonal placed the call (a callback). */
		OUT,

		/** Another IVR of the same call transferred it here. */
		TRANSFER

	}

	/** The destination the call was transferred to, or null when it was not. */
	public String transferredTo() {
		return (this.result.end() == CallResult.End.TRANSFERRED) ? this.result.destination() : null;
	}

	/** The leg that was answered and bridged to the caller, or null. */
	public CallLeg bridgedLeg() {
		return this.legs.stream().filter(CallLeg::wasAnswered).reduce((first, later) -> later).orElse(null);
	}

	/**
	 * A quality rating (rule 23).
	 *
	 * @param at when it was given
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

	}

}
