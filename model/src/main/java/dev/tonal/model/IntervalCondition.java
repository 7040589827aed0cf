package dev.tonal.model;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * One condition of a time interval (api.md §4). Either an absolute period
 * ({@code startDatetime}..{@code endDatetime}; then every other field is ignored) or a
 * recurring one made of optional parts, where null (0 on the wire) means "any": day of
 * week 1..7 with 1 = Sunday (wrap-around allowed, e.g. 6..2), day of month 1..31, month
 * 1..12, and time of day.
 *
 * <p>
 * Matching works on local time (the interval's timezone is applied by
 * {@link Interval#contains}), to the second. Every bound is inclusive, so
 * {@code 09:00:00..18:00:00} contains 18:00:00 but not 18:00:01. A pair whose start is
 * after its end wraps around: days of week 6..2 are Friday to Monday, times
 * 22:00:00..06:00:00 cross midnight, month days 25..5 cross the month's end. Equal start
 * and end times mean the whole day. When only one end of a pair is given, the part
 * matches that single value (or, for absolute periods and times, is open on the other
 * side).
 */
public record IntervalCondition(Integer startDow, Integer endDow, Integer startMday, Integer endMday, Integer month,
		LocalTime startTime, LocalTime endTime, LocalDateTime startDatetime, LocalDateTime endDatetime) {

	/** Whether {@code local} (a wall-clock time in the interval's zone) is inside. */
	public boolean contains(LocalDateTime local) {
		LocalDateTime t = local.truncatedTo(ChronoUnit.SECONDS);
		if (this.startDatetime != null || this.endDatetime != null) {
			return (this.startDatetime == null || !t.isBefore(this.startDatetime))
					&& (this.endDatetime == null || !t.isAfter(this.endDatetime));
		}
		return inRange(dayOfWeekSundayFirst(t.getDayOfWeek()), this.startDow, this.endDow)
				&& inRange(t.getDayOfMonth(), this.startMday, this.endMday)
				&& inRange(t.getMonthValue(), this.month, null) && timeMatches(t.toLocalTime());
	}

	/** 1 = Sunday .. 7 = Saturday, as the API counts. */
	static int dayOfWeekSundayFirst(DayOfWeek day) {
		return (day.getValue() % 7) + 1;
	}

	private static boolean inRange(int value, Integer start, Integer end) {
		Integer from = isAny(start) ? null : start;
		Integer to = isAny(end) ? null : end;
		if (from == null && to == null) {
			return true;
		}
		if (from == null || to == null) {
			return value == ((from != null) ? from : to);
		}
		return (from <= to) ? (value >= from && value <= to) : (value >= from || value <= to);
	}

	private static boolean isAny(Integer part) {
		return part == null || part == 0;
	}

	private boolean timeMatches(LocalTime time) {
		if (this.startTime == null && this.endTime == null) {
			return true;
		}
		if (this.startTime == null) {
			return !time.isAfter(this.endTime);
		}
		if (this.endTime == null) {
			return !time.isBefore(this.startTime);
		}
		if (this.startTime.equals(this.endTime)) {
			return true;
		}
		if (this.startTime.isBefore(this.endTime)) {
			return !time.isBefore(this.startTime) && !time.isAfter(this.endTime);
		}
		// Crosses midnight: 22:00..06:00 is late evening or early morning.
		return !time.isBefore(this.startTime) || !time.isAfter(this.endTime);
	}

}
