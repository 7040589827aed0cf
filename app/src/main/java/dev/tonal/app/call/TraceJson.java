package dev.tonal.app.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tonal.engine.TraceEntry;

/**
 * The one JSON form of a call's trace (semantics.md rule 33): each entry is {@code {"at":
 * ms, "type": ..., ...attributes}} in the engine's attribute order. The simulator
 * endpoint answers with it and real calls store it, so both read the same.
 */
public final class TraceJson {

	private TraceJson() {
	}

	/** The trace as a JSON-ready list of objects. */
	public static List<Map<String, Object>> of(List<TraceEntry> trace) {
		List<Map<String, Object>> json = new ArrayList<>(trace.size());
		for (TraceEntry entry : trace) {
			json.add(of(entry));
		}
		return json;
	}

	/** One entry as a JSON-ready object. */
	public static Map<String, Object> of(TraceEntry entry) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("at", entry.at());
		item.put("type", entry.type());
		item.putAll(entry.attributes());
		return item;
	}

}
