package dev.tonal.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Interval matching (api.md §4, semantics.md rule 6). 2026-11-23 is a Monday. */
class IntervalTest {

	private static IntervalCondition days(int start, int end) {
		return new IntervalCondition(start, end, null, null, null, null, null, null, null);
	}

	private static IntervalCondition hours(String start, String end) {
		return new IntervalCondition(null, null, null, null, null, (start != null) ? LocalTime.parse(start) : null,
				(end != null) ? LocalTime.parse(end) : null, null, null);
	}

	private static LocalDateTime at(String text) {
		return LocalDateTime.parse(text);
	}

	@Test
	void dayOfWeekCountsSundayAsOne() {
		assertThat(days(2, 6).contains(at("2026-11-23T10:00"))).isTrue(); // Monday
		assertThat(days(2, 6).contains(at("2026-11-22T10:00"))).isFalse(); // Sunday
		assertThat(days(1, 1).contains(at("2026-11-22T10:00"))).isTrue();
		assertThat(days(7, 7).contains(at("2026-11-28T10:00"))).isTrue(); // Saturday
	}

	@Test
	void dayOfWeekRangeWrapsAround() {
		IntervalCondition fridayToMonday = days(6, 2);
		assertThat(fridayToMonday.contains(at("2026-11-27T10:00"))).isTrue(); // Friday
		assertThat(fridayToMonday.contains(at("2026-11-22T10:00"))).isTrue(); // Sunday
		assertThat(fridayToMonday.contains(at("2026-11-23T10:00"))).isTrue(); // Monday
		assertThat(fridayToMonday.contains(at("2026-11-25T10:00"))).isFalse(); // Wednesday
	}

	@Test
	void zeroOrNullMeansAny() {
		assertThat(days(0, 0).contains(at("2026-11-25T10:00"))).isTrue();
		assertThat(new IntervalCondition(null, null, null, null, null, null, null, null, null)
			.contains(at("2026-01-01T00:00"))).isTrue();
	}

	@Test
	void dayOfMonthAndMonth() {
		IntervalCondition newYearHolidays = new IntervalCondition(null, null, 1, 8, 1, null, null, null, null);
		assertThat(newYearHolidays.contains(at("2027-01-05T12:00"))).isTrue();
		assertThat(newYearHolidays.contains(at("2027-01-09T12:00"))).isFalse();
		assertThat(newYearHolidays.contains(at("2027-02-05T12:00"))).isFalse();
		IntervalCondition monthEnd = new IntervalCondition(null, null, 28, 2, null, null, null, null, null);
		assertThat(monthEnd.contains(at("2026-11-30T12:00"))).isTrue();
		assertThat(monthEnd.contains(at("2026-12-02T12:00"))).isTrue();
		assertThat(monthEnd.contains(at("2026-12-03T12:00"))).isFalse();
	}

	@Test
	void timeOfDayBoundsAreInclusiveToTheSecond() {
		IntervalCondition office = hours("09:00:00", "18:00:00");
		assertThat(office.contains(at("2026-11-23T09:00:00"))).isTrue();
		assertThat(office.contains(at("2026-11-23T18:00:00.900"))).isTrue();
		assertThat(office.contains(at("2026-11-23T18:00:01"))).isFalse();
		assertThat(office.contains(at("2026-11-23T08:59:59"))).isFalse();
	}

	@Test
	void timeOfDayRangeCrossesMidnight() {
		IntervalCondition night = hours("22:00:00", "06:00:00");
		assertThat(night.contains(at("2026-11-23T23:30"))).isTrue();
		assertThat(night.contains(at("2026-11-23T05:59"))).isTrue();
		assertThat(night.contains(at("2026-11-23T12:00"))).isFalse();
		assertThat(hours("10:00:00", "10:00:00").contains(at("2026-11-23T03:00"))).isTrue();
		assertThat(hours("10:00:00", null).contains(at("2026-11-23T09:00"))).isFalse();
	}

	@Test
	void absoluteDatetimePairIgnoresTheOtherParts() {
		IntervalCondition holiday = new IntervalCondition(2, 2, null, null, 5, null, null, at("2026-12-31T18:00"),
				at("2027-01-01T23:59:59"));
		assertThat(holiday.contains(at("2026-12-31T20:00"))).isTrue();
		assertThat(holiday.contains(at("2027-01-01T23:59:59"))).isTrue();
		assertThat(holiday.contains(at("2027-01-02T00:00"))).isFalse();
		assertThat(holiday.contains(at("2026-12-31T17:59"))).isFalse();
	}

	@Test
	void intervalIsEvaluatedInItsTimezone() {
		Interval moscowOffice = new Interval(1, "office", "Europe/Moscow", List.of(hours("09:00:00", "18:00:00")));
		// 07:00 UTC = 10:00 in Moscow (UTC+3), 16:00 UTC = 19:00 in Moscow.
		assertThat(moscowOffice.contains(Instant.parse("2026-11-23T07:00:00Z"))).isTrue();
		assertThat(moscowOffice.contains(Instant.parse("2026-11-23T16:00:00Z"))).isFalse();
		Interval londonOffice = new Interval(2, "office", "Europe/London", List.of(hours("09:00:00", "18:00:00")));
		assertThat(londonOffice.contains(Instant.parse("2026-11-23T16:00:00Z"))).isTrue();
	}

	@Test
	void anyConditionMatchesAndNoConditionMatchesNothing() {
		Interval twoShifts = new Interval(1, "shifts", "UTC",
				List.of(hours("08:00:00", "10:00:00"), hours("14:00:00", "16:00:00")));
		assertThat(twoShifts.contains(Instant.parse("2026-11-23T15:00:00Z"))).isTrue();
		assertThat(twoShifts.contains(Instant.parse("2026-11-23T12:00:00Z"))).isFalse();
		assertThat(new Interval(3, "empty", "UTC", List.of()).contains(Instant.parse("2026-11-23T12:00:00Z")))
			.isFalse();
	}

	@Test
	void unknownTimezoneIsAnError() {
		Interval broken = new Interval(1, "x", "Mars/Olympus", List.of());
		assertThatExceptionOfType(java.time.DateTimeException.class)
			.isThrownBy(() -> broken.contains(Instant.parse("2026-11-23T12:00:00Z")));
	}

}
