package dev.tonal.sip.registrar;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registrar's decisions (RFC 3261 §10.3 with digest authentication), without SIP
 * messages: the issue "Transfers, phones and trunks", item 1.
 */
class RegistrarTest {

	private static final String REALM = "tonal.test";

	private static final InetSocketAddress PHONE = new InetSocketAddress("192.0.2.10", 5062);

	private final MutableClock clock = new MutableClock();

	/** CSeq of the phone's requests: each answered REGISTER is a new request. */
	private long cseq = 1;

	private final InMemoryBindings store = new InMemoryBindings();

	private final Registrar registrar = new Registrar(
			new DigestAuthenticator(REALM, "secret".getBytes(), this.store,
					new FailedAttempts(3, Duration.ofMinutes(1), this.clock), this.clock),
			this.store, this.store, this.clock);

	RegistrarTest() {
		this.store.addPhone(1, "000*002", REALM, "password-002");
		this.store.addPhone(2, "000*050", REALM, "password-050");
	}

	@Test
	void registerWithoutCredentials_isChallengedWith401() {
		RegisterOutcome outcome = this.registrar
			.register(request("000*002", null, contact("sip:a@192.0.2.10", -1), -1));

		assertThat(outcome).isInstanceOf(RegisterOutcome.Unauthorized.class);
		assertThat(((RegisterOutcome.Unauthorized) outcome).wwwAuthenticate()).startsWith("Digest realm=\"tonal.test\"")
			.contains("nonce=\"", "qop=\"auth\"");
	}

	@Test
	void rightDigest_storesTheBindingWithTheGrantedExpiry() {
		RegisterOutcome outcome = registerAs("000*002", "password-002", contact("sip:a@192.0.2.10", -1), 120);

		assertThat(outcome).isInstanceOf(RegisterOutcome.Registered.class);
		List<Binding> bindings = ((RegisterOutcome.Registered) outcome).bindings();
		assertThat(bindings).singleElement().satisfies((binding) -> {
			assertThat(binding.contact()).isEqualTo("sip:a@192.0.2.10");
			assertThat(binding.secondsLeft(this.clock.instant())).isEqualTo(120);
			assertThat(binding.source()).isEqualTo("192.0.2.10:5062");
		});
	}

	@Test
	void severalDevicesPerExtension_areAllListed() {
		registerAs("000*002", "password-002", contact("sip:a@192.0.2.10", -1), 600);
		RegisterOutcome outcome = registerAs("000*002", "password-002", contact("sip:b@192.0.2.11", 300), 600);

		assertThat(((RegisterOutcome.Registered) outcome).bindings()).extracting(Binding::contact)
			.containsExactlyInAnyOrder("sip:a@192.0.2.10", "sip:b@192.0.2.11");
	}

	@Test
	void expiresLongerThanTheMaximum_isShortened() {
		RegisterOutcome outcome = registerAs("000*002", "password-002", contact("sip:a@192.0.2.10", -1), 86400);

		assertThat(((RegisterOutcome.Registered) outcome).bindings().get(0).secondsLeft(this.clock.instant()))
			.isEqualTo(Registrar.MAX_EXPIRES);
	}

	@Test
	void expiresShorterThanTheMinimum_is423WithMinExpires() {
		RegisterOutcome outcome = registerAs("000*002", "password-002", contact("sip:a@192.0.2.10", 30), -1);

		assertThat(outcome).isEqualTo(new RegisterOutcome.IntervalTooBrief(Registrar.MIN_EXPIRES));
		assertThat(this.store.current(1, this.clock.instant())).isEmpty();
	}

	@Test
	void expiresZero_unregistersThatDeviceOnly() {
		registerAs("000*002", "password-002", contact("sip:a@192.0.2.10", -1), 600);
		registerAs("000*002", "password-002", contact("sip:b@192.0.2.11", -1), 600);

		RegisterOutcome outcome = registerAs("000*002", "password-002", contact("sip:a@192.0.2.10", 0), -1);

		assertThat(((RegisterOutcome.Registered) outcome).bindings()).extracting(Binding::contact)
			.containsExactly("sip:b@192.0.2.11");
	}

	@Test
	void wildcardWithExpiresZero_unregistersEveryDevice() {
		registerAs("000*002", "password-002", contact("sip:a@192.0.2.10", -1), 600);
		registerAs("000*002", "password-002", contact("sip:b@192.0.2.11", -1), 600);

		RegisterOutcome outcome = this.registrar.register(withCredentials(
				new RegisterRequest("000*002", null, List.of(), true, 0, "call-1", 9, PHONE, ""), "password-002"));

		assertThat(((RegisterOutcome.Registered) outcome).bindings()).isEmpty();
	}

	@Test
	void bindingsLapseWhenNotRefreshed() {
		registerAs("000*002", "password-002", contact("sip:a@192.0.2.10", -1), 60);

		this.clock.advance(Duration.ofSeconds(61));

		assertThat(this.store.current(1, this.clock.instant())).isEmpty();
	}

	@Test
	void anOlderRequestOfTheSameRegistrationArrivingLate_is500() {
		RegisterRequest first = withCredentials(request("000*002", null, contact("sip:a@192.0.2.10", -1), 600),
				"password-002");
		RegisterRequest second = withCredentials(new RegisterRequest("000*002", null,
				List.of(contact("sip:a@192.0.2.10", -1)), false, 600, "call-1", 5, PHONE, "test"), "password-002");
		this.registrar.register(second);

		RegisterOutcome late = this.registrar.register(first);

		assertThat(late).isEqualTo(new RegisterOutcome.Rejected(500, "Out of order REGISTER"));
	}

	@Test
	void wrongPassword_isChallengedAgainAndStoresNothing() {
		RegisterOutcome outcome = registerAs("000*002", "wrong", contact("sip:a@192.0.2.10", -1), 600);

		assertThat(outcome).isInstanceOf(RegisterOutcome.Unauthorized.class);
		assertThat(this.store.current(1, this.clock.instant())).isEmpty();
	}

	@Test
	void failedAttemptsAreRateLimitedPerSourceAddress() {
		RegisterRequest right = withCredentials(request("000*002", null, contact("sip:a@192.0.2.10", -1), 600),
				"password-002");
		for (int i = 0; i < 3; i++) {
			registerAs("000*002", "wrong", contact("sip:a@192.0.2.10", -1), 600);
		}

		RegisterOutcome blocked = this.registrar.register(right);
		RegisterOutcome otherAddress = this.registrar
			.register(withCredentials(new RegisterRequest("000*002", null, List.of(contact("sip:a@192.0.2.99", -1)),
					false, 600, "call-2", 1, new InetSocketAddress("192.0.2.99", 5060), ""), "password-002"));
		this.clock.advance(Duration.ofMinutes(2));
		RegisterOutcome later = this.registrar.register(right);

		assertThat(blocked).isInstanceOf(RegisterOutcome.Rejected.class)
			.extracting((outcome) -> ((RegisterOutcome.Rejected) outcome).status())
			.isEqualTo(403);
		assertThat(otherAddress).isInstanceOf(RegisterOutcome.Registered.class);
		assertThat(later).isInstanceOf(RegisterOutcome.Registered.class);
	}

	@Test
	void credentialsOfAnotherExtension_are403() {
		RegisterRequest request = request("000*002", null, contact("sip:a@192.0.2.10", -1), 600);
		RegisterRequest as050 = withCredentials(request, "000*050", "password-050");

		RegisterOutcome outcome = this.registrar.register(as050);

		assertThat(outcome).isEqualTo(new RegisterOutcome.Rejected(403, "Credentials are for another extension"));
	}

	@Test
	void blockedExtension_is403() {
		this.store
			.put(new PhoneAccount(1, "000*002", DigestAuthenticator.md5("000*002:" + REALM + ":password-002"), true));

		RegisterOutcome outcome = registerAs("000*002", "password-002", contact("sip:a@192.0.2.10", -1), 600);

		assertThat(outcome).isEqualTo(new RegisterOutcome.Rejected(403, "Extension is blocked"));
	}

	@Test
	void unknownExtension_is404() {
		RegisterOutcome outcome = this.registrar
			.register(request("000*999", null, contact("sip:a@192.0.2.10", -1), 600));

		assertThat(outcome).isEqualTo(new RegisterOutcome.Rejected(404, "Not Found"));
	}

	@Test
	void oldNonce_isChallengedAgainAsStale() {
		RegisterRequest request = request("000*002", null, contact("sip:a@192.0.2.10", -1), 600);
		RegisterRequest answered = withCredentials(request, "password-002");
		this.clock.advance(DigestAuthenticator.NONCE_LIFETIME.plusSeconds(1));

		RegisterOutcome outcome = this.registrar.register(answered);

		assertThat(((RegisterOutcome.Unauthorized) outcome).wwwAuthenticate()).contains("stale=true");
	}

	// ---- helpers: a phone's side of the digest exchange

	private RegisterOutcome registerAs(String user, String password, RegisterRequest.Contact contact, int expires) {
		return this.registrar.register(withCredentials(request(user, null, contact, expires), password));
	}

	private RegisterRequest withCredentials(RegisterRequest request, String password) {
		return withCredentials(request, request.addressOfRecord(), password);
	}

	/** Asks for a challenge and answers it as a phone would (qop=auth). */
	private RegisterRequest withCredentials(RegisterRequest request, String user, String password) {
		var challenge = (RegisterOutcome.Unauthorized) this.registrar.register(request);
		Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge.wwwAuthenticate());
		assertThat(nonce.find()).isTrue();
		String ha1 = DigestAuthenticator.md5(user + ":" + REALM + ":" + password);
		String ha2 = DigestAuthenticator.md5("REGISTER:sip:tonal.test");
		String response = DigestAuthenticator.md5(ha1 + ":" + nonce.group(1) + ":00000001:abcdef:auth:" + ha2);
		return new RegisterRequest(request.addressOfRecord(),
				new DigestCredentials(user, REALM, nonce.group(1), "sip:tonal.test", response, "auth", "00000001",
						"abcdef"),
				request.contacts(), request.wildcard(), request.expires(), request.callId(), ++this.cseq,
				request.source(), request.userAgent());
	}

	private static RegisterRequest request(String aor, DigestCredentials credentials, RegisterRequest.Contact contact,
			int expires) {
		return new RegisterRequest(aor, credentials, List.of(contact), false, expires, "call-1", 1, PHONE, "test");
	}

	private static RegisterRequest.Contact contact(String uri, int expires) {
		return new RegisterRequest.Contact(uri, expires);
	}

	/** A clock tests move by hand. */
	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-21T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
