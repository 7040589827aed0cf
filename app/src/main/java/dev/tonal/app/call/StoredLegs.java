package dev.tonal.app.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tonal.sip.ivrcall.CallLeg;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of a call's transfer legs ({@code call_history.legs}): a JSON array,
 * times in epoch ms. Its own small format, so what is stored does not follow the API's
 * shape (the API's {@code cdr} is derived from it on reading).
 */
final class StoredLegs {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private StoredLegs() {
	}

	static String format(List<CallLeg> legs) {
		List<Map<String, Object>> json = new ArrayList<>();
		for (CallLeg leg : legs) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("target", leg.target());
			entry.put("caller_number", leg.callerNumber());
			entry.put("trunk", leg.throughTrunk());
			entry.put("dialled", leg.dialled().toEpochMilli());
			entry.put("answered", (leg.answered() != null) ? leg.answered().toEpochMilli() : null);
			entry.put("ended", leg.ended().toEpochMilli());
			entry.put("outcome", leg.outcome().name().toLowerCase(Locale.ROOT));
			json.add(entry);
		}
		return JSON.writeValueAsString(json);
	}

	static List<CallLeg> parse(String stored) {
		List<CallLeg> legs = new ArrayList<>();
		for (JsonNode entry : JSON.readTree(stored)) {
			JsonNode answered = entry.get("answered");
			legs.add(new CallLeg(entry.get("target").asString(), entry.get("caller_number").asString(),
					entry.get("trunk").asBoolean(), Instant.ofEpochMilli(entry.get("dialled").asLong()),
					(answered == null || answered.isNull()) ? null : Instant.ofEpochMilli(answered.asLong()),
					Instant.ofEpochMilli(entry.get("ended").asLong()),
					CallLeg.Outcome.valueOf(entry.get("outcome").asString().toUpperCase(Locale.ROOT))));
		}
		return legs;
	}

}
