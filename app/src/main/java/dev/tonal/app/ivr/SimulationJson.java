package dev.tonal.app.ivr;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tonal.app.api.Datetimes;
import dev.tonal.app.api.InputErrors;
import dev.tonal.app.call.TraceJson;
import dev.tonal.engine.simulation.SimulationInput;
import dev.tonal.engine.simulation.SimulationInput.CallerEvent;
import dev.tonal.engine.simulation.SimulationInput.HttpStub;
import dev.tonal.engine.simulation.SimulationInput.Speech;
import dev.tonal.engine.simulation.SimulationOutput;
import dev.tonal.model.validation.JsonInput;

/**
 * The JSON of the simulator endpoint (semantics.md rule 33): reads a request into a
 * {@link SimulationInput}, reporting each bad field by its path, and writes a
 * {@link SimulationOutput}.
 */
final class SimulationJson {

	private SimulationJson() {
	}

	/**
	 * Reads a simulation request; every field is optional.
	 * @param body the request body (null for a silent caller)
	 * @param now the simulated time when the request names none
	 * @param clientZone the zone of a {@code time} given without an offset
	 */
	static SimulationInput read(Map<String, Object> body, Instant now, String clientZone) {
		InputErrors errors = new InputErrors();
		Map<String, Object> fields = (body != null) ? body : Map.of();
		JsonInput in = errors.read(fields);
		String callerIdNumber = in.string("caller_id_number", null);
		String callerIdName = in.string("caller_id_name", null);
		String calledDid = in.string("called_did", null);
		Instant time = time(fields.get("time"), now, clientZone, errors);
		List<CallerEvent> events = events(fields.get("events"), errors);
		Map<String, String> transfers = transfers(fields.get("transfers"), errors);
		Map<String, HttpStub> http = http(fields.get("http"), errors);
		List<Speech> speech = speech(fields.get("speech"), errors);
		long maxDuration = 0;
		Object max = fields.get("max_duration");
		if (max != null) {
			Long millis = integral(max);
			if (millis == null || millis <= 0) {
				errors.add("max_duration", "must be a positive number of milliseconds");
			}
			else {
				maxDuration = millis;
			}
		}
		errors.throwIfAny();
		return new SimulationInput(callerIdNumber, callerIdName, calledDid, time, events, transfers, http, speech,
				maxDuration);
	}

	static Map<String, Object> write(SimulationOutput output) {
		Map<String, Object> json = new LinkedHashMap<>();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("end", output.result().end());
		result.put("at", output.result().at());
		result.put("destination", output.result().destination());
		result.put("reason", output.result().reason());
		json.put("result", result);
		json.put("trace", TraceJson.of(output.trace()));
		json.put("variables", output.variables());
		json.put("ratings",
				output.ratings()
					.stream()
					.map((rating) -> Map.<String, Object>of("rate", rating.rate(), "max_rate", rating.maxRate()))
					.toList());
		return json;
	}

	private static Instant time(Object value, Instant now, String clientZone, InputErrors errors) {
		if (value == null) {
			return now;
		}
		String text = (value instanceof String string) ? string : "";
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			// Also the API's usual form, in the client's timezone (api.md §1).
		}
		try {
			LocalDateTime local = Datetimes.parse(text);
			return local.atZone(ZoneId.of(clientZone)).toInstant();
		}
		catch (RuntimeException ex) {
			errors.add("time", "must be a time such as \"2026-11-23T10:00:00+03:00\" or \"2026-11-23 10:00:00\""
					+ " (in the client's timezone)");
			return now;
		}
	}

	private static List<CallerEvent> events(Object events, InputErrors errors) {
		List<CallerEvent> read = new ArrayList<>();
		List<Map<?, ?>> items = objects(events, "events", errors);
		for (int i = 0; i < items.size(); i++) {
			Map<?, ?> event = items.get(i);
			if (event == null) {
				continue;
			}
			String path = "events[" + i + "]";
			Long at = at(event, path, errors);
			Object dtmf = event.get("dtmf");
			boolean hangup = Boolean.TRUE.equals(event.get("hangup"));
			if (dtmf != null && !(dtmf instanceof String keys && keys.matches("[0-9*#]+"))) {
				errors.add(path + ".dtmf", "must be keys of 0-9, * and #, e.g. \"1\"");
			}
			else if ((dtmf != null) == hangup) {
				errors.add(path, "give either \"dtmf\" or \"hangup\": true");
			}
			else if (at != null) {
				read.add(hangup ? CallerEvent.hangup(at) : CallerEvent.dtmf(at, (String) dtmf));
			}
		}
		return read;
	}

	private static Map<String, String> transfers(Object transfers, InputErrors errors) {
		Map<String, String> read = new LinkedHashMap<>();
		if (transfers == null) {
			return read;
		}
		if (!(transfers instanceof Map<?, ?> outcomes)) {
			errors.add("transfers", "must be an object of destination: outcome, e.g. {\"050\": \"busy\"}");
			return read;
		}
		for (Map.Entry<?, ?> entry : outcomes.entrySet()) {
			String outcome = (entry.getValue() instanceof String text) ? text : "";
			if (!SimulationInput.TRANSFER_OUTCOMES.contains(outcome)) {
				errors.add("transfers." + entry.getKey(), "must be one of: "
						+ String.join(", ", SimulationInput.TRANSFER_OUTCOMES.stream().sorted().toList()));
			}
			else {
				read.put(entry.getKey().toString(), outcome);
			}
		}
		return read;
	}

	private static Map<String, HttpStub> http(Object http, InputErrors errors) {
		Map<String, HttpStub> read = new LinkedHashMap<>();
		if (http == null) {
			return read;
		}
		if (!(http instanceof Map<?, ?> stubs)) {
			errors.add("http", "must be an object of url: {\"status\", \"body\", \"delay\"}");
			return read;
		}
		for (Map.Entry<?, ?> entry : stubs.entrySet()) {
			String path = "http." + entry.getKey();
			Map<?, ?> stub = (entry.getValue() instanceof Map<?, ?> object) ? object : null;
			Long status = (stub != null && stub.get("status") != null) ? integral(stub.get("status"))
					: Long.valueOf(200);
			if (stub == null || status == null || status < 100 || status > 599) {
				errors.add(path, "must be {\"status\": 100..599, \"body\": \"<Response>…</Response>\", \"delay\": ms}");
				continue;
			}
			String text = (stub.get("body") instanceof String given) ? given : "";
			Long delay = integral(stub.get("delay"));
			read.put(entry.getKey().toString(), new HttpStub(status.intValue(), text, (delay != null) ? delay : 0));
		}
		return read;
	}

	private static List<Speech> speech(Object speech, InputErrors errors) {
		List<Speech> read = new ArrayList<>();
		List<Map<?, ?>> items = objects(speech, "speech", errors);
		for (int i = 0; i < items.size(); i++) {
			Map<?, ?> item = items.get(i);
			if (item == null) {
				continue;
			}
			String path = "speech[" + i + "]";
			Long at = at(item, path, errors);
			if (!(item.get("text") instanceof String text)) {
				errors.add(path + ".text", "is required: what the caller says");
			}
			else if (at != null) {
				read.add(new Speech(at, text));
			}
		}
		return read;
	}

	/**
	 * The items of an optional array of objects, null where an item is not an object
	 * (reported).
	 */
	private static List<Map<?, ?>> objects(Object array, String field, InputErrors errors) {
		List<Map<?, ?>> items = new ArrayList<>();
		if (array == null) {
			return items;
		}
		if (!(array instanceof List<?> list)) {
			errors.add(field, "must be an array of objects");
			return items;
		}
		for (int i = 0; i < list.size(); i++) {
			if (list.get(i) instanceof Map<?, ?> object) {
				items.add(object);
			}
			else {
				items.add(null);
				errors.add(field + "[" + i + "]", "must be an object");
			}
		}
		return items;
	}

	private static Long at(Map<?, ?> item, String path, InputErrors errors) {
		Long at = integral(item.get("at"));
		if (at == null || at < 0) {
			errors.add(path + ".at", "is required: ms after the call was answered (0 or more)");
			return null;
		}
		return at;
	}

	/** A JSON whole number (not a string of digits), or null. */
	private static Long integral(Object value) {
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			return ((Number) value).longValue();
		}
		if (value instanceof BigInteger big && big.bitLength() < 64) {
			return big.longValue();
		}
		return null;
	}

}
