package dev.tonal.app.interval;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tonal.app.api.Datetimes;
import dev.tonal.app.api.InputErrors;
import dev.tonal.model.validation.JsonInput;

/**
 * Validates the conditions of a time interval (api.md §4) and puts them in their one
 * stored and shown form: every key present, 0 for "any" numbers, null for absent times.
 * That JSON (an array of these objects) is what {@code time_interval.conditions} holds,
 * so readers of the table (the IVR snapshot) parse the API's own wire format.
 */
final class IntervalConditions {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private IntervalConditions() {
	}

	/**
	 * The normalised {@code conditions} of an interval body, or errors (at
	 * {@code conditions[i].field}) in {@code errors}.
	 */
	static List<Map<String, Object>> of(JsonInput body, InputErrors errors) {
		List<?> conditions = body.list("conditions");
		if (conditions == null || conditions.isEmpty()) {
			errors.add("conditions", "add at least one condition (an empty object matches any time)");
			return List.of();
		}
		List<Map<String, Object>> normalised = new ArrayList<>();
		for (int i = 0; i < conditions.size(); i++) {
			String path = "conditions[" + i + "]";
			if (!(conditions.get(i) instanceof Map<?, ?> condition)) {
				errors.add(path, "must be an object such as {\"start_dow\": 2, \"end_dow\": 6}");
				continue;
			}
			@SuppressWarnings("unchecked")
			Map<String, ?> fields = (Map<String, ?>) condition;
			normalised.add(normalise(body.nested(fields, path), errors));
		}
		return normalised;
	}

	private static Map<String, Object> normalise(JsonInput fields, InputErrors errors) {
		Map<String, Object> condition = new LinkedHashMap<>();
		pair(fields, "start_dow", "end_dow", 7, "1 = Sunday … 7 = Saturday", condition, errors);
		pair(fields, "start_mday", "end_mday", 31, "a day of the month", condition, errors);
		condition.put("month", number(fields, "month", 12, "1 = January … 12 = December", errors));
		int before = errors.count();
		String startTime = time(fields, "start_time", errors);
		String endTime = time(fields, "end_time", errors);
		if (errors.count() == before && (startTime == null) != (endTime == null)) {
			errors.add(fields.path((startTime == null) ? "start_time" : "end_time"),
					"set both start_time and end_time (\"hh:mm:ss\"), or neither");
		}
		condition.put("start_time", startTime);
		condition.put("end_time", endTime);
		before = errors.count();
		LocalDateTime start = datetime(fields, "start_datetime", errors);
		LocalDateTime end = datetime(fields, "end_datetime", errors);
		boolean readable = errors.count() == before;
		if (readable && (start == null) != (end == null)) {
			errors.add(fields.path((start == null) ? "start_datetime" : "end_datetime"),
					"set both start_datetime and end_datetime (\"YYYY-MM-DD HH:MM:SS\"), or neither");
		}
		else if (readable && start != null && start.isAfter(end)) {
			errors.add(fields.path("end_datetime"), "must not be before start_datetime");
		}
		condition.put("start_datetime", (start != null) ? Datetimes.FORMAT.format(start) : null);
		condition.put("end_datetime", (end != null) ? Datetimes.FORMAT.format(end) : null);
		return condition;
	}

	/** A start/end pair of numbers 1..max, 0 or absent meaning any; both or neither. */
	private static void pair(JsonInput fields, String startField, String endField, int max, String meaning,
			Map<String, Object> condition, InputErrors errors) {
		int before = errors.count();
		int start = number(fields, startField, max, meaning, errors);
		int end = number(fields, endField, max, meaning, errors);
		if (errors.count() == before && (start == 0) != (end == 0)) {
			errors.add(fields.path((start == 0) ? startField : endField),
					"set both " + startField + " and " + endField + " (1.." + max + "), or neither");
		}
		condition.put(startField, start);
		condition.put(endField, end);
	}

	private static int number(JsonInput fields, String field, int max, String meaning, InputErrors errors) {
		Long value = fields.whole(field, null);
		if (value == null) {
			return 0;
		}
		if (value < 0 || value > max) {
			errors.add(fields.path(field), "must be 1.." + max + " (" + meaning + "), or 0 for any");
			return 0;
		}
		return value.intValue();
	}

	private static String time(JsonInput fields, String field, InputErrors errors) {
		String text = fields.string(field, null);
		if (text == null) {
			return null;
		}
		try {
			return TIME.format(LocalTime.parse(text, TIME));
		}
		catch (DateTimeParseException ex) {
			errors.add(fields.path(field), "must be a time of day \"hh:mm:ss\" such as \"09:00:00\"");
			return null;
		}
	}

	private static LocalDateTime datetime(JsonInput fields, String field, InputErrors errors) {
		String text = fields.string(field, null);
		if (text == null) {
			return null;
		}
		LocalDateTime value = Datetimes.parse(text);
		if (value == null) {
			errors.add(fields.path(field), "must be \"YYYY-MM-DD HH:MM:SS\" such as \"2026-01-01 00:00:00\"");
		}
		return value;
	}

}
