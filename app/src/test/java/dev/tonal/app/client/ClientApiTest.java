package dev.tonal.app.client;

import java.util.Map;

import dev.tonal.app.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients (tenants), administered with an admin token (api.md §1). */
class ClientApiTest extends ApiTestSupport {

	@Test
	void createdClientHasDefaults() {
		String prefix = uniquePrefix();
		Response created = post("/client/", adminToken(), Map.of("name", "Acme", "prefix", prefix));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("id").asLong()).isPositive();
		assertThat(created.body().get("name").asString()).isEqualTo("Acme");
		assertThat(created.body().get("prefix").asString()).isEqualTo(prefix);
		assertThat(created.body().get("extension_length").asInt()).isEqualTo(3);
		assertThat(created.body().get("timezone").asString()).isEqualTo("Europe/Moscow");
		Response fetched = get("/client/" + created.body().get("id").asLong(), adminToken());
		assertThat(fetched.body()).isEqualTo(created.body());
	}

	@Test
	void prefixIsUniqueAmongClients() {
		String prefix = uniquePrefix();
		assertThat(post("/client/", adminToken(), Map.of("name", "A", "prefix", prefix)).status()).isEqualTo(201);
		Response duplicate = post("/client/", adminToken(), Map.of("name", "B", "prefix", prefix));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.body().get("message").asString()).contains(prefix);
	}

	@Test
	void invalidClientFieldsAreAllReported() {
		Response response = post("/client/", adminToken(),
				Map.of("name", "", "prefix", "12a", "extension_length", 0, "timezone", "Mars/Olympus"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name",
				"prefix", "extension_length", "timezone");
	}

	@Test
	void putIsPartialAndPrefixCannotChange() {
		TestClient client = newClient();
		String path = "/client/" + client.id();
		Response updated = put(path, adminToken(), Map.of("timezone", "UTC"));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.body().get("timezone").asString()).isEqualTo("UTC");
		assertThat(updated.body().get("prefix").asString()).isEqualTo(client.prefix());
		Response renamed = put(path, adminToken(), Map.of("prefix", client.prefix() + "9"));
		assertThat(renamed.status()).isEqualTo(400);
		assertThat(renamed.body().get("errors").get(0).get("field").asString()).isEqualTo("prefix");
	}

	@Test
	void listShowsClientsAndDeleteRemovesEverythingOfTheClient() {
		TestClient client = newClient();
		assertThat(post("/client/@me/extension/", client.token(), Map.of("name", "100", "type", "phone")).status())
			.isEqualTo(201);
		assertThat(get("/client/", adminToken()).body().findValuesAsString("prefix")).contains(client.prefix());
		assertThat(delete("/client/" + client.id(), adminToken()).status()).isEqualTo(204);
		assertThat(get("/client/" + client.id(), adminToken()).status()).isEqualTo(404);
		assertThat(get("/client/" + client.id() + "/extension/", adminToken()).status()).isEqualTo(404);
	}

	private static String uniquePrefix() {
		return String.valueOf(System.nanoTime() % 1_000_000_000_000L);
	}

}
