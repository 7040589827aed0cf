package dev.tonal.app.call;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Stored call traces for analyses outside this package (the IVR funnel): each trace as
 * the list of entries {@code {"at", "type", ...}} that {@link TraceJson} wrote.
 */
@Component
public class StoredTraces {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<Map<String, Object>>> TRACE = new TypeReference<>() {
	};

	private final CallHistoryRepository history;

	StoredTraces(CallHistoryRepository history) {
		this.history = history;
	}

	/**
	 * Hands each trace of the extension's calls that started in {@code [from, to)} (null:
	 * unbounded) to {@code each}, oldest first.
	 */
	public void forEach(long clientId, long extensionId, Instant from, Instant to,
			Consumer<List<Map<String, Object>>> each) {
		this.history.traces(clientId, extensionId, from, to, (trace) -> each.accept(JSON.readValue(trace, TRACE)));
	}

}
