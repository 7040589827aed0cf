package dev.tonal.media.dtmf;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The sixteen DTMF keys and their RFC 4733 event codes: 0-9 are the digits, 10 is '*', 11
 * is '#', 12-15 are 'A'-'D'. Higher codes (flash, line signals, …) are not keys.
 */
public final class DtmfKeys {

	/** Keys in event-code order. */
	static final String KEYS = "0123456789*#ABCD";

	private DtmfKeys() {
	}

	/**
	 * The key of an RFC 4733 event code.
	 * @param eventCode the event code
	 * @return the key, or empty for codes that are not keys (above 15)
	 */
	public static Optional<Character> key(int eventCode) {
		return (eventCode >= 0 && eventCode < KEYS.length()) ? Optional.of(KEYS.charAt(eventCode)) : Optional.empty();
	}

	/**
	 * The RFC 4733 event code of a key.
	 * @param key 0-9, *, #, A-D (letters in either case)
	 * @return the code, or empty when it is not a key
	 */
	public static OptionalInt eventCode(char key) {
		int index = KEYS.indexOf(Character.toUpperCase(key));
		return (index >= 0) ? OptionalInt.of(index) : OptionalInt.empty();
	}

	/**
	 * The RFC 4733 event code of a key that must be valid.
	 * @param key 0-9, *, #, A-D
	 * @return the code
	 * @throws IllegalArgumentException when it is not a key
	 */
	static int requireEventCode(char key) {
		return eventCode(key).orElseThrow(() -> new IllegalArgumentException("not a DTMF key: '" + key + "'"));
	}

}
