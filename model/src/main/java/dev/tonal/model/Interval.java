package dev.tonal.model;

import java.util.List;

/**
 * A named time interval of a client (api.md §4): it matches when any of its conditions
 * matches, evaluated in {@code timezone} (an IANA zone id).
 */
public record Interval(long id, String name, String timezone, List<IntervalCondition> conditions) {

	public Interval {
		conditions = List.copyOf(conditions);
	}

}
