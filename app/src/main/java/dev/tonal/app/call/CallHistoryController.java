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
 * (paged) and each call's trace. Datetimes in are {@code "YYYY-MM-DD HH:MM:SS"} in the
 * client's timezone, as are the ratings' times; a time range includes both of its ends
 * (to the second). Call records show their times in UTC, as the original's
 * {@code *_time_gmt} ({@link CallRecordJson}).
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
		Long extension = extensionId(extensionId, errors);
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
			@RequestParam(name = "flow", required = false) String flow,
			@RequestParam(name = "extension_id", required = false) String extensionId,
			@RequestParam(name = "to_username", required = false) String toUsername,
			@RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "per_page", required = false) String perPage,
			@RequestParam(name = "order", required = false) String order) {
		Client client = this.clients.get(caller.client(cid));
		InputErrors errors = new InputErrors();
		TimeRange range = TimeRange.parse(startDatetime, endDatetime, client.timezone(), errors);
		// 0 means the default, as for absent: clients that leave them unset send 0.
		int pageNumber = number(page, "page", 1, 1, Integer.MAX_VALUE, errors);
		int pageSize = number(perPage, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE, errors);
		CallHistoryRepository.CallFilter filter = new CallHistoryRepository.CallFilter(flow(flow, errors),
				extensionId(extensionId, errors),
				(toUsername == null || toUsername.isBlank()) ? null : toUsername.trim());
		String direction = (order == null || order.isBlank()) ? "desc" : order.trim().toLowerCase(Locale.ROOT);
		if (!direction.equals("asc") && !direction.equals("desc")) {
			errors.add("order", "must be asc (oldest first) or desc (newest first)");
		}
		errors.throwIfAny();
		List<Map<String, Object>> calls = this.history
			.calls(client.id(), range.from(), range.to(), filter, direction.equals("asc"), pageSize,
					(long) (pageNumber - 1) * pageSize)
			.stream()
			.map(CallRecordJson::of)
			.toList();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("page", pageNumber);
		json.put("per_page", pageSize);
		json.put("order", direction);
		json.put("call_history", calls);
		return json;
	}

	@GetMapping("/call_history/{callUuid}")
	Map<String, Object> call(Caller caller, @PathVariable String cid, @PathVariable String callUuid) {
		Client client = this.clients.get(caller.client(cid));
		return this.history.call(client.id(), callUuid)
			.map(CallRecordJson::of)
			.orElseThrow(() -> ApiException.notFound("call " + callUuid));
	}

	@GetMapping("/call_history/{callUuid}/trace")
	JsonNode trace(Caller caller, @PathVariable String cid, @PathVariable String callUuid) {
		Client client = this.clients.get(caller.client(cid));
		String trace = this.history.trace(client.id(), callUuid)
			.orElseThrow(() -> ApiException.notFound("call " + callUuid));
		return JSON.readTree(trace);
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

	/** The optional {@code extension_id} filter; 0 (what clients send unset) is none. */
	private static Long extensionId(String value, InputErrors errors) {
		if (value == null || value.isBlank() || value.trim().equals("0")) {
			return null;
		}
		try {
			return Long.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			errors.add("extension_id", "must be an extension id (a whole number), e.g. 12");
			return null;
		}
	}

	/** The optional {@code flow} filter. */
	private static String flow(String value, InputErrors errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String flow = value.trim().toLowerCase(Locale.ROOT);
		if (!flow.equals("in") && !flow.equals("out") && !flow.equals("transfer")) {
			errors.add("flow", "must be in, out or transfer");
		}
		return flow;
	}

	/**
	 * An optional whole-number query parameter within {@code [min, max]}; absent or 0
	 * means {@code otherwise}.
	 */
	private static int number(String value, String name, int otherwise, int min, int max, InputErrors errors) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			int number = Integer.parseInt(value.trim());
			if (number == 0) {
				return otherwise;
			}
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
