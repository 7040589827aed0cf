package dev.tonal.app.registration;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tonal.app.config.TonalProperties;
import dev.tonal.app.support.ApiTestSupport;
import dev.tonal.sip.registrar.Binding;
import dev.tonal.sip.registrar.DigestAuthenticator;
import dev.tonal.sip.registrar.DigestCredentials;
import dev.tonal.sip.registrar.RegisterOutcome;
import dev.tonal.sip.registrar.RegisterRequest;
import dev.tonal.sip.registrar.Registrar;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registrations in the database: a phone created through the API registers with the
 * password the API gave it (only HA1 is stored), its bindings are visible to every node
 * (they are rows), and deleting the extension deletes them (api.md §2).
 */
class RegistrationsTest extends ApiTestSupport {

	@Autowired
	Registrar registrar;

	@Autowired
	JdbcRegistrations registrations;

	@Autowired
	TonalProperties properties;

	@Test
	void phoneRegistersWithItsApiPassword_andDeletingTheExtensionDeletesItsBindings() {
		TestClient client = newClient();
		Response created = post("/client/@me/extension/", client.token(),
				Map.of("name", "002", "type", "phone", "password", "secret-of-002"));
		assertThat(created.status()).isEqualTo(201);
		long id = created.body().get("id").asLong();
		String name = client.prefix() + "*002";

		RegisterOutcome outcome = register(name, "secret-of-002", "sip:002@192.0.2.20:5062");

		assertThat(outcome).isInstanceOf(RegisterOutcome.Registered.class);
		assertThat(this.registrations.current(id, Instant.now())).extracting(Binding::contact)
			.containsExactly("sip:002@192.0.2.20:5062");
		assertThat(delete("/client/@me/extension/" + id, client.token()).status()).isEqualTo(204);
		assertThat(this.registrations.current(id, Instant.now())).isEmpty();
	}

	@Test
	void ivrExtensionsCannotRegister() {
		TestClient client = newClient();
		post("/client/@me/extension/", client.token(), Map.of("name", "100", "type", "ivr"));

		RegisterOutcome outcome = this.registrar.register(request(client.prefix() + "*100", null, "sip:x@192.0.2.1"));

		assertThat(outcome).isEqualTo(new RegisterOutcome.Rejected(404, "Not Found"));
	}

	private RegisterOutcome register(String name, String password, String contact) {
		var challenge = (RegisterOutcome.Unauthorized) this.registrar.register(request(name, null, contact));
		Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge.wwwAuthenticate());
		assertThat(nonce.find()).isTrue();
		String realm = this.properties.sip().realm();
		String ha1 = DigestAuthenticator.md5(name + ":" + realm + ":" + password);
		String response = DigestAuthenticator
			.md5(ha1 + ":" + nonce.group(1) + ":" + DigestAuthenticator.md5("REGISTER:sip:" + realm));
		return this.registrar.register(request(name,
				new DigestCredentials(name, realm, nonce.group(1), "sip:" + realm, response, null, null, null),
				contact));
	}

	private static RegisterRequest request(String name, DigestCredentials credentials, String contact) {
		return new RegisterRequest(name, credentials, List.of(new RegisterRequest.Contact(contact, 600)), false, -1,
				"reg-" + name, 1, new InetSocketAddress("192.0.2.20", 5062), "test");
	}

}
