package dev.tonal.app.ivr;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /extension/{eid}/ivr/simulate} (semantics.md rule 33) runs the stored
 * configuration on a virtual clock: the seed's menu, driven by a script.
 */
class SimulateApiTest extends IvrApiFixtures {

	/**
	 * The seed's menu: a foreground and a background prompt, 1 → mobile, timeout → 050.
	 */
	private Ivr seedMenu() {
		Ivr ivr = newIvr();
		long advertising = newSound(ivr.token());
		long hello = newSound(ivr.token());
		put(ivr.path(), ivr.token(), Map.of("entry_context", ivr.contextId()));
		newRule(ivr, "start", Map.of("action", "play_sound", "sound", advertising, "sound_type", "foreground"));
		newRule(ivr, "start", Map.of("action", "play_sound", "sound", hello, "sound_type", "background"));
		newOption(ivr, "1");
		newRule(ivr, "1", Map.of("action", "transfer", "transfer_dst", "+7987654321"));
		newRule(ivr, "timeout", Map.of("action", "transfer", "transfer_dst", "050"));
		return ivr;
	}

	@Test
	void rule33_keyDuringTheBackgroundPromptSelectsItsOption() {
		Ivr ivr = seedMenu();
		Response run = post(ivr.path() + "simulate", ivr.token(),
				Map.of("caller_id_number", "+79990000000", "events", List.of(Map.of("at", 400, "dtmf", "1"))));
		assertThat(run.status()).as(run.toString()).isEqualTo(200);
		JsonNode result = run.body().get("result");
		assertThat(result.get("end").asString()).as(run.toString()).isEqualTo("transferred");
		assertThat(result.get("destination").asString()).isEqualTo("+7987654321");
		assertThat(run.body().get("trace").findValuesAsString("type")).contains("context_entered", "rule_started",
				"digit", "transfer_started");
		assertThat(run.body().get("variables").get("caller_id_number").asString()).isEqualTo("+79990000000");
		assertThat(run.body().get("ratings").isArray()).isTrue();
	}

	@Test
	void rule33_silenceEndsInTheTimeoutOptionsTransfer() {
		Ivr ivr = seedMenu();
		Response run = post(ivr.path() + "simulate", ivr.token(), Map.of("transfers", Map.of("050", "answer")));
		assertThat(run.status()).as(run.toString()).isEqualTo(200);
		assertThat(run.body().get("result").get("end").asString()).isEqualTo("transferred");
		assertThat(run.body().get("result").get("destination").asString()).isEqualTo("050");
	}

	@Test
	void rule33_simulationSeesTheLatestEdit() {
		Ivr ivr = seedMenu();
		post(ivr.path() + "simulate", ivr.token(), Map.of());
		newRule(ivr, "start", Map.of("action", "hangup"));
		List<Long> order = get(ivr.rules("start") + "order/", ivr.token()).body()
			.get("order")
			.valueStream()
			.map((id) -> id.asLong())
			.toList();
		put(ivr.rules("start") + "order/", ivr.token(),
				Map.of("order", List.of(order.get(2), order.get(0), order.get(1))));
		Response run = post(ivr.path() + "simulate", ivr.token(), Map.of());
		assertThat(run.body().get("result").get("end").asString()).as(run.toString()).isEqualTo("hangup");
	}

	@Test
	void badScriptFieldsAreNamed() {
		Ivr ivr = seedMenu();
		assertFieldError(post(ivr.path() + "simulate", ivr.token(), Map.of("events", List.of(Map.of("dtmf", "1")))),
				"events[0].at");
		assertFieldError(post(ivr.path() + "simulate", ivr.token(), Map.of("transfers", Map.of("050", "maybe"))),
				"transfers.050");
		assertFieldError(post(ivr.path() + "simulate", ivr.token(), Map.of("time", "tomorrow")), "time");
	}

	@Test
	void anotherClientCannotSimulate() {
		Ivr ivr = seedMenu();
		assertThat(post(ivr.path() + "simulate", newClient().token(), Map.of()).status()).isEqualTo(404);
	}

	@Test
	void rule33_readOnlyTokensMaySimulateBecauseItChangesNothing() {
		Ivr ivr = seedMenu();
		String readOnly = appToken(ivr.client().id(), "read_only");
		Response run = post(ivr.path() + "simulate", readOnly, Map.of("transfers", Map.of("050", "answer")));
		assertThat(run.status()).as(run.toString()).isEqualTo(200);
		assertThat(run.body().get("result").get("destination").asString()).isEqualTo("050");
		assertThat(post(ivr.path() + "simulate/", readOnly, Map.of()).status()).isEqualTo(200);
		// The exception is that one path: other POSTs of a read-only token stay refused.
		assertThat(post(ivr.path() + "context/", readOnly, Map.of("name", "x")).status()).isEqualTo(403);
		assertThat(post(ivr.rules("start"), readOnly, Map.of("action", "hangup")).status()).isEqualTo(403);
	}

}
