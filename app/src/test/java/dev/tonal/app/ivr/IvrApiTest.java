package dev.tonal.app.ivr;

import java.util.List;
import java.util.Map;

import dev.tonal.model.Action;
import dev.tonal.model.Rule;
import dev.tonal.model.VoiceHelperRule;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The IVR settings, contexts, options and rules endpoints (api.md §6–7). */
class IvrApiTest extends IvrApiFixtures {

	@Autowired
	private IvrRepository ivrs;

	@Test
	void newIvrHasTheDocumentedDefaults() {
		TestClient client = newClient();
		long eid = newIvrExtension(client.token());
		Response ivr = get("/extension/" + eid + "/ivr/", client.token());
		assertThat(ivr.status()).isEqualTo(200);
		assertThat(ivr.body()).isEqualTo(JSON.readTree("{\"entry_context\": null, \"lifetime\": 1800, "
				+ "\"lifetime_exp_action\": \"hangup\", \"lifetime_exp_transfer_dst\": null, \"sleep_time\": 0, "
				+ "\"vm_enabled\": false, \"vm_greeting\": null, \"vm_mailto\": null, \"vm_attach_file\": false}"));
	}

	@Test
	void settingsPutIsPartialAndValidated() {
		Ivr ivr = newIvr();
		Response updated = put(ivr.path(), ivr.token(),
				Map.of("lifetime_exp_action", "transfer", "lifetime_exp_transfer_dst", "050"));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.body().get("lifetime").asInt()).isEqualTo(1800);
		assertThat(updated.body().get("lifetime_exp_transfer_dst").asString()).isEqualTo("050");
		assertFieldError(put(ivr.path(), ivr.token(), "{\"lifetime_exp_transfer_dst\": null}"),
				"lifetime_exp_transfer_dst");
		assertFieldError(put(ivr.path(), ivr.token(), Map.of("lifetime", -1)), "lifetime");
		assertFieldError(put(ivr.path(), ivr.token(), Map.of("sleep_time", -1)), "sleep_time");
	}

	@Test
	void newContextTakesDefaultsAndTheClientsExtensionLength() {
		TestClient client = newClient(4);
		Response extension = post("/client/@me/extension/", client.token(), Map.of("name", "1000", "type", "ivr"));
		assertThat(extension.status()).as(extension.toString()).isEqualTo(201);
		long eid = extension.body().get("id").asLong();
		Response created = post("/extension/" + eid + "/ivr/context/", client.token(), Map.of("name", "main"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.body().get("timeout").asInt()).isEqualTo(5000);
		assertThat(created.body().get("inter_digit_timeout").asInt()).isEqualTo(2000);
		assertThat(created.body().get("digit_len").asInt()).isEqualTo(4);
		assertThat(created.body().get("allow_any_dial").asBoolean()).isFalse();
		long id = created.body().get("id").asLong();
		assertThat(get("/extension/" + eid + "/ivr/context/", client.token()).body().findValues("id"))
			.extracting((node) -> node.asLong())
			.containsExactly(id);
	}

	@Test
	void contextPutIsPartialAndValidated() {
		Ivr ivr = newIvr();
		Response updated = put(ivr.context(), ivr.token(), Map.of("timeout", 8000));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.body().get("timeout").asInt()).isEqualTo(8000);
		assertThat(updated.body().get("name").asString()).isEqualTo("main");
		assertThat(get(ivr.context(), ivr.token()).body().get("timeout").asInt()).isEqualTo(8000);
		assertFieldError(put(ivr.context(), ivr.token(), Map.of("inter_digit_timeout", 0)), "inter_digit_timeout");
		assertFieldError(put(ivr.context(), ivr.token(), Map.of("digit_len", 0)), "digit_len");
		assertFieldError(post(ivr.path() + "context/", ivr.token(), Map.of("timeout", 1000)), "name");
	}

	@Test
	void newContextHasTheBuiltInOptions() {
		Ivr ivr = newIvr();
		assertThat(get(ivr.options(), ivr.token()).body())
			.isEqualTo(JSON.readTree("[{\"digits\":\"start\"},{\"digits\":\"timeout\"},{\"digits\":\"invalid\"}]"));
	}

	@Test
	void builtInOptionsCannotBeDeletedOrCreated() {
		Ivr ivr = newIvr();
		assertThat(delete(ivr.options() + "start", ivr.token()).status()).isEqualTo(400);
		assertFieldError(post(ivr.options(), ivr.token(), Map.of("digits", "timeout")), "digits");
	}

	@Test
	void optionDigitsAreKeysUpToDigitLenAndUnique() {
		Ivr ivr = newIvr();
		assertFieldError(post(ivr.options(), ivr.token(), Map.of("digits", "1234")), "digits");
		assertFieldError(post(ivr.options(), ivr.token(), Map.of("digits", "1a")), "digits");
		assertFieldError(post(ivr.options(), ivr.token(), Map.of()), "digits");
		newOption(ivr, "1*#");
		assertThat(post(ivr.options(), ivr.token(), Map.of("digits", "1*#")).status()).isEqualTo(409);
	}

	@Test
	void deletingAnOptionDeletesItsRules() {
		Ivr ivr = newIvr();
		newOption(ivr, "5");
		hangupRule(ivr, "5");
		assertThat(delete(ivr.options() + "5", ivr.token()).status()).isEqualTo(204);
		assertThat(get(ivr.rules("5"), ivr.token()).status()).isEqualTo(404);
		assertThat(get(ivr.options(), ivr.token()).body().size()).isEqualTo(3);
	}

	@Test
	void ruleCanBeReadReplacedAndDeleted() {
		Ivr ivr = newIvr();
		long id = newRule(ivr, "start", Map.of("action", "play_silence", "silence_time", 500));
		Response read = get(ivr.rules("start") + id, ivr.token());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().propertyNames()).containsExactlyInAnyOrderElementsOf(RULE_FIELDS);
		assertThat(read.body().get("silence_time").asInt()).isEqualTo(500);

		Response replaced = put(ivr.rules("start") + id, ivr.token(),
				Map.of("action", "set_variable", "set_variable_name", "lang", "set_variable_value", "en"));
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.body().get("id").asLong()).isEqualTo(id);
		assertThat(replaced.body().get("silence_time").isNull()).isTrue();
		assertThat(replaced.body().get("set_variable_value").asString()).isEqualTo("en");
		assertFieldError(put(ivr.rules("start") + id, ivr.token(), Map.of("action", "play_silence")), "silence_time");

		assertThat(delete(ivr.rules("start") + id, ivr.token()).status()).isEqualTo(204);
		assertThat(get(ivr.rules("start") + id, ivr.token()).status()).isEqualTo(404);
		assertThat(get(ivr.rules("start"), ivr.token()).body().size()).isZero();
	}

	@Test
	void ruleWithConditionsAndVoiceHelperFieldsIsStoredAsSent() {
		Ivr ivr = newIvr();
		long id = newRule(ivr, "start",
				Map.of("action", "call_interactive", "call_interactive_url",
						"https://crm.example/ivr?n=${caller_id_number}", "call_interactive_method", "POST",
						"call_interactive_timeout", 10, "caller_id_action", "not_matches", "caller_id", "^(\\+|)7812",
						"match_variable_name", "lang", "match_variable_value", "ru"));
		Response read = get(ivr.rules("start") + id, ivr.token());
		assertThat(read.body().get("caller_id_action").asString()).isEqualTo("not_matches");
		assertThat(read.body().get("caller_id").asString()).isEqualTo("^(\\+|)7812");
		assertThat(read.body().get("call_interactive_timeout").asInt()).isEqualTo(10);
		assertThat(read.body().get("match_variable_value").asString()).isEqualTo("ru");
	}

	@Test
	void voiceHelperWithoutASpeechRecogniserIsRefusedSayingSo() {
		Ivr ivr = newIvr();
		newOption(ivr, "1");
		Response refused = post(ivr.rules("start"), ivr.token(), Map.of("action", "voice_helper", "voice_helper_rules",
				List.of(Map.of("to_option", "1", "transcription", "sales"))));
		assertFieldError(refused, "action");
		assertThat(refused.body().get("message").asString()).contains("speech recogniser");
	}

	@Test
	void voiceHelperAlternativesAreStoredAndShownAsSent() {
		// Created through the store: this server has no speech recogniser for the API to
		// accept one.
		Ivr ivr = newIvr();
		newOption(ivr, "1");
		long optionId = this.ivrs.option(ivr.contextId(), "start").orElseThrow().id();
		long id = this.ivrs.insertRule(ivr.extensionId(), optionId,
				Rule.builder(Action.VOICE_HELPER)
					.voiceHelperRules(List.of(new VoiceHelperRule("1", "продаж|sales")))
					.voiceHelperTimeout(8000)
					.voiceHelperClassicTerm(true)
					.build());
		Response read = get(ivr.rules("start") + id, ivr.token());
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertThat(read.body().get("voice_helper_rules"))
			.isEqualTo(JSON.readTree("[{\"to_option\": \"1\", \"transcription\": \"продаж|sales\"}]"));
		assertThat(read.body().get("voice_helper_timeout").asInt()).isEqualTo(8000);
		assertThat(read.body().get("voice_helper_classic_term").asBoolean()).isTrue();
		assertThat(read.body().get("voice_helper_digits_max").isNull()).isTrue();

		Response refused = delete(ivr.options() + "1", ivr.token());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.body().get("message").asString()).contains("voice_helper");
	}

	@Test
	void badJsonTypesAreFieldErrors() {
		Ivr ivr = newIvr();
		assertFieldError(post(ivr.rules("start"), ivr.token(), Map.of("action", "play_silence", "silence_time", "x")),
				"silence_time");
		assertFieldError(post(ivr.rules("start"), ivr.token(), Map.of("action", "jump")), "action");
		assertThat(post(ivr.rules("start"), ivr.token(), "[1]").status()).isEqualTo(400);
	}

	@Test
	void readOnlyTokensCannotWriteTheIvr() {
		Ivr ivr = newIvr();
		String readOnly = appToken(ivr.client().id(), "read_only");
		assertThat(get(ivr.path(), readOnly).status()).isEqualTo(200);
		assertThat(put(ivr.path(), readOnly, Map.of("sleep_time", 1)).status()).isEqualTo(403);
		assertThat(post(ivr.rules("start"), readOnly, Map.of("action", "hangup")).status()).isEqualTo(403);
	}

}
