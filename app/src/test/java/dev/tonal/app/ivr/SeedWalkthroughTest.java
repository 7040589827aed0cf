package dev.tonal.app.ivr;

import java.util.List;
import java.util.Map;

import dev.tonal.app.support.TestWavs;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the worked example of the original API's documentation (the seed) over HTTP:
 * two sounds, IVR extension 071, its main context, the settings, rules for start, options
 * 1 and 2 and timeout, and the option list, checking every field the seed's responses
 * show. (The seed posts the rule for option 2 to options/1 by mistake; here it goes to
 * 2.)
 */
class SeedWalkthroughTest extends IvrApiFixtures {

	@Test
	void seedWorkedExample() {
		SeedClient client = seedClient();
		String token = client.token();

		// The token over HTTP (POST /oauth/token, client_credentials) is made in
		// seedClient().
		String sounds = "/client/" + client.id() + "/sound/";
		Response hello = upload(sounds, token, "мой файл приветствия", "hello.wav", TestWavs.tone(8000, 1, 500));
		assertThat(hello.status()).as(hello.toString()).isEqualTo(201);
		assertThat(hello.body().get("client_id").asLong()).isEqualTo(client.id());
		assertThat(hello.body().get("title").asString()).isEqualTo("мой файл приветствия");
		long helloId = hello.body().get("id").asLong();
		assertSeedCorsHeaders(hello);
		Response advertising = upload(sounds, token, "мой файл рекламы", "advertising.wav",
				TestWavs.tone(8000, 1, 700));
		assertThat(advertising.status()).as(advertising.toString()).isEqualTo(201);
		assertThat(advertising.body().get("client_id").asLong()).isEqualTo(client.id());
		assertThat(advertising.body().get("title").asString()).isEqualTo("мой файл рекламы");
		assertSeedCorsHeaders(advertising);
		long advertisingId = advertising.body().get("id").asLong();

		Response extension = post("/client/@me/extension/", token,
				Map.of("status", "active", "name", "071", "label", "тестовый IVR", "type", "ivr"));
		assertThat(extension.status()).as(extension.toString()).isEqualTo(201);
		assertThat(extension.body().get("status").asString()).isEqualTo("active");
		assertThat(extension.body().get("name").asString()).isEqualTo(client.prefix() + "*071");
		assertThat(extension.body().get("extra_params").isNull()).isTrue();
		assertThat(extension.body().get("label").asString()).isEqualTo("тестовый IVR");
		assertThat(extension.body().get("client_id").asLong()).isEqualTo(client.id());
		assertThat(extension.body().get("extension_group_id").isNull()).isTrue();
		assertThat(extension.body().get("type").asString()).isEqualTo("ivr");
		long eid = extension.body().get("id").asLong();
		String ivr = "/extension/" + eid + "/ivr/";

		Response context = post(ivr + "context/", token, Map.of("digit_len", 3, "allow_any_dial", true,
				"inter_digit_timeout", 2000, "name", "Основной контекст", "timeout", 5000));
		assertThat(context.status()).as(context.toString()).isEqualTo(201);
		assertThat(context.body().get("name").asString()).isEqualTo("Основной контекст");
		assertThat(context.body().get("inter_digit_timeout").asInt()).isEqualTo(2000);
		assertThat(context.body().get("timeout").asInt()).isEqualTo(5000);
		assertThat(context.body().get("allow_any_dial").asBoolean()).isTrue();
		assertThat(context.body().get("digit_len").asInt()).isEqualTo(3);
		long contextId = context.body().get("id").asLong();

		Response settings = put(ivr, token, Map.of("sleep_time", 5000, "entry_context", contextId));
		assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
		assertThat(settings.body().get("lifetime_exp_transfer_dst").isNull()).isTrue();
		assertThat(settings.body().get("lifetime_exp_action").asString()).isEqualTo("hangup");
		assertThat(settings.body().get("lifetime").asInt()).isEqualTo(1800);
		assertThat(settings.body().get("sleep_time").asInt()).isEqualTo(5000);
		assertThat(settings.body().get("entry_context").asLong()).isEqualTo(contextId);
		assertThat(settings.body().get("vm_enabled").asBoolean()).as("docs/voicemail.md: off by default").isFalse();
		assertThat(settings.body().get("vm_greeting").isNull()).isTrue();
		assertThat(settings.body().get("vm_mailto").isNull()).isTrue();
		assertThat(settings.body().get("vm_attach_file").asBoolean()).isFalse();

		String options = ivr + "context/" + contextId + "/options/";
		JsonNode first = createRule(token, options + "start/rules/",
				Map.of("sound", advertisingId, "sound_type", "foreground", "action", "play_sound"));
		assertSeedRule(first, "play_sound", advertisingId, "foreground", null);
		JsonNode second = createRule(token, options + "start/rules/",
				Map.of("sound", helloId, "sound_type", "background", "action", "play_sound"));
		assertSeedRule(second, "play_sound", helloId, "background", null);

		Response option1 = post(options, token, Map.of("digits", "1"));
		assertThat(option1.status()).as(option1.toString()).isEqualTo(201);
		assertThat(option1.body()).isEqualTo(JSON.readTree("{\"digits\": \"1\"}"));
		JsonNode mobile = createRule(token, options + "1/rules/",
				Map.of("transfer_dst", "+7987654321", "action", "transfer"));
		assertSeedRule(mobile, "transfer", null, null, "+7987654321");

		Response option2 = post(options, token, Map.of("digits", "2"));
		assertThat(option2.status()).as(option2.toString()).isEqualTo(201);
		assertThat(option2.body()).isEqualTo(JSON.readTree("{\"digits\": \"2\"}"));
		JsonNode extension002 = createRule(token, options + "2/rules/",
				Map.of("transfer_dst", "002", "action", "transfer"));
		assertSeedRule(extension002, "transfer", null, null, "002");

		JsonNode timeout = createRule(token, options + "timeout/rules/",
				Map.of("transfer_dst", "050", "action", "transfer"));
		assertSeedRule(timeout, "transfer", null, null, "050");

		List<Long> ids = List.of(first, second, mobile, extension002, timeout)
			.stream()
			.map((rule) -> rule.get("id").asLong())
			.toList();
		assertThat(ids).doesNotHaveDuplicates().isSorted();

		Response list = get(options, token);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).isEqualTo(JSON.readTree(
				"[{\"digits\":\"start\"},{\"digits\":\"timeout\"},{\"digits\":\"invalid\"},{\"digits\":\"1\"},{\"digits\":\"2\"}]"));

		Response startRules = get(options + "start/rules/", token);
		assertThat(startRules.body().findValues("id")).extracting(JsonNode::asLong)
			.containsExactly(ids.get(0), ids.get(1));
	}

	/** A client with the seed's prefix "000" when it is free, else with a unique one. */
	private SeedClient seedClient() {
		Response created = post("/client/", adminToken(), Map.of("name", "seed client", "prefix", "000"));
		if (created.status() == 201) {
			long id = created.body().get("id").asLong();
			return new SeedClient(id, "000", appToken(id, "full"));
		}
		assertThat(created.status()).as(created.toString()).isEqualTo(409);
		TestClient client = newClient();
		return new SeedClient(client.id(), client.prefix(), client.token());
	}

	private record SeedClient(long id, String prefix, String token) {
	}

	private JsonNode createRule(String token, String path, Map<String, Object> rule) {
		Response created = post(path, token, rule);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.body();
	}

	/** The fields the seed's rule responses show, and every other field of api.md §7. */
	private static void assertSeedRule(JsonNode rule, String action, Long sound, String soundType, String transferDst) {
		assertThat(rule.get("action").asString()).isEqualTo(action);
		assertThat(rule.get("id").isIntegralNumber()).isTrue();
		assertThat(rule.get("caller_id_action").asString()).isEqualTo("any");
		assertThat(rule.get("play_sound_from_variable").asBoolean()).isFalse();
		assertNullOr(rule, "sound", (sound != null) ? sound.toString() : null);
		assertNullOr(rule, "sound_type", soundType);
		assertNullOr(rule, "transfer_dst", transferDst);
		for (String unset : List.of("digits", "play_digits_method", "interval", "caller_id", "context_option",
				"silence_time", "context")) {
			assertThat(rule.get(unset)).as(unset).isNotNull();
			assertThat(rule.get(unset).isNull()).as(unset).isTrue();
		}
		assertThat(rule.propertyNames()).containsExactlyInAnyOrderElementsOf(IvrApiFixtures.RULE_FIELDS);
	}

	/** The CORS headers the seed's upload responses show. */
	private static void assertSeedCorsHeaders(Response response) {
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, DELETE, PUT, PATCH, OPTIONS");
		assertThat(response.header("Access-Control-Allow-Headers")).isEqualTo("Content-Type, api_key, Authorization");
	}

	private static void assertNullOr(JsonNode rule, String field, String expected) {
		assertThat(rule.get(field)).as(field).isNotNull();
		if (expected == null) {
			assertThat(rule.get(field).isNull()).as(field).isTrue();
		}
		else {
			assertThat(rule.get(field).asString()).as(field).isEqualTo(expected);
		}
	}

}
