package dev.tonal.app.extension;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * SIP digest credentials of phone extensions. Only HA1 = MD5(user:realm:password) is
 * stored (RFC 2617 §3.2.2.2): enough to check a REGISTER's digest, never the password.
 */
final class SipPasswords {

	/**
	 * Letters and digits without look-alikes (0/O, 1/l/I): passwords get typed into
	 * phones.
	 */
	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 128;

	private SipPasswords() {
	}

	static String generate() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	static String ha1(String user, String realm, String password) {
		try {
			byte[] digest = MessageDigest.getInstance("MD5")
				.digest((user + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is part of every JDK", ex);
		}
	}

}
