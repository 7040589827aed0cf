package dev.tonal.app.callevent;

import java.util.List;
import java.util.Map;

import dev.tonal.app.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Call-event subscriptions of an extension (api.md §9): CRUD, checks, tenants. */
class EventSubscriptionApiTest extends ApiTestSupport {

	@Test
	void aSubscriptionIsCreatedListedAndDeleted() {
		TestClient client = newClient();
		long eid = extension(client);
		String base = "/extension/" + eid + "/event/";
		Response created = post(base, client.token(),
				Map.of("url", "http://crm.example/hook", "method", "GET", "event_type", "dial-in"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(List.copyOf(created.body().propertyNames())).containsExactly("id", "url", "method", "event_type");
		assertThat(created.body().get("url").asString()).isEqualTo("http://crm.example/hook");
		assertThat(created.body().get("method").asString()).isEqualTo("GET");
		assertThat(created.body().get("event_type").asString()).isEqualTo("dial-in");
		long id = created.body().get("id").asLong();
		post(base, client.token(), Map.of("url", "https://crm.example/hangup", "event_type", "hangup"));
		JsonNode list = get(base, client.token()).body();
		assertThat(list.findValuesAsString("event_type")).containsExactly("dial-in", "hangup");
		assertThat(list.get(1).get("method").asString()).as("POST unless told").isEqualTo("POST");
		assertThat(get(base + id, client.token()).body()).isEqualTo(created.body());
		assertThat(delete(base + id, client.token()).status()).isEqualTo(204);
		assertThat(get(base + id, client.token()).status()).isEqualTo(404);
		assertThat(get(base, client.token()).body()).hasSize(1);
	}

	@Test
	void badFieldsAreNamed() {
		TestClient client = newClient();
		String base = "/extension/" + extension(client) + "/event/";
		Response bad = post(base, client.token(), Map.of("url", "ftp://x", "method", "PUT", "event_type", "ring"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").findValuesAsString("field")).containsExactly("url", "method", "event_type");
		assertThat(bad.body().get("message").asString()).isNotBlank();
	}

	@Test
	void anotherClientsExtensionIs404() {
		TestClient owner = newClient();
		TestClient stranger = newClient();
		long eid = extension(owner);
		String base = "/extension/" + eid + "/event/";
		long id = post(base, owner.token(), Map.of("url", "http://crm.example/a", "event_type", "answer")).body()
			.get("id")
			.asLong();
		assertThat(get(base, stranger.token()).status()).isEqualTo(404);
		assertThat(get(base + id, stranger.token()).status()).isEqualTo(404);
		assertThat(delete(base + id, stranger.token()).status()).isEqualTo(404);
		assertThat(post(base, stranger.token(), Map.of("url", "http://evil.example/", "event_type", "answer")).status())
			.isEqualTo(404);
		assertThat(get(base, owner.token()).body()).hasSize(1);
		assertThat(get("/extension/999999999/event/", owner.token()).status()).isEqualTo(404);
	}

	private long extension(TestClient client) {
		return post("/client/@me/extension/", client.token(), Map.of("name", "100", "type", "ivr")).body()
			.get("id")
			.asLong();
	}

}
