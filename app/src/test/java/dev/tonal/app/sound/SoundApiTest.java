package dev.tonal.app.sound;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.tonal.app.support.ApiTestSupport;
import dev.tonal.app.support.TestWavs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The HTTP side of sounds (api.md §3); decoding in depth is tested in the media module,
 * the formats a user uploads most are checked here end to end. Deleting a sound a rule
 * uses: {@code IvrReferencesApiTest}.
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

	static Stream<Arguments> uploadFormats() {
		return Stream.of(arguments("float 32-bit 16 kHz WAV", "float.wav", TestWavs.floatTone(16000, 1, 1000), 1000),
				arguments("stereo 16-bit 44.1 kHz WAV", "stereo.wav", TestWavs.tone(44100, 2, 1000), 1000),
				arguments("stereo 44.1 kHz MP3", "sine.mp3", TestWavs.mediaFixture("sine-stereo-44k.mp3"), 1000));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("uploadFormats")
	void uploadsAreNormalisedTo8kHzMono16BitKeepingTheDuration(String format, String filename, byte[] audio,
			int durationMs) {
		TestClient client = newClient();
		Response created = upload("/client/@me/sound/", client.token(), format, filename, audio);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.body().get("duration_ms").asInt()).isBetween(durationMs - 20, durationMs + 20);

		Response file = get("/client/@me/sound/" + created.body().get("id").asLong() + "/file", client.token());
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Content-Type")).startsWith("audio/wav");
		ByteBuffer wav = ByteBuffer.wrap(file.bytes()).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(new String(file.bytes(), 0, 4)).isEqualTo("RIFF");
		assertThat(new String(file.bytes(), 8, 4)).isEqualTo("WAVE");
		assertThat(wav.getShort(20)).as("PCM").isEqualTo((short) 1);
		assertThat(wav.getShort(22)).as("channels").isEqualTo((short) 1);
		assertThat(wav.getInt(24)).as("sample rate").isEqualTo(8000);
		assertThat(wav.getShort(34)).as("bits per sample").isEqualTo((short) 16);
		int samples = dataChunkSize(wav) / 2;
		assertThat(samples * 1000 / 8000).as("duration of the stored file, ms")
			.isBetween(durationMs - 20, durationMs + 20);
	}

	/** The size of the WAV's data chunk, found by walking the chunks after the header. */
	private static int dataChunkSize(ByteBuffer wav) {
		int at = 12;
		while (at + 8 <= wav.limit()) {
			String id = new String(wav.array(), at, 4);
			int size = wav.getInt(at + 4);
			if (id.equals("data")) {
				return size;
			}
			at += 8 + size + (size & 1);
		}
		throw new AssertionError("the WAV has no data chunk");
	}

	static Stream<Arguments> unusableFiles() {
		byte[] garbage = new byte[4000];
		Arrays.fill(garbage, (byte) 0x5A);
		return Stream.of(arguments("corrupt", garbage, "neither a WAV nor an MP3"),
				arguments("empty", new byte[0], "empty"),
				arguments("silent", TestWavs.mediaFixture("silent-8k.wav"), "only silence"),
				arguments("truncated", TestWavs.mediaFixture("truncated.wav"), ""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unusableFiles")
	void unusableFilesAre400WithTheReason(String what, byte[] file, String reason) {
		TestClient client = newClient();
		Response response = upload("/client/@me/sound/", client.token(), what, what + ".wav", file);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("file");
		assertThat(response.body().get("message").asString()).startsWith("file: ").contains(reason);
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

	private long create(TestClient client, String title, byte[] wav) {
		Response created = upload("/client/@me/sound/", client.token(), title, title + ".wav", wav);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.body().get("id").asLong();
	}

}
