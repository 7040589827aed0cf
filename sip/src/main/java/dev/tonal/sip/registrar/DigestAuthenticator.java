package dev.tonal.sip.registrar;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks SIP digest credentials (RFC 2617 / RFC 3261 §22) of phone extensions against
 * their stored HA1, for REGISTER and for calls from phones.
 *
 * <p>
 * Nonces are stateless: a time stamp signed with a secret, so any node sharing the secret
 * accepts a nonce another node issued, and nothing is stored per challenge. A nonce older
 * than {@link #NONCE_LIFETIME} is answered with a fresh challenge marked
 * {@code stale=true}, which phones answer without asking their user again.
 */
public final class DigestAuthenticator {

	/** How long a nonce may be used. */
	public static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

	private final String realm;

	private final SecretKeySpec nonceKey;

	private final PhoneAccounts accounts;

	private final FailedAttempts failedAttempts;

	private final Clock clock;

	/** What the authenticator decided. */
	public sealed interface Result {

		/** The credentials are right: the request comes from this phone. */
		record Accepted(PhoneAccount account) implements Result {
		}

		/**
		 * Credentials are missing, stale or wrong: answer 401 with this
		 * {@code WWW-Authenticate} value (407 with {@code Proxy-Authenticate} for
		 * INVITE).
		 */
		record Challenge(String header) implements Result {
		}

		/** Refuse with 403; {@code reason} is the reason phrase. */
		record Forbidden(String reason) implements Result {
		}

	}

	/**
	 * @param realm the digest realm ({@code tonal.sip.realm}); it must be the realm the
	 * stored HA1 values were computed with
	 * @param nonceSecret signs nonces; nodes behind one load balancer need the same one
	 */
	public DigestAuthenticator(String realm, byte[] nonceSecret, PhoneAccounts accounts, FailedAttempts failedAttempts,
			Clock clock) {
		this.realm = Objects.requireNonNull(realm, "realm");
		this.nonceKey = new SecretKeySpec(nonceSecret.clone(), "HmacSHA256");
		this.accounts = accounts;
		this.failedAttempts = failedAttempts;
		this.clock = clock;
	}

	/** The realm challenges name. */
	public String realm() {
		return this.realm;
	}

	/**
	 * Checks a request's credentials.
	 * @param credentials the parsed Authorization header, or null when there was none
	 * @param method the request's method (part of the digest)
	 * @param expectedUser the user the request acts for (the To user of a REGISTER), or
	 * null when any phone may send it
	 * @param source the address the request came from (failures are counted per address)
	 */
	public Result authenticate(DigestCredentials credentials, String method, String expectedUser, InetAddress source) {
		if (this.failedAttempts.isBlocked(source)) {
			return new Result.Forbidden("Too many failed attempts, try later");
		}
		if (credentials == null) {
			return challenge(false);
		}
		if (!this.realm.equals(credentials.realm())) {
			this.failedAttempts.record(source);
			return challenge(false);
		}
		NonceAge age = nonceAge(credentials.nonce());
		if (age == NonceAge.FORGED) {
			this.failedAttempts.record(source);
			return challenge(false);
		}
		if (age == NonceAge.EXPIRED) {
			return challenge(true);
		}
		PhoneAccount account = this.accounts.find(credentials.username()).orElse(null);
		if (account == null || account.ha1() == null || !matches(account.ha1(), credentials, method)) {
			this.failedAttempts.record(source);
			return challenge(false);
		}
		if (account.blocked()) {
			return new Result.Forbidden("Extension is blocked");
		}
		if (expectedUser != null && !expectedUser.equals(account.name())) {
			return new Result.Forbidden("Credentials are for another extension");
		}
		return new Result.Accepted(account);
	}

	/** A fresh challenge. */
	public Result.Challenge challenge(boolean stale) {
		String nonce = issueNonce();
		return new Result.Challenge("Digest realm=\"" + this.realm + "\", nonce=\"" + nonce
				+ "\", algorithm=MD5, qop=\"auth\"" + (stale ? ", stale=true" : ""));
	}

	private boolean matches(String ha1, DigestCredentials c, String method) {
		if (c.response() == null || c.uri() == null) {
			return false;
		}
		String ha2 = md5(method + ":" + c.uri());
		String expected = (c.qop() != null)
				? md5(ha1 + ":" + c.nonce() + ":" + c.nonceCount() + ":" + c.cnonce() + ":" + c.qop() + ":" + ha2)
				: md5(ha1 + ":" + c.nonce() + ":" + ha2);
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				c.response().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	private enum NonceAge {

		FRESH, EXPIRED, FORGED

	}

	private String issueNonce() {
		String time = Long.toHexString(this.clock.millis());
		return time + "." + sign(time);
	}

	private NonceAge nonceAge(String nonce) {
		int dot = (nonce != null) ? nonce.indexOf('.') : -1;
		if (dot < 1) {
			return NonceAge.FORGED;
		}
		String time = nonce.substring(0, dot);
		if (!MessageDigest.isEqual(sign(time).getBytes(StandardCharsets.US_ASCII),
				nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
			return NonceAge.FORGED;
		}
		long issued;
		try {
			issued = Long.parseLong(time, 16);
		}
		catch (NumberFormatException ex) {
			return NonceAge.FORGED;
		}
		return (this.clock.millis() - issued > NONCE_LIFETIME.toMillis()) ? NonceAge.EXPIRED : NonceAge.FRESH;
	}

	private String sign(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.nonceKey);
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)), 0, 16);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/** MD5 in lower-case hex, as digest authentication writes it. */
	public static String md5(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is part of every JDK", ex);
		}
	}

}
