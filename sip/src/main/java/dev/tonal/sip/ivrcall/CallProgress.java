package dev.tonal.sip.ivrcall;

import java.time.Instant;
import java.util.Objects;

import dev.tonal.model.IvrSnapshot;

/**
 * A step of a call that the outside world may want to hear of at once (the call events of
 * api.md §9): the IVR was reached, it answered, a transfer dialled a leg, the leg was
 * answered, a leg or the call hung up. Handed to {@link IvrCallPorts#progress} as it
 * happens, on whatever thread saw it; the receiver must return at once.
 *
 * @param step what happened
 * @param callUuid the call's id
 * @param ivr the IVR whose call it is (its client and extension)
 * @param flow how the call reached the IVR
 * @param callerIdNumber the caller's number ("" when withheld)
 * @param callerIdName the caller's name ("" when none)
 * @param calledDid the DID dialled, or the IVR's bare name for an internal call
 * @param calledUser what the caller dialled (the INVITE's user part)
 * @param leg the transfer leg this is about, or null for the caller's call to the IVR
 * @param at when it happened
 * @param status the call status word of api.md §9 ({@code CALLING}, {@code ANSWER},
 * {@code BUSY}, {@code NOANSWER}, {@code CANCEL}, {@code CONGESTION},
 * {@code CHANUNAVAIL})
 * @param answeredAt when the call (or leg) was answered, or null: its duration on hangup
 */
public record CallProgress(Step step, String callUuid, IvrSnapshot ivr, IvrCallSummary.Flow flow, String callerIdNumber,
		String callerIdName, String calledDid, String calledUser, LegTarget leg, Instant at, String status,
		Instant answeredAt) {

	public CallProgress {
		Objects.requireNonNull(step, "step");
		Objects.requireNonNull(callUuid, "callUuid");
		Objects.requireNonNull(ivr, "ivr");
		Objects.requireNonNull(flow, "flow");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(status, "status");
		callerIdNumber = (callerIdNumber != null) ? callerIdNumber : "";
		callerIdName = (callerIdName != null) ? callerIdName : "";
		calledDid = (calledDid != null) ? calledDid : "";
		calledUser = (calledUser != null) ? calledUser : "";
	}

	/** The steps. */
	public enum Step {

		/** A call reached the IVR, or a transfer dialled a leg. */
		DIALLED,

		/** The IVR or the leg's callee answered. */
		ANSWERED,

		/** The call or the leg ended. */
		HUNG_UP

	}

	/**
	 * The leg a transfer placed.
	 *
	 * @param target the SIP URI dialled
	 * @param user its user part (the phone's name or the external number)
	 * @param callerNumber the number presented
	 */
	public record LegTarget(String target, String user, String callerNumber) {
	}

	/**
	 * Where one IVR run's steps go: fills in the call's side of a {@link CallProgress}.
	 */
	@FunctionalInterface
	interface Sink {

		void step(Step step, LegTarget leg, Instant at, String status, Instant answeredAt);

	}

}
