package dev.tonal.app.telephony;

import java.time.Duration;
import java.util.Map;

import dev.tonal.app.support.ApiTestSupport.Response;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /extension/{eid}/ivr/funnel} counts what real calls did, from their stored
 * traces: four calls into one menu — one chooses 1 and is taken to another context, one
 * lets the menu time out, one presses a key the menu does not know, one hangs up during
 * the greeting.
 */
class FunnelCallsTest extends IvrCallTestSupport {

	@Test
	void funnel_countsEachCallsWayThroughTheMenu() {
		TestIvr ivr = newIvr();
		configureContext(ivr, Map.of("timeout", 800));
		rule(ivr, "start", Map.of("action", "play_silence", "silence_time", 1500));
		option(ivr, "1");
		Response sales = post("/extension/" + ivr.extensionId() + "/ivr/context/", ivr.token(),
				Map.of("name", "sales"));
		long salesId = sales.body().get("id").asLong();
		rule(ivr, "1", Map.of("action", "jump_to_context", "context", salesId));
		rule(ivr, "timeout", Map.of("action", "hangup"));
		rule(ivr, "invalid", Map.of("action", "hangup"));
		post("/extension/" + ivr.extensionId() + "/ivr/context/" + salesId + "/options/start/rules/", ivr.token(),
				Map.of("action", "hangup"));

		Call chooses = dial(ivr);
		pressDuringGreeting(chooses, '1');
		chooses.sip().awaitByeFromServer();
		dial(ivr).sip().awaitByeFromServer(); // waits out the timeout
		Call invalid = dial(ivr);
		pressDuringGreeting(invalid, '9');
		invalid.sip().awaitByeFromServer();
		Call leaves = dial(ivr);
		leaves.sip().bye();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(get("/client/@me/call_history/", ivr.token()).body().get("call_history").size())
						.isEqualTo(4));

		Response funnel = get("/extension/" + ivr.extensionId() + "/ivr/funnel", ivr.token());
		assertThat(funnel.status()).as(funnel.toString()).isEqualTo(200);
		assertThat(funnel.body().get("calls").asInt()).isEqualTo(4);
		JsonNode main = context(funnel.body(), ivr.contextId());
		assertThat(main.get("name").asString()).isEqualTo("main");
		assertThat(main.get("entered").asInt()).isEqualTo(4);
		assertThat(option(main, "start")).isEqualTo(4);
		assertThat(option(main, "1")).isEqualTo(1);
		assertThat(main.get("timed_out").asInt()).as(() -> traces(ivr)).isEqualTo(1);
		assertThat(main.get("invalid").asInt()).isEqualTo(1);
		assertThat(main.get("hung_up").asInt()).isEqualTo(1);
		assertThat(context(funnel.body(), salesId).get("entered").asInt()).isEqualTo(1);
		JsonNode move = funnel.body().get("moves").get(0);
		assertThat(move.get("from_context").asLong()).isEqualTo(ivr.contextId());
		assertThat(move.get("from_option").asString()).isEqualTo("1");
		assertThat(move.get("to_context").asLong()).isEqualTo(salesId);
		assertThat(move.get("calls").asInt()).isEqualTo(1);

		Response none = get("/extension/" + ivr.extensionId() + "/ivr/funnel?from=2000-01-01%2000:00:00&to="
				+ "2000-01-02%2000:00:00", ivr.token());
		assertThat(none.body().get("calls").asInt()).isZero();
		assertThat(context(none.body(), ivr.contextId()).get("entered").asInt()).isZero();
	}

	@Test
	void funnel_badPeriod_isAFieldError_andAnotherClientsIvrIsNotFound() {
		TestIvr ivr = newIvr();
		Response bad = get("/extension/" + ivr.extensionId() + "/ivr/funnel?from=yesterday", ivr.token());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("from");
		Response reversed = get(
				"/extension/" + ivr.extensionId() + "/ivr/funnel?from=2026-01-02%2000:00:00&to=2026-01-01%2000:00:00",
				ivr.token());
		assertThat(reversed.status()).isEqualTo(400);
		TestClient other = newClient();
		assertThat(get("/extension/" + ivr.extensionId() + "/ivr/funnel", other.token()).status()).isEqualTo(404);
	}

	/**
	 * Presses a key once this call's greeting plays (the call is then in the menu). The
	 * phone's RTP socket is shared by the test's calls, so what earlier calls sent is
	 * dropped first: counting it made the key go out before the menu had started.
	 */
	private void pressDuringGreeting(Call call, char key) {
		this.rtp.drain();
		this.rtp.awaitPackets(3);
		press(call, key);
	}

	private String traces(TestIvr ivr) {
		StringBuilder all = new StringBuilder();
		for (JsonNode call : get("/client/@me/call_history/", ivr.token()).body().get("call_history")) {
			all.append(get("/client/@me/call_history/" + call.get("call_uuid").asString() + "/trace", ivr.token()))
				.append('\n');
		}
		return all.toString();
	}

	private static JsonNode context(JsonNode funnel, long id) {
		for (JsonNode context : funnel.get("contexts")) {
			if (context.get("context").asLong() == id) {
				return context;
			}
		}
		throw new AssertionError("no context " + id + " in " + funnel);
	}

	private static int option(JsonNode context, String digits) {
		for (JsonNode option : context.get("options")) {
			if (option.get("digits").asString().equals(digits)) {
				return option.get("calls").asInt();
			}
		}
		throw new AssertionError("no option " + digits + " in " + context);
	}

}
