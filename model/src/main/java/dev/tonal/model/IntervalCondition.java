package dev.tonal.model;

import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * One condition of a time interval (api.md §4). Either an absolute period
 * ({@code startDatetime}..{@code endDatetime}; then every other field is ignored) or a
 * recurring one made of optional parts, where null (0 on the wire) means "any": day of
 * week 1..7 with 1 = Sunday (wrap-around allowed, e.g. 6..2), day of month 1..31, month
 * 1..12, and time of day.
 */
public record IntervalCondition(Integer startDow, Integer endDow, Integer startMday, Integer endMday, Integer month,
		LocalTime startTime, LocalTime endTime, LocalDateTime startDatetime, LocalDateTime endDatetime) {
}
