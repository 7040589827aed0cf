package dev.tonal.app.api;

import java.util.Map;

import dev.tonal.app.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The original API's clients write paths with and without a trailing slash (the seed
 * shows {@code /extension/204/ivr/} and {@code client/@me/extension/}): both name the
 * same resource, for collections and items alike.
 */
class TrailingSlashTest extends ApiTestSupport {

	@Test
	void everyPathTakesAnOptionalTrailingSlash() {
		TestClient client = newClient();
		Response created = post("/client/@me/extension", client.token(), Map.of("name", "071", "type", "ivr"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long eid = created.body().get("id").asLong();
		for (String path : new String[] { "/client/@me/extension", "/client/@me/extension/" + eid,
				"/extension/" + eid + "/ivr", "/extension/" + eid + "/ivr/context",
				"/extension/" + eid + "/ivr/validate", "/user", "/client/@me/sound", "/client/@me/interval",
				"/client/@me/did", "/client/@me/call_history" }) {
			assertThat(get(path, client.token()).status()).as("GET " + path).isEqualTo(200);
			assertThat(get(path + "/", client.token()).status()).as("GET " + path + "/").isEqualTo(200);
		}
		Response context = post("/extension/" + eid + "/ivr/context/", client.token(), Map.of("name", "main"));
		String contextPath = "/extension/" + eid + "/ivr/context/" + context.body().get("id").asLong();
		assertThat(put(contextPath + "/", client.token(), Map.of("timeout", 3000)).status()).isEqualTo(200);
		assertThat(get(contextPath + "/options/start/rules/order/", client.token()).status()).isEqualTo(200);
		assertThat(delete(contextPath + "/", client.token()).status()).isEqualTo(204);
		assertThat(delete("/client/@me/extension/" + eid + "/", client.token()).status()).isEqualTo(204);
	}

	@Test
	void aReadOnlyTokenMaySimulateWithOrWithoutTheSlash() {
		TestClient client = newClient();
		long eid = post("/client/@me/extension/", client.token(), Map.of("name", "072", "type", "ivr")).body()
			.get("id")
			.asLong();
		String readOnly = appToken(client.id(), "read_only");
		assertThat(post("/extension/" + eid + "/ivr/simulate", readOnly, Map.of()).status()).isEqualTo(200);
		assertThat(post("/extension/" + eid + "/ivr/simulate/", readOnly, Map.of()).status()).isEqualTo(200);
		assertThat(post("/extension/" + eid + "/ivr/context/", readOnly, Map.of("name", "x")).status()).isEqualTo(403);
	}

}
