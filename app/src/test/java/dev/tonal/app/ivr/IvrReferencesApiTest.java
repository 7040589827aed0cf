package dev.tonal.app.ivr;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * References stay inside one client and one IVR (api.md §7), and what is still referred
 * to cannot be deleted (409 naming the references).
 */
class IvrReferencesApiTest extends IvrApiFixtures {

	@Test
	void soundOfAnotherClientIsRefused() {
		Ivr ivr = newIvr();
		long foreignSound = newSound(newClient().token());
		assertFieldError(post(ivr.rules("start"), ivr.token(),
				Map.of("action", "play_sound", "sound", foreignSound, "sound_type", "background")), "sound");
		assertFieldError(put(ivr.path(), ivr.token(), Map.of("vm_greeting", foreignSound)), "vm_greeting");
	}

	@Test
	void contextOfAnotherIvrIsRefused() {
		Ivr ivr = newIvr();
		Ivr sibling = anotherIvrOf(ivr.client());
		assertFieldError(post(ivr.rules("start"), ivr.token(),
				Map.of("action", "jump_to_context", "context", sibling.contextId())), "context");
		assertFieldError(put(ivr.path(), ivr.token(), Map.of("entry_context", sibling.contextId())), "entry_context");
	}

	@Test
	void jumpToAnOptionThatDoesNotExistIsRefused() {
		Ivr ivr = newIvr();
		assertFieldError(
				post(ivr.rules("start"), ivr.token(),
						Map.of("action", "jump_to_context", "context", ivr.contextId(), "context_option", "7")),
				"context_option");
	}

	@Test
	void intervalOfAnotherClientIsRefused() {
		Ivr ivr = newIvr();
		Response interval = post("/client/@me/interval/", newClient().token(), Map.of("name", "office hours",
				"timezone", "Europe/Moscow", "conditions", List.of(Map.of("start_dow", 2, "end_dow", 6))));
		assertThat(interval.status()).as(interval.toString()).isEqualTo(201);
		assertFieldError(post(ivr.rules("start"), ivr.token(),
				Map.of("action", "hangup", "interval", interval.body().get("id").asLong())), "interval");
	}

	@Test
	void deletingASoundUsedByARuleIsAConflictNamingTheRule() {
		Ivr ivr = newIvr();
		long sound = newSound(ivr.token());
		long rule = newRule(ivr, "start", Map.of("action", "play_sound", "sound", sound, "sound_type", "foreground"));
		Response refused = delete("/client/@me/sound/" + sound, ivr.token());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.body().get("message").asString()).contains("rule " + rule);

		delete(ivr.rules("start") + rule, ivr.token());
		assertThat(delete("/client/@me/sound/" + sound, ivr.token()).status()).isEqualTo(204);
	}

	@Test
	void deletingAnIntervalUsedByARuleIsAConflict() {
		Ivr ivr = newIvr();
		Response interval = post("/client/@me/interval/", ivr.token(), Map.of("name", "office hours", "timezone",
				"Europe/Moscow", "conditions", List.of(Map.of("start_dow", 2, "end_dow", 6))));
		long intervalId = interval.body().get("id").asLong();
		long rule = newRule(ivr, "start", Map.of("action", "hangup", "interval", intervalId));
		Response refused = delete("/client/@me/interval/" + intervalId, ivr.token());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.body().get("message").asString()).contains("rule " + rule);
	}

	@Test
	void deletingTheEntryContextIsAConflict() {
		Ivr ivr = newIvr();
		put(ivr.path(), ivr.token(), Map.of("entry_context", ivr.contextId()));
		Response refused = delete(ivr.context(), ivr.token());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.body().get("message").asString()).contains("entry_context");

		put(ivr.path(), ivr.token(), "{\"entry_context\": null}");
		assertThat(delete(ivr.context(), ivr.token()).status()).isEqualTo(204);
	}

	@Test
	void deletingAJumpTargetIsAConflictNamingTheJump() {
		Ivr ivr = newIvr();
		long target = newContext(ivr.token(), ivr.extensionId());
		long jump = newRule(ivr, "start", Map.of("action", "jump_to_context", "context", target));
		Response refused = delete(ivr.path() + "context/" + target, ivr.token());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.body().get("message").asString()).contains("rule " + jump);
	}

	@Test
	void aContextJumpingToItselfCanBeDeleted() {
		Ivr ivr = newIvr();
		newRule(ivr, "timeout", Map.of("action", "jump_to_context", "context", ivr.contextId()));
		assertThat(delete(ivr.context(), ivr.token()).status()).isEqualTo(204);
		assertThat(get(ivr.context(), ivr.token()).status()).isEqualTo(404);
	}

	@Test
	void deletingAnOptionAJumpLeadsToIsAConflict() {
		Ivr ivr = newIvr();
		newOption(ivr, "1");
		long jump = newRule(ivr, "timeout",
				Map.of("action", "jump_to_context", "context", ivr.contextId(), "context_option", "1"));
		Response refused = delete(ivr.options() + "1", ivr.token());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.body().get("message").asString()).contains("rule " + jump);
	}

	@Test
	void deletingAClientDeletesItsIvrsWithTheSoundsAndIntervalsTheyUse() {
		Ivr ivr = newIvr();
		long sound = newSound(ivr.token());
		Response interval = post("/client/@me/interval/", ivr.token(), Map.of("name", "office hours", "timezone",
				"Europe/Moscow", "conditions", List.of(Map.of("start_dow", 2, "end_dow", 6))));
		newRule(ivr, "start", Map.of("action", "play_sound", "sound", sound, "sound_type", "foreground", "interval",
				interval.body().get("id").asLong()));
		newRule(ivr, "timeout", Map.of("action", "jump_to_context", "context", ivr.contextId()));
		put(ivr.path(), ivr.token(), Map.of("entry_context", ivr.contextId(), "vm_greeting", sound));
		Response deleted = delete("/client/" + ivr.client().id(), adminToken());
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		assertThat(get("/extension/" + ivr.extensionId() + "/ivr/", adminToken()).status()).isEqualTo(404);
	}

	@Test
	void deletingTheIvrExtensionDeletesItsConfiguration() {
		Ivr ivr = newIvr();
		long sound = newSound(ivr.token());
		newRule(ivr, "start", Map.of("action", "play_sound", "sound", sound, "sound_type", "foreground"));
		put(ivr.path(), ivr.token(), Map.of("entry_context", ivr.contextId()));
		assertThat(delete("/client/@me/extension/" + ivr.extensionId(), ivr.token()).status()).isEqualTo(204);
		assertThat(get(ivr.path(), ivr.token()).status()).isEqualTo(404);
		assertThat(delete("/client/@me/sound/" + sound, ivr.token()).status()).isEqualTo(204);
	}

}
