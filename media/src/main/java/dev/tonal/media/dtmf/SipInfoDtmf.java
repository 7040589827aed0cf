package dev.tonal.media.dtmf;

import java.util.Locale;
import java.util.Optional;

/**
 * Key presses carried in SIP INFO bodies: {@code application/dtmf-relay}
 * ({@code Signal=5\r\nDuration=160}) and {@code application/dtmf} ({@code 5}).
 *
 * <p>
 * Parsing is lenient the way phones need it to be: any letter case, spaces around '=',
 * CR-LF or LF line ends, content-type parameters, and the numeric event codes 10-15 some
 * phones send instead of '*', '#', 'A'-'D'.
 */
public final class SipInfoDtmf {

	/** Content type of the Cisco-style key/value body. */
	public static final String DTMF_RELAY = "application/dtmf-relay";

	/** Content type of the bare-key body. */
	public static final String DTMF = "application/dtmf";

	private SipInfoDtmf() {
	}

	/**
	 * Reads the key from an INFO request's body.
	 * @param contentType the Content-Type header (parameters allowed)
	 * @param body the body
	 * @return the key, or empty when the body is not a DTMF body or holds no valid key
	 */
	public static Optional<Character> parse(String contentType, String body) {
		if (contentType == null || body == null) {
			return Optional.empty();
		}
		String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		return switch (type) {
			case DTMF_RELAY -> signal(body);
			case DTMF -> key(body.trim());
			default -> Optional.empty();
		};
	}

	/**
	 * An {@code application/dtmf-relay} body.
	 * @param key 0-9, *, #, A-D
	 * @param durationMs how long the key is held
	 * @return e.g. "Signal=5\r\nDuration=160\r\n"
	 */
	public static String dtmfRelayBody(char key, int durationMs) {
		DtmfKeys.requireEventCode(key);
		return "Signal=" + Character.toUpperCase(key) + "\r\nDuration=" + durationMs + "\r\n";
	}

	/**
	 * An {@code application/dtmf} body.
	 * @param key 0-9, *, #, A-D
	 * @return the key as text
	 */
	public static String dtmfBody(char key) {
		DtmfKeys.requireEventCode(key);
		return String.valueOf(Character.toUpperCase(key));
	}

	private static Optional<Character> signal(String body) {
		for (String line : body.split("\r?\n")) {
			int equals = line.indexOf('=');
			if (equals > 0 && line.substring(0, equals).trim().equalsIgnoreCase("signal")) {
				return key(line.substring(equals + 1).trim());
			}
		}
		return Optional.empty();
	}

	private static Optional<Character> key(String value) {
		if (value.length() == 1) {
			char key = Character.toUpperCase(value.charAt(0));
			return DtmfKeys.eventCode(key).isPresent() ? Optional.of(key) : Optional.empty();
		}
		if (value.matches("1[0-5]")) {
			return DtmfKeys.key(Integer.parseInt(value));
		}
		return Optional.empty();
	}

}
