package dev.tonal.app.api;

import java.util.List;
import java.util.Map;

import dev.tonal.app.support.ApiTestSupport;
import dev.tonal.app.support.TestWavs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token of one client never sees or changes another client's objects: they answer 404,
 * never 403, so ids cannot be probed (api.md §1).
 */
class TenantIsolationTest extends ApiTestSupport {

	@Test
	void anotherClientsObjectsAre404ForEveryResource() {
		TestClient owner = newClient();
		TestClient stranger = newClient();
		long extension = created(post("/client/@me/extension/", owner.token(), Map.of("name", "100", "type", "ivr")));
		long interval = created(post("/client/@me/interval/", owner.token(),
				Map.of("name", "always", "conditions", List.of(Map.of()))));
		long did = created(post("/client/@me/did/", owner.token(),
				Map.of("number", "+7" + (System.nanoTime() % 10_000_000_000L), "extension_id", extension)));
		long sound = created(upload("/client/@me/sound/", owner.token(), "s", "s.wav", TestWavs.tone(8000, 1, 200)));
		String base = "/client/" + owner.id();
		for (String path : List.of(base + "/extension/", base + "/sound/", base + "/interval/", base + "/did/",
				base + "/call_history/", base + "/quality_rate/", base + "/extension/" + extension,
				base + "/sound/" + sound, base + "/sound/" + sound + "/file", base + "/interval/" + interval,
				base + "/did/" + did)) {
			assertThat(get(path, stranger.token()).status()).as("GET " + path).isEqualTo(404);
		}
		for (String path : List.of(base + "/extension/" + extension, base + "/sound/" + sound,
				base + "/interval/" + interval, base + "/did/" + did)) {
			assertThat(put(path, stranger.token(), Map.of("name", "x")).status()).as("PUT " + path).isEqualTo(404);
			assertThat(delete(path, stranger.token()).status()).as("DELETE " + path).isEqualTo(404);
		}
		// Creating in the other client's collections, and replacing its sound's audio.
		assertThat(post(base + "/extension/", stranger.token(), Map.of("name", "101", "type", "ivr")).status())
			.isEqualTo(404);
		assertThat(post(base + "/interval/", stranger.token(), Map.of("name", "x", "conditions", List.of(Map.of())))
			.status()).isEqualTo(404);
		assertThat(post(base + "/did/", stranger.token(), Map.of("number", "+70000000000", "extension_id", extension))
			.status()).isEqualTo(404);
		byte[] wav = TestWavs.tone(8000, 1, 200);
		assertThat(upload(base + "/sound/", stranger.token(), "x", "x.wav", wav).status()).isEqualTo(404);
		assertThat(upload(base + "/sound/" + sound, stranger.token(), "x", "x.wav", wav).status()).isEqualTo(404);
		// Own paths with the other client's ids: also 404.
		assertThat(get("/client/@me/extension/" + extension, stranger.token()).status()).isEqualTo(404);
		assertThat(get("/client/@me/sound/" + sound, stranger.token()).status()).isEqualTo(404);
		assertThat(get("/client/@me/interval/" + interval, stranger.token()).status()).isEqualTo(404);
		assertThat(get("/client/@me/did/" + did, stranger.token()).status()).isEqualTo(404);
		assertThat(delete("/client/@me/extension/" + extension, stranger.token()).status()).isEqualTo(404);
		// The owner still has everything.
		assertThat(get(base + "/extension/" + extension, owner.token()).status()).isEqualTo(200);
		assertThat(get(base + "/did/" + did, owner.token()).status()).isEqualTo(200);
		assertThat(get(base + "/sound/" + sound, owner.token()).body().get("title").asString()).isEqualTo("s");
		assertThat(get(base + "/extension/", owner.token()).body()).hasSize(1);
		assertThat(get(base + "/interval/", owner.token()).body()).hasSize(1);
		assertThat(get(base + "/did/", owner.token()).body()).hasSize(1);
	}

	@Test
	void adminSeesEveryClientByIdButNotWithMe() {
		TestClient owner = newClient();
		long extension = created(post("/client/@me/extension/", owner.token(), Map.of("name", "100", "type", "ivr")));
		assertThat(get("/client/" + owner.id() + "/extension/" + extension, adminToken()).status()).isEqualTo(200);
	}

	private static long created(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.body().get("id").asLong();
	}

}
