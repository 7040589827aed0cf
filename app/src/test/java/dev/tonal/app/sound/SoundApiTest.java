package dev.tonal.app.sound;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.tonal.app.support.ApiTestSupport;
import dev.tonal.app.support.TestWavs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP side of sounds (api.md §3); decoding itself is tested in the media module.
 */
class SoundApiTest extends ApiTestSupport {

	@Test
	void uploadAnswers201WithTheSeedsFields() {
		TestClient client = newClient();
		Response created = upload("/client/" + client.id() + "/sound/", client.token(), "мой файл приветствия",
				"hello.wav", TestWavs.tone(16000, 2, 1500));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode body = created.body();
		assertThat(List.copyOf(body.propertyNames())).containsExactly("id", "client_id", "title", "filename",
				"duration_ms", "created");
		assertThat(body.get("client_id").asLong()).isEqualTo(client.id());
		assertThat(body.get("title").asString()).isEqualTo("мой файл приветствия");
		assertThat(body.get("filename").asString()).isEqualTo("hello.wav");
		assertThat(body.get("duration_ms").asInt()).isBetween(1490, 1510);
		assertThat(body.get("created").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
	}

	@Test
	void fileIsTheNormalised8kHzMonoWav() {
		TestClient client = newClient();
		long id = create(client, "tone", TestWavs.tone(44100, 2, 1000));
		Response file = get("/client/@me/sound/" + id + "/file", client.token());
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Content-Type")).startsWith("audio/wav");
		ByteBuffer wav = ByteBuffer.wrap(file.bytes()).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(new String(file.bytes(), 0, 4)).isEqualTo("RIFF");
		assertThat(new String(file.bytes(), 8, 4)).isEqualTo("WAVE");
		assertThat(wav.getShort(20)).as("PCM").isEqualTo((short) 1);
		assertThat(wav.getShort(22)).as("channels").isEqualTo((short) 1);
		assertThat(wav.getInt(24)).as("sample rate").isEqualTo(8000);
		assertThat(wav.getShort(34)).as("bits per sample").isEqualTo((short) 16);
	}

	@Test
	void corruptFileIs400WithTheReason() {
		TestClient client = newClient();
		byte[] garbage = new byte[4000];
		Arrays.fill(garbage, (byte) 0x5A);
		Response response = upload("/client/@me/sound/", client.token(), "bad", "bad.wav", garbage);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("file");
		assertThat(response.body().get("message").asString()).startsWith("file: ");
	}

	@Test
	void uploadOver10MbIs413() {
		TestClient client = newClient();
		Response response = upload("/client/@me/sound/", client.token(), "big", "big.wav",
				new byte[10 * 1024 * 1024 + 1]);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body().get("message").asString()).contains("10 MB");
	}

	@Test
	void missingTitleOrFileIs400NamingThePart() {
		TestClient client = newClient();
		Response noTitle = upload("/client/@me/sound/", client.token(), null, "a.wav", TestWavs.tone(8000, 1, 200));
		assertThat(noTitle.status()).isEqualTo(400);
		assertThat(noTitle.body().get("errors").findValuesAsString("field")).containsExactly("title");
		Response noFile = upload("/client/@me/sound/", client.token(), "no file", null, null);
		assertThat(noFile.status()).isEqualTo(400);
		assertThat(noFile.body().get("errors").findValuesAsString("field")).containsExactly("file");
	}

	@Test
	void listFiltersByRepeatableIdAndTitle() {
		TestClient client = newClient();
		long a = create(client, "a", TestWavs.tone(8000, 1, 200));
		long b = create(client, "b", TestWavs.tone(8000, 1, 200));
		create(client, "c", TestWavs.tone(8000, 1, 200));
		assertThat(get("/client/@me/sound/", client.token()).body()).hasSize(3);
		assertThat(get("/client/@me/sound/?id=" + a + "&id=" + b, client.token()).body().findValuesAsString("title"))
			.containsExactly("a", "b");
		assertThat(get("/client/@me/sound/?title=c&title=a", client.token()).body().findValuesAsString("title"))
			.containsExactly("a", "c");
	}

	@Test
	void putChangesTheTitleAndPostReplacesTheAudio() {
		TestClient client = newClient();
		long id = create(client, "old", TestWavs.tone(8000, 1, 200));
		Response renamed = put("/client/@me/sound/" + id, client.token(), Map.of("title", "new"));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.body().get("title").asString()).isEqualTo("new");
		assertThat(put("/client/@me/sound/" + id, client.token(), Map.of("title", "")).status()).isEqualTo(400);
		Response replaced = upload("/client/@me/sound/" + id, client.token(), null, "longer.wav",
				TestWavs.tone(8000, 1, 2000));
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.body().get("filename").asString()).isEqualTo("longer.wav");
		assertThat(replaced.body().get("title").asString()).isEqualTo("new");
		assertThat(replaced.body().get("duration_ms").asInt()).isBetween(1990, 2010);
	}

	@Test
	void deleteRemovesTheSound() {
		TestClient client = newClient();
		long id = create(client, "gone", TestWavs.tone(8000, 1, 200));
		assertThat(delete("/client/@me/sound/" + id, client.token()).status()).isEqualTo(204);
		assertThat(get("/client/@me/sound/" + id, client.token()).status()).isEqualTo(404);
		assertThat(get("/client/@me/sound/" + id + "/file", client.token()).status()).isEqualTo(404);
	}

	@Test
	void deletingASoundAnIvrRuleUsesIs409NamingTheRule() {
		TestClient client = newClient();
		long sound = create(client, "greeting", TestWavs.tone(8000, 1, 200));
		long ivr = post("/client/@me/extension/", client.token(), Map.of("name", "100", "type", "ivr")).body()
			.get("id")
			.asLong();
		Response context = post("/extension/" + ivr + "/ivr/context/", client.token(), Map.of("name", "main"));
		assertThat(context.status()).as(context.toString()).isEqualTo(201);
		Response rule = post(
				"/extension/" + ivr + "/ivr/context/" + context.body().get("id").asLong() + "/options/start/rules/",
				client.token(), Map.of("action", "play_sound", "sound", sound, "sound_type", "background"));
		assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
		Response refused = delete("/client/@me/sound/" + sound, client.token());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("message").asString()).contains("rule " + rule.body().get("id").asLong());
	}

	private long create(TestClient client, String title, byte[] wav) {
		Response created = upload("/client/@me/sound/", client.token(), title, title + ".wav", wav);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.body().get("id").asLong();
	}

}
