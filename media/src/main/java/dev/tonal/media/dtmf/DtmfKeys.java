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

	/** The keypad's rows: each key is its row's low tone plus its column's high tone. */
	static final String[] KEYPAD = { "123A", "456B", "789C", "*0#D" };

	/** Low-group (row) frequencies in Hz. */
	static final double[] LOW_HZ = { 697, 770, 852, 941 };

	/** High-group (column) frequencies in Hz. */
	static final double[] HIGH_HZ = { 1209, 1336, 1477, 1633 };

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
	 * The keypad row of a key (its low tone), or -1.
	 * @param key a key
	 * @return 0-3, or -1 when it is not a key
	 */
	static int row(char key) {
		for (int row = 0; row < KEYPAD.length; row++) {
			if (KEYPAD[row].indexOf(Character.toUpperCase(key)) >= 0) {
				return row;
			}
		}
		return -1;
	}

	/**
	 * The keypad column of a key (its high tone), or -1.
	 * @param key a key
	 * @return 0-3, or -1 when it is not a key
	 */
	static int column(char key) {
		int row = row(key);
		return (row < 0) ? -1 : KEYPAD[row].indexOf(Character.toUpperCase(key));
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
