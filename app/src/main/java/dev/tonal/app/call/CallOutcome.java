package dev.tonal.app.call;

import dev.tonal.engine.CallResult;
import dev.tonal.sip.CallEndReason;
import dev.tonal.sip.ivrcall.CallLeg;

/**
 * How a call and each of its legs ended, in the original API's words (api.md §8): the one
 * place that maps Tonal's end reasons to {@code result}, {@code hangup_cause} (Q.850
 * names, as the original spells them) and {@code hangup_disposition}. Applied when a
 * record is read, so calls stored before these fields existed read the same way.
 *
 * @param result {@code answered}, {@code not answered}, {@code busy}, {@code failed},
 * {@code rejected}, {@code bridged}; for a leg also {@code answered elsewhere}
 * @param hangupCause e.g. {@code NORMAL_CLEARING}
 * @param hangupDisposition {@code caller_bye}, {@code callee_bye}, {@code caller_cancel},
 * {@code callee_refuse}, {@code internal_cancel}
 */
record CallOutcome(String result, String hangupCause, String hangupDisposition) {

	static final String NORMAL_CLEARING = "NORMAL_CLEARING";

	/**
	 * The outcome of the caller's call to the IVR.
	 * @param answered whether the IVR answered
	 * @param bridged whether a transfer leg was answered and connected
	 * @param endReason the engine's end word ({@link CallResult.End#wire()})
	 * @param wireEnd how the SIP call ended, or null (not recorded, or the call went on
	 * to another IVR)
	 */
	static CallOutcome ofCall(boolean answered, boolean bridged, String endReason, CallEndReason wireEnd) {
		String result = !answered ? ((wireEnd == CallEndReason.CALLER_CANCELLED) ? "not answered" : "failed")
				: bridged ? "bridged" : "answered";
		if (wireEnd == null) {
			boolean callerLeft = CallResult.End.CALLER_HANGUP.wire().equals(endReason);
			return new CallOutcome(result, causeOfIvrEnd(endReason), callerLeft ? "caller_bye" : "callee_bye");
		}
		return switch (wireEnd) {
			case CALLER_HUNG_UP -> new CallOutcome(result, NORMAL_CLEARING, "caller_bye");
			case WE_HUNG_UP -> new CallOutcome(result, causeOfIvrEnd(endReason), "callee_bye");
			case CALLER_CANCELLED -> new CallOutcome(result, "ORIGINATOR_CANCEL", "caller_cancel");
			case NO_ACK -> new CallOutcome(result, "RECOVERY_ON_TIMER_EXPIRE", "internal_cancel");
			case SERVER_STOPPED -> new CallOutcome(result, "SYSTEM_SHUTDOWN", "internal_cancel");
			case SIGNALLING_FAILED -> new CallOutcome(result, "NETWORK_OUT_OF_ORDER", "internal_cancel");
		};
	}

	/** The outcome of one leg a transfer placed. */
	static CallOutcome ofLeg(CallLeg.Outcome outcome) {
		return switch (outcome) {
			case CALLEE_HUNG_UP -> new CallOutcome("answered", NORMAL_CLEARING, "callee_bye");
			case WE_HUNG_UP -> new CallOutcome("answered", NORMAL_CLEARING, "caller_bye");
			case BUSY -> new CallOutcome("busy", "USER_BUSY", "callee_refuse");
			case REJECTED -> new CallOutcome("rejected", "CALL_REJECTED", "callee_refuse");
			case UNREACHABLE -> new CallOutcome("failed", "DESTINATION_OUT_OF_ORDER", "internal_cancel");
			case NO_ANSWER -> new CallOutcome("not answered", "NO_ANSWER", "internal_cancel");
			case ANSWERED_ELSEWHERE -> new CallOutcome("answered elsewhere", "LOSE_RACE", "internal_cancel");
			case CANCELLED -> new CallOutcome("not answered", "ORIGINATOR_CANCEL", "internal_cancel");
		};
	}

	/** The IVR ended the call: normally, unless it ended on an error. */
	private static String causeOfIvrEnd(String endReason) {
		return CallResult.End.ERROR.wire().equals(endReason) ? "NORMAL_TEMPORARY_FAILURE" : NORMAL_CLEARING;
	}

}
