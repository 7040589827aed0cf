package dev.tonal.app.did;

import java.util.List;
import java.util.Map;

import dev.tonal.app.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DIDs (api.md §5). */
class DidApiTest extends ApiTestSupport {

	@Test
	void didHasTheOriginalApisShapeWithTheNumberAsName() {
		TestClient client = newClient();
		long extension = extension(client, "100");
		String number = uniqueNumber();
		Response created = post("/client/@me/did/", client.token(),
				Map.of("name", number, "domain", "sip.example.org", "extension_id", extension));
		assertThat(created.status()).isEqualTo(201);
		assertThat(List.copyOf(created.body().propertyNames())).containsExactly("id", "name", "domain", "client_id",
				"extension_id");
		assertThat(created.body().get("name").asString()).isEqualTo(number);
		assertThat(created.body().get("domain").asString()).isEqualTo("sip.example.org");
		assertThat(created.body().get("client_id").asLong()).isEqualTo(client.id());
		assertThat(created.body().get("extension_id").asLong()).isEqualTo(extension);
		Response listed = get("/client/@me/did/", client.token());
		assertThat(listed.body()).hasSize(1);
		assertThat(listed.body().get(0)).isEqualTo(created.body());
	}

	@Test
	void numberIsAcceptedAsASynonymOfNameAndDomainDefaultsToEmpty() {
		TestClient client = newClient();
		String number = uniqueNumber();
		Response created = post("/client/@me/did/", client.token(),
				Map.of("number", number, "extension_id", extension(client, "100")));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("name").asString()).isEqualTo(number);
		assertThat(created.body().get("domain").asString()).isEmpty();
		String other = uniqueNumber();
		Response renamed = put("/client/@me/did/" + created.body().get("id").asLong(), client.token(),
				Map.of("number", other));
		assertThat(renamed.body().get("name").asString()).isEqualTo(other);
	}

	@Test
	void numberIsUniquePlatformWide() {
		TestClient first = newClient();
		TestClient second = newClient();
		String number = uniqueNumber();
		assertThat(post("/client/@me/did/", first.token(),
				Map.of("number", number, "extension_id", extension(first, "100")))
			.status()).isEqualTo(201);
		Response taken = post("/client/@me/did/", second.token(),
				Map.of("number", number, "extension_id", extension(second, "100")));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.body().get("message").asString()).contains(number);
	}

	@Test
	void extensionMustBeTheClients() {
		TestClient client = newClient();
		TestClient other = newClient();
		Response response = post("/client/@me/did/", client.token(),
				Map.of("number", uniqueNumber(), "extension_id", extension(other, "100")));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("extension_id");
	}

	@Test
	void numberMustBeDigits() {
		TestClient client = newClient();
		Response response = post("/client/@me/did/", client.token(),
				Map.of("number", "call-me", "extension_id", extension(client, "100")));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("name");
	}

	@Test
	void putReroutesAndDeleteRemoves() {
		TestClient client = newClient();
		long first = extension(client, "100");
		long second = extension(client, "101");
		long id = post("/client/@me/did/", client.token(), Map.of("number", uniqueNumber(), "extension_id", first))
			.body()
			.get("id")
			.asLong();
		Response moved = put("/client/@me/did/" + id, client.token(), Map.of("extension_id", second));
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.body().get("extension_id").asLong()).isEqualTo(second);
		assertThat(delete("/client/@me/did/" + id, client.token()).status()).isEqualTo(204);
		assertThat(get("/client/@me/did/" + id, client.token()).status()).isEqualTo(404);
	}

	private long extension(TestClient client, String name) {
		return post("/client/@me/extension/", client.token(), Map.of("name", name, "type", "ivr")).body()
			.get("id")
			.asLong();
	}

	private static String uniqueNumber() {
		return "+7" + (1_000_000_000L + System.nanoTime() % 9_000_000_000L);
	}

}
