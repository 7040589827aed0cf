package dev.tonal.app.api;

import java.time.ZoneId;

/** IANA time zone names, as clients and intervals use them ("Europe/Moscow"). */
public final class Timezones {

	/** The timezone of a client that names none (api.md §1). */
	public static final String DEFAULT = "Europe/Moscow";

	private Timezones() {
	}

	/** Whether {@code name} is an IANA zone name this JVM knows. */
	public static boolean isKnown(String name) {
		return name != null && ZoneId.getAvailableZoneIds().contains(name);
	}

	/** The field error message for an unknown zone. */
	public static String unknownMessage(String name) {
		return "unknown timezone \"" + name + "\": use an IANA name such as \"Europe/Moscow\" or \"UTC\"";
	}

}
