package dev.tonal.app.ivr;

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
import tools.jackson.databind.JsonNode;

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
	 * @param body the request body (null or empty for a silent caller)
	 * @param now the simulated time when the request names none
	 * @param clientZone the zone of a {@code time} given without an offset
	 */
	static SimulationInput read(JsonNode body, Instant now, String clientZone) {
		InputErrors errors = new InputErrors();
		if (body != null && !body.isNull() && !body.isObject()) {
			errors.add("body", "must be a JSON object such as {\"events\": [{\"at\": 1200, \"dtmf\": \"1\"}]}");
			errors.throwIfAny();
		}
		JsonNode in = (body != null) ? body : tools.jackson.databind.node.MissingNode.getInstance();
		String callerIdNumber = text(in, "caller_id_number", errors);
		String callerIdName = text(in, "caller_id_name", errors);
		String calledDid = text(in, "called_did", errors);
		Instant time = time(in.get("time"), now, clientZone, errors);
		List<CallerEvent> events = events(in.get("events"), errors);
		Map<String, String> transfers = transfers(in.get("transfers"), errors);
		Map<String, HttpStub> http = http(in.get("http"), errors);
		List<Speech> speech = speech(in.get("speech"), errors);
		long maxDuration = 0;
		JsonNode max = in.get("max_duration");
		if (present(max)) {
			if (!max.isIntegralNumber() || max.asLong() <= 0) {
				errors.add("max_duration", "must be a positive number of milliseconds");
			}
			else {
				maxDuration = max.asLong();
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

	private static Instant time(JsonNode value, Instant now, String clientZone, InputErrors errors) {
		if (!present(value)) {
			return now;
		}
		String text = value.isString() ? value.asString() : "";
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

	private static List<CallerEvent> events(JsonNode events, InputErrors errors) {
		List<CallerEvent> read = new ArrayList<>();
		for (int i : indexes(events, "events", errors)) {
			String path = "events[" + i + "]";
			JsonNode event = events.get(i);
			Long at = at(event, path, errors);
			JsonNode dtmf = event.get("dtmf");
			boolean hangup = event.path("hangup").asBoolean(false);
			if (present(dtmf) && (!dtmf.isString() || !dtmf.asString().matches("[0-9*#]+"))) {
				errors.add(path + ".dtmf", "must be keys of 0-9, * and #, e.g. \"1\"");
			}
			else if (present(dtmf) == hangup) {
				errors.add(path, "give either \"dtmf\" or \"hangup\": true");
			}
			else if (at != null) {
				read.add(hangup ? CallerEvent.hangup(at) : CallerEvent.dtmf(at, dtmf.asString()));
			}
		}
		return read;
	}

	private static Map<String, String> transfers(JsonNode transfers, InputErrors errors) {
		Map<String, String> read = new LinkedHashMap<>();
		if (!present(transfers)) {
			return read;
		}
		if (!transfers.isObject()) {
			errors.add("transfers", "must be an object of destination: outcome, e.g. {\"050\": \"busy\"}");
			return read;
		}
		for (Map.Entry<String, JsonNode> entry : transfers.properties()) {
			String outcome = entry.getValue().isString() ? entry.getValue().asString() : "";
			if (!SimulationInput.TRANSFER_OUTCOMES.contains(outcome)) {
				errors.add("transfers." + entry.getKey(), "must be one of: "
						+ String.join(", ", SimulationInput.TRANSFER_OUTCOMES.stream().sorted().toList()));
			}
			else {
				read.put(entry.getKey(), outcome);
			}
		}
		return read;
	}

	private static Map<String, HttpStub> http(JsonNode http, InputErrors errors) {
		Map<String, HttpStub> read = new LinkedHashMap<>();
		if (!present(http)) {
			return read;
		}
		if (!http.isObject()) {
			errors.add("http", "must be an object of url: {\"status\", \"body\", \"delay\"}");
			return read;
		}
		for (Map.Entry<String, JsonNode> entry : http.properties()) {
			String path = "http." + entry.getKey();
			JsonNode stub = entry.getValue();
			int status = stub.path("status").asInt(200);
			if (!stub.isObject() || status < 100 || status > 599) {
				errors.add(path, "must be {\"status\": 100..599, \"body\": \"<Response>…</Response>\", \"delay\": ms}");
				continue;
			}
			read.put(entry.getKey(),
					new HttpStub(status, stub.path("body").asString(""), stub.path("delay").asLong(0)));
		}
		return read;
	}

	private static List<Speech> speech(JsonNode speech, InputErrors errors) {
		List<Speech> read = new ArrayList<>();
		for (int i : indexes(speech, "speech", errors)) {
			String path = "speech[" + i + "]";
			Long at = at(speech.get(i), path, errors);
			JsonNode text = speech.get(i).get("text");
			if (!present(text) || !text.isString()) {
				errors.add(path + ".text", "is required: what the caller says");
			}
			else if (at != null) {
				read.add(new Speech(at, text.asString()));
			}
		}
		return read;
	}

	/**
	 * The indexes of an optional array of objects, reporting items that are not objects.
	 */
	private static List<Integer> indexes(JsonNode array, String field, InputErrors errors) {
		List<Integer> indexes = new ArrayList<>();
		if (!present(array)) {
			return indexes;
		}
		if (!array.isArray()) {
			errors.add(field, "must be an array of objects");
			return indexes;
		}
		for (int i = 0; i < array.size(); i++) {
			if (array.get(i).isObject()) {
				indexes.add(i);
			}
			else {
				errors.add(field + "[" + i + "]", "must be an object");
			}
		}
		return indexes;
	}

	private static Long at(JsonNode item, String path, InputErrors errors) {
		JsonNode at = item.get("at");
		if (!present(at) || !at.isIntegralNumber() || at.asLong() < 0) {
			errors.add(path + ".at", "is required: ms after the call was answered (0 or more)");
			return null;
		}
		return at.asLong();
	}

	private static String text(JsonNode in, String field, InputErrors errors) {
		JsonNode value = in.get(field);
		if (!present(value)) {
			return null;
		}
		if (!value.isString()) {
			errors.add(field, "must be a string");
			return null;
		}
		return value.asString();
	}

	private static boolean present(JsonNode value) {
		return value != null && !value.isNull() && !value.isMissingNode();
	}

}
