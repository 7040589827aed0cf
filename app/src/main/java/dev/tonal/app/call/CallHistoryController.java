package dev.tonal.app.call;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.api.Datetimes;
import dev.tonal.app.api.InputErrors;
import dev.tonal.app.auth.Caller;
import dev.tonal.app.client.Client;
import dev.tonal.app.client.ClientRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What calls left behind (api.md §8): a client's quality ratings, its call history
 * (paged) and each call's trace. Datetimes in and out are {@code "YYYY-MM-DD HH:MM:SS"}
 * in the client's timezone; a time range includes both of its ends (to the second).
 */
@RestController
@RequestMapping("/api/ver1.0/client/{cid}")
class CallHistoryController {

	static final int DEFAULT_PER_PAGE = 50;

	static final int MAX_PER_PAGE = 500;

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final CallHistoryRepository history;

	private final ClientRepository clients;

	CallHistoryController(CallHistoryRepository history, ClientRepository clients) {
		this.history = history;
		this.clients = clients;
	}

	@GetMapping("/quality_rate")
	List<Map<String, Object>> ratings(Caller caller, @PathVariable String cid,
			@RequestParam(name = "start_datetime", required = false) String startDatetime,
			@RequestParam(name = "end_datetime", required = false) String endDatetime,
			@RequestParam(name = "extension_id", required = false) String extensionId) {
		Client client = this.clients.get(caller.client(cid));
		InputErrors errors = new InputErrors();
		TimeRange range = TimeRange.parse(startDatetime, endDatetime, client.timezone(), errors);
		Long extension = null;
		if (extensionId != null && !extensionId.isBlank()) {
			try {
				extension = Long.valueOf(extensionId.trim());
			}
			catch (NumberFormatException ex) {
				errors.add("extension_id", "must be an extension id (a whole number), e.g. 12");
			}
		}
		errors.throwIfAny();
		return this.history.ratings(client.id(), range.from(), range.to(), extension)
			.stream()
			.map((rating) -> rating(rating, client.timezone()))
			.toList();
	}

	@GetMapping("/call_history")
	Map<String, Object> calls(Caller caller, @PathVariable String cid,
			@RequestParam(name = "start_datetime", required = false) String startDatetime,
			@RequestParam(name = "end_datetime", required = false) String endDatetime,
			@RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "per_page", required = false) String perPage,
			@RequestParam(name = "order", required = false) String order) {
		Client client = this.clients.get(caller.client(cid));
		InputErrors errors = new InputErrors();
		TimeRange range = TimeRange.parse(startDatetime, endDatetime, client.timezone(), errors);
		int pageNumber = number(page, "page", 1, 1, Integer.MAX_VALUE, errors);
		int pageSize = number(perPage, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE, errors);
		String direction = (order == null || order.isBlank()) ? "desc" : order.trim().toLowerCase(Locale.ROOT);
		if (!direction.equals("asc") && !direction.equals("desc")) {
			errors.add("order", "must be asc (oldest first) or desc (newest first)");
		}
		errors.throwIfAny();
		List<Map<String, Object>> calls = this.history
			.calls(client.id(), range.from(), range.to(), direction.equals("asc"), pageSize,
					(long) (pageNumber - 1) * pageSize)
			.stream()
			.map((call) -> call(call, client.timezone()))
			.toList();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("page", pageNumber);
		json.put("per_page", pageSize);
		json.put("order", direction);
		json.put("call_history", calls);
		return json;
	}

	@GetMapping("/call_history/{callUuid}/trace")
	JsonNode trace(Caller caller, @PathVariable String cid, @PathVariable String callUuid) {
		Client client = this.clients.get(caller.client(cid));
		String trace = this.history.trace(client.id(), callUuid)
			.orElseThrow(() -> ApiException.notFound("call " + callUuid));
		return JSON.readTree(trace);
	}

	private static Map<String, Object> call(CallHistoryRepository.CallRow call, String zone) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("call_uuid", call.callUuid());
		json.put("start", Datetimes.format(call.start(), zone));
		json.put("end", Datetimes.format(call.end(), zone));
		json.put("caller_id_number", call.callerIdNumber());
		json.put("caller_id_name", call.callerIdName());
		json.put("called_did", call.calledDid());
		json.put("extension_id", call.extensionId());
		json.put("duration_ms", call.durationMs());
		json.put("result", call.result());
		json.put("transferred_to", call.transferredTo());
		return json;
	}

	private static Map<String, Object> rating(CallHistoryRepository.RatingRow rating, String zone) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", rating.id());
		json.put("call_uuid", rating.callUuid());
		json.put("client_id", rating.clientId());
		json.put("extension_id", rating.extensionId());
		json.put("datetime", Datetimes.format(rating.datetime(), zone));
		json.put("max_rate", rating.maxRate());
		json.put("rate", rating.rate());
		return json;
	}

	/** An optional whole-number query parameter within {@code [min, max]}. */
	private static int number(String value, String name, int otherwise, int min, int max, InputErrors errors) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			int number = Integer.parseInt(value.trim());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(name, "must be a whole number from " + min + ((max == Integer.MAX_VALUE) ? " up" : " to " + max)
				+ ", e.g. " + otherwise);
		return otherwise;
	}

	/**
	 * The times between {@code start_datetime} and {@code end_datetime}, both included:
	 * {@code [from, to)} with {@code to} one second after the end (the API's datetimes
	 * have whole seconds). A null bound is open.
	 */
	record TimeRange(Instant from, Instant to) {

		static TimeRange parse(String start, String end, String zone, InputErrors errors) {
			Instant from = Datetimes.parameter(start, "start_datetime", zone, errors);
			Instant last = Datetimes.parameter(end, "end_datetime", zone, errors);
			if (from != null && last != null && last.isBefore(from)) {
				errors.add("end_datetime", "must not be before start_datetime");
			}
			return new TimeRange(from, (last != null) ? last.plusSeconds(1) : null);
		}

	}

}
