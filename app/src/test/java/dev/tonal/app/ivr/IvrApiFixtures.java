package dev.tonal.app.ivr;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tonal.app.support.ApiTestSupport;
import dev.tonal.app.support.TestWavs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers for IVR API tests: each test builds its own client, IVR extension and context
 * over HTTP, so that tests never depend on each other or on absolute ids.
 */
abstract class IvrApiFixtures extends ApiTestSupport {

	/** Every field a rule response carries (api.md §7), set or not. */
	static final List<String> RULE_FIELDS = List.of("id", "action", "sound", "sound_type", "play_sound_from_variable",
			"digits", "play_digits_method", "play_digits_variable", "silence_time", "context", "context_option",
			"transfer_dst", "transfer_variable", "set_variable_name", "set_variable_value", "record_digits_variable",
			"record_digits_max", "record_digits_sound", "call_interactive_url", "call_interactive_method",
			"call_interactive_timeout", "caller_id_number", "caller_id_name", "max_rate", "voice_helper_rules",
			"voice_helper_timeout", "voice_helper_digits_max", "voice_helper_final_count", "voice_helper_classic_term",
			"interval", "caller_id_action", "caller_id", "match_variable_name", "match_variable_value");

	private static final AtomicInteger NAMES = new AtomicInteger(100);

	/** A client with one IVR extension that has one context. */
	record Ivr(TestClient client, long extensionId, long contextId) {

		String token() {
			return this.client.token();
		}

		String path() {
			return "/extension/" + this.extensionId + "/ivr/";
		}

		String context() {
			return path() + "context/" + this.contextId + "/";
		}

		String options() {
			return context() + "options/";
		}

		String rules(String option) {
			return options() + option + "/rules/";
		}

	}

	/** A new client with an IVR extension and a context named "main". */
	Ivr newIvr() {
		TestClient client = newClient();
		long eid = newIvrExtension(client.token());
		return new Ivr(client, eid, newContext(client.token(), eid));
	}

	/** Another IVR extension of the same client, with a context of its own. */
	Ivr anotherIvrOf(TestClient client) {
		long eid = newIvrExtension(client.token());
		return new Ivr(client, eid, newContext(client.token(), eid));
	}

	long newIvrExtension(String token) {
		return newExtension(token, "ivr");
	}

	long newExtension(String token, String type) {
		Response created = post("/client/@me/extension/", token,
				Map.of("name", String.valueOf(NAMES.incrementAndGet() % 900 + 100), "type", type));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.body().get("id").asLong();
	}

	long newContext(String token, long eid) {
		Response created = post("/extension/" + eid + "/ivr/context/", token, Map.of("name", "main"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.body().get("id").asLong();
	}

	long newSound(String token) {
		Response created = upload("/client/@me/sound/", token, "prompt", "prompt.wav", TestWavs.tone(8000, 1, 300));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.body().get("id").asLong();
	}

	void newOption(Ivr ivr, String digits) {
		Response created = post(ivr.options(), ivr.token(), Map.of("digits", digits));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	long newRule(Ivr ivr, String option, Map<String, Object> rule) {
		Response created = post(ivr.rules(option), ivr.token(), rule);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.body().get("id").asLong();
	}

	long hangupRule(Ivr ivr, String option) {
		return newRule(ivr, option, Map.of("action", "hangup"));
	}

	/** Asserts a 400 whose errors name exactly {@code field}. */
	static void assertFieldError(Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.body().get("errors").findValues("field")).as(response.toString())
			.extracting((node) -> node.asString())
			.containsExactly(field);
		assertThat(response.body().get("message").asString()).contains(field);
	}

}
