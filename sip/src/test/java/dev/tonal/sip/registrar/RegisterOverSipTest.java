package dev.tonal.sip.registrar;

import java.time.Clock;
import java.time.Duration;

import dev.tonal.sip.Route;
import dev.tonal.sip.SipConfig;
import dev.tonal.sip.SipServer;
import dev.tonal.sip.testphone.Reply;
import dev.tonal.sip.testphone.TestDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REGISTER over loopback SIP: a device answers our digest challenge with the SIP stack's
 * own client-side helper (issue "Transfers, phones and trunks", item 1).
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterOverSipTest {

	private static final String REALM = "tonal.test";

	private final InMemoryBindings store = new InMemoryBindings();

	private SipServer server;

	@BeforeAll
	void start() {
		this.store.addPhone(1, "000*002", REALM, "password-002");
		this.store.addPhone(2, "000*050", REALM, "password-050");
		Clock clock = Clock.systemUTC();
		Registrar registrar = new Registrar(new DigestAuthenticator(REALM, "secret".getBytes(), this.store,
				new FailedAttempts(20, Duration.ofMinutes(1), clock), clock), this.store, this.store, clock);
		this.server = SipServer.start(SipConfig.loopback().withRtpPorts(33000, 33099),
				(user, caller) -> Route.notFound(), registrar);
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void digestRegistration_is200WithTheBindingAndItsExpiry() {
		try (TestDevice device = TestDevice.start("000*002", "password-002")) {
			Reply reply = device.register(this.server.port(), 300);

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.header("Contact")).singleElement()
				.satisfies((contact) -> assertThat(contact).contains("127.0.0.1:" + device.port())
					.containsPattern("expires=(300|299)"));
			device.register(this.server.port(), 0);
		}
	}

	@Test
	void twoDevicesOfOneExtension_areBothBound_andUnregisterSeparately() {
		try (TestDevice first = TestDevice.start("000*050", "password-050");
				TestDevice second = TestDevice.start("000*050", "password-050")) {
			first.register(this.server.port(), 300);
			Reply both = second.register(this.server.port(), 300);
			Reply afterUnregister = first.register(this.server.port(), 0);

			assertThat(both.header("Contact")).hasSize(2);
			assertThat(afterUnregister.status()).isEqualTo(200);
			assertThat(afterUnregister.header("Contact")).singleElement()
				.satisfies((contact) -> assertThat(contact).contains(":" + second.port()));
			second.register(this.server.port(), 0, "*");
			assertThat(this.store.current(2, java.time.Instant.now())).isEmpty();
		}
	}

	@Test
	void wrongPassword_endsWith401() {
		try (TestDevice device = TestDevice.start("000*002", "not-the-password")) {
			assertThat(device.register(this.server.port(), 300).status()).isEqualTo(401);
		}
	}

	@Test
	void tooShortExpiry_is423WithMinExpires() {
		try (TestDevice device = TestDevice.start("000*002", "password-002")) {
			Reply reply = device.register(this.server.port(), 10);

			assertThat(reply.status()).isEqualTo(423);
			assertThat(reply.header("Min-Expires")).containsExactly(String.valueOf(Registrar.MIN_EXPIRES));
		}
	}

}
