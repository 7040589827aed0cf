package dev.tonal.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A named time interval of a client (api.md §4): it matches when any of its conditions
 * matches, evaluated in {@code timezone} (an IANA zone id). An interval without
 * conditions matches nothing.
 */
public record Interval(long id, String name, String timezone, List<IntervalCondition> conditions) {

	public Interval {
		conditions = List.copyOf(conditions);
	}

	/**
	 * Whether the moment {@code at} is inside this interval, read as wall-clock time in
	 * its {@code timezone} (semantics.md rule 6).
	 * @throws DateTimeException when {@code timezone} is not a known zone id
	 */
	public boolean contains(Instant at) {
		LocalDateTime local = LocalDateTime.ofInstant(at, ZoneId.of(this.timezone));
		for (IntervalCondition condition : this.conditions) {
			if (condition.contains(local)) {
				return true;
			}
		}
		return false;
	}

}
