package dev.tonal.app.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tonal.app.api.Datetimes;
import dev.tonal.sip.ivrcall.CallLeg;

/**
 * A call-history record as the API shows it (api.md §8): the original API's fields first,
 * in its order, then Tonal's own. Times are {@code "YYYY-MM-DD HH:MM:SS"} in UTC (the
 * original's {@code *_time_gmt}), null when the moment did not happen; durations whole
 * seconds.
 */
final class CallRecordJson {

	private static final String UTC = "UTC";

	private CallRecordJson() {
	}

	static Map<String, Object> of(CallHistoryRepository.CallRow call) {
		CallLeg bridged = call.bridgedLeg();
		Instant bridgedAt = (bridged != null) ? bridged.answered() : null;
		CallOutcome outcome = CallOutcome.ofCall(call.answer() != null, bridged != null, call.endReason(),
				call.wireEnd());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("call_uuid", call.callUuid());
		json.put("flow", call.flow());
		json.put("init_time_gmt", time(call.start()));
		json.put("start_time_gmt", time(call.answer()));
		json.put("bridged_time_gmt", time(bridgedAt));
		json.put("hangup_time_gmt", time(call.end()));
		json.put("duration", seconds(call.start(), call.end()));
		json.put("bridged_duration", (bridged != null) ? seconds(bridged.answered(), bridged.ended()) : 0);
		json.put("bridged", bridged != null);
		json.put("extension_id", call.extensionId());
		json.put("from_username", call.callerIdNumber());
		json.put("to_username", call.toUsername());
		json.put("result", outcome.result());
		json.put("hangup_cause", outcome.hangupCause());
		json.put("hangup_disposition", outcome.hangupDisposition());
		json.put("cdr", cdr(call, outcome));
		// Tonal's own
		json.put("caller_id_name", call.callerIdName());
		json.put("called_did", call.calledDid());
		json.put("duration_ms", call.durationMs());
		json.put("transferred_to", call.transferredTo());
		json.put("end_reason", call.endReason());
		return json;
	}

	/** One entry per leg: the caller's call to the IVR, then every transfer leg. */
	private static List<Map<String, Object>> cdr(CallHistoryRepository.CallRow call, CallOutcome outcome) {
		List<Map<String, Object>> legs = new ArrayList<>();
		legs.add(leg("ivr", outcome.result().equals("bridged") ? "answered" : outcome.result(), outcome,
				seconds(call.start(), call.end()), call.start(), call.answer(), call.end(), call.flow(),
				call.extensionId(), call.callerIdNumber(), call.toUsername()));
		for (CallLeg leg : call.legs()) {
			CallOutcome legOutcome = CallOutcome.ofLeg(leg.outcome());
			legs.add(leg(leg.throughTrunk() ? "trunk" : "phone", legOutcome.result(), legOutcome,
					seconds(leg.dialled(), leg.ended()), leg.dialled(), leg.answered(), leg.ended(), "transfer", null,
					leg.callerNumber(), leg.targetUser()));
		}
		return legs;
	}

	private static Map<String, Object> leg(String type, String result, CallOutcome outcome, long duration, Instant init,
			Instant answer, Instant hangup, String flow, Long extensionId, String from, String to) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("extension_type", type);
		json.put("result", result);
		json.put("hangup_cause", outcome.hangupCause());
		json.put("hangup_disposition", outcome.hangupDisposition());
		json.put("duration", duration);
		json.put("init_time_gmt", time(init));
		json.put("start_time_gmt", time(answer));
		json.put("hangup_time_gmt", time(hangup));
		json.put("flow", flow);
		json.put("extension_id", extensionId);
		json.put("from_username", from);
		json.put("to_username", to);
		// Tonal records no calls: there is never a recording to point to.
		json.put("record_uuid", "");
		return json;
	}

	private static String time(Instant instant) {
		return (instant != null) ? Datetimes.format(instant, UTC) : null;
	}

	/** Whole seconds from {@code from} to {@code to} (rounded down, as a timer shows). */
	private static long seconds(Instant from, Instant to) {
		return (from != null && to != null) ? Math.max(0, Duration.between(from, to).toSeconds()) : 0;
	}

}
