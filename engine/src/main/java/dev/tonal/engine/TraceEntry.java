package dev.tonal.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a call's trace (semantics.md rule 33): {@code {"at": ms, "type": ...,
 * ...attributes}}. {@code at} is ms since the call was answered; attributes keep their
 * order and hold only strings, numbers, booleans and lists of strings, so the JSON
 * mapping is mechanical. The same entries serve real calls and the simulator.
 *
 * <p>
 * Types are those of rule 33, plus a few that explain ends and skips: {@code error}
 * ({@code why}: no entry context, a missing context or option, the loop guard, an engine
 * fault), {@code verb_skipped} ({@code verb}, {@code why}: an unknown or unusable Call
 * Interactive verb, a failed synthesis), {@code speech_unmatched} ({@code speech}),
 * {@code speech_failed} ({@code why}) and {@code transfer_ended} (the callee hung up and
 * a quality_rate follows). A {@code digit} may carry {@code kept: true} (typed during a
 * rule without input, used by the next input) or {@code duplicate: true} (the same key
 * from a second transport).
 */
public record TraceEntry(long at, String type, Map<String, Object> attributes) {

	public TraceEntry {
		Objects.requireNonNull(type, "type");
		attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
	}

	/** An entry from alternating attribute names and values; null values are left out. */
	public static TraceEntry of(long at, String type, Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("attribute names and values must come in pairs");
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
			}
		}
		return new TraceEntry(at, type, attributes);
	}

	/** The attribute {@code name}, or null. */
	public Object get(String name) {
		return this.attributes.get(name);
	}

	@Override
	public String toString() {
		return this.at + " " + this.type + " " + this.attributes;
	}

}
