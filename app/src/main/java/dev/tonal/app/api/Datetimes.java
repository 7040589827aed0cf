package dev.tonal.app.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The API's datetime format (api.md §1): {@code "YYYY-MM-DD HH:MM:SS"}, in the client's
 * timezone.
 */
public final class Datetimes {

	public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

	private Datetimes() {
	}

	/** An instant as the API shows it to a client in {@code zone}. */
	public static String format(Instant instant, String zone) {
		return FORMAT.format(instant.atZone(ZoneId.of(zone)));
	}

	/**
	 * A query parameter in the API's format as an instant in {@code zone}; null when it
	 * is absent or blank, and null with an error on {@code name} when it is not in the
	 * format.
	 */
	public static Instant parameter(String text, String name, String zone, InputErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		LocalDateTime local = parse(text.trim());
		if (local == null) {
			errors.add(name, "must be a datetime \"YYYY-MM-DD HH:MM:SS\" in the client's timezone (" + zone
					+ "), e.g. \"2026-11-23 10:00:00\"");
			return null;
		}
		return local.atZone(ZoneId.of(zone)).toInstant();
	}

	/** Parses the API's format, or returns null when {@code text} is not in it. */
	public static LocalDateTime parse(String text) {
		try {
			return LocalDateTime.parse(text, FORMAT);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
