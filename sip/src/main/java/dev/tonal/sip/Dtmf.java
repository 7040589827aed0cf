package dev.tonal.sip;

/**
 * A key press signalled by SIP INFO ({@code application/dtmf-relay} or
 * {@code application/dtmf}).
 *
 * @param digit one of {@code 0-9 * # A-D}
 * @param durationMillis how long the key was held, when the peer said so, else 0
 */
public record Dtmf(char digit, int durationMillis) {

	/** The characters a DTMF key can be. */
	public static final String DIGITS = "0123456789*#ABCD";

	public Dtmf {
		if (DIGITS.indexOf(digit) < 0) {
			throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
		}
	}

}
