package dev.tonal.sip.jain;

import dev.tonal.sip.Dtmf;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a key press from a SIP INFO body (semantics rule 32):
 * {@code application/dtmf-relay} ({@code Signal=5}, {@code Duration=160} lines) or
 * {@code application/dtmf} (the bare key).
 */
final class InfoDtmf {

	private InfoDtmf() {
	}

	/**
	 * @param contentType e.g. {@code application/dtmf-relay}
	 * @return the key press, or empty when the content type is not a DTMF one
	 * @throws IllegalArgumentException when the body of a DTMF content type names no key
	 */
	static Optional<Dtmf> parse(String contentType, String body) {
		String type = contentType.toLowerCase(Locale.ROOT).trim();
		if (type.equals("application/dtmf")) {
			return Optional.of(new Dtmf(key(body.trim()), 0));
		}
		if (!type.equals("application/dtmf-relay")) {
			return Optional.empty();
		}
		String signal = null;
		int duration = 0;
		for (String line : body.split("\r?\n")) {
			int equals = line.indexOf('=');
			if (equals < 0) {
				continue;
			}
			String name = line.substring(0, equals).trim().toLowerCase(Locale.ROOT);
			String value = line.substring(equals + 1).trim();
			if (name.equals("signal")) {
				signal = value;
			}
			else if (name.equals("duration")) {
				duration = parseDuration(value);
			}
		}
		if (signal == null) {
			throw new IllegalArgumentException("dtmf-relay body has no Signal= line");
		}
		return Optional.of(new Dtmf(key(signal), duration));
	}

	/**
	 * A key from its text; some phones send the RFC 4733 event number 10/11 for * and #.
	 */
	private static char key(String text) {
		String upper = text.toUpperCase(Locale.ROOT);
		if (upper.equals("10")) {
			return '*';
		}
		if (upper.equals("11")) {
			return '#';
		}
		if (upper.length() != 1 || Dtmf.DIGITS.indexOf(upper.charAt(0)) < 0) {
			throw new IllegalArgumentException("not a DTMF key: '" + text + "'");
		}
		return upper.charAt(0);
	}

	private static int parseDuration(String value) {
		try {
			return Math.max(0, Integer.parseInt(value));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
