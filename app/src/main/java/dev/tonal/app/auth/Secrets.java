package dev.tonal.app.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Random credentials and their one-way hashes. App secrets are stored as salted PBKDF2
 * hashes (an admin may configure a guessable secret); access tokens, which are long
 * random strings, as plain SHA-256 (enough against a stolen database, and cheap on every
 * request).
 */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SCHEME = "pbkdf2-sha256";

	/** Enough to slow guessing without making every token request slow. */
	private static final int ITERATIONS = 20_000;

	private Secrets() {
	}

	/** {@code bytes} random bytes as URL-safe base64 (no padding). */
	static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	static String sha256Hex(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** A self-describing salted hash: {@code pbkdf2-sha256$iterations$salt$hash}. */
	static String hashSecret(String secret) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return SCHEME + "$" + ITERATIONS + "$" + encode(salt) + "$" + encode(pbkdf2(secret, salt, ITERATIONS));
	}

	/** Whether {@code secret} matches a hash made by {@link #hashSecret}. */
	static boolean matches(String secret, String stored) {
		String[] parts = stored.split("\\$");
		if (parts.length != 4 || !SCHEME.equals(parts[0])) {
			return false;
		}
		byte[] salt = Base64.getDecoder().decode(parts[2]);
		byte[] expected = Base64.getDecoder().decode(parts[3]);
		return MessageDigest.isEqual(expected, pbkdf2(secret, salt, Integer.parseInt(parts[1])));
	}

	private static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
		try {
			PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", ex);
		}
	}

	private static String encode(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

}
