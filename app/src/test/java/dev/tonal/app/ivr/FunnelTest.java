package dev.tonal.app.ivr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the funnel counts stored traces: calls, not events; timeouts and invalid input are
 * the built-in options run; a caller who hangs up after being bridged did not drop out of
 * the menu; a transfer attempt is answered or failed as a whole.
 */
class FunnelTest {

	@Test
	void countsCallsNotEvents_aContextEnteredTwiceIsOneCall() {
		Funnel funnel = new Funnel();
		funnel.add(trace(entered(1, "start"), entered(1, "timeout"), entered(1, "start"), entered(1, "timeout"),
				hangup("hangup rule")));
		assertThat(funnel.calls()).isEqualTo(1);
		assertThat(funnel.contexts().get(1L).entered()).isEqualTo(1);
		assertThat(funnel.contexts().get(1L).option("timeout")).isEqualTo(1);
	}

	@Test
	void optionsChosen_timeoutAndInvalid_perContext() {
		Funnel funnel = new Funnel();
		funnel.add(trace(entered(1, "start"), entered(1, "1"), entered(2, "start"), hangup("hangup rule")));
		funnel.add(trace(entered(1, "start"), entered(1, "timeout"), hangup("hangup rule")));
		funnel.add(trace(entered(1, "start"), entered(1, "invalid"), hangup("hangup rule")));
		Funnel.ContextCounts main = funnel.contexts().get(1L);
		assertThat(main.entered()).isEqualTo(3);
		assertThat(main.option("start")).isEqualTo(3);
		assertThat(main.option("1")).isEqualTo(1);
		assertThat(main.option("timeout")).isEqualTo(1);
		assertThat(main.option("invalid")).isEqualTo(1);
		assertThat(funnel.contexts().get(2L).entered()).isEqualTo(1);
		assertThat(funnel.moves()).singleElement().satisfies((move) -> {
			assertThat(move.getKey()).isEqualTo(new Funnel.Move(1, "1", 2, "start"));
			assertThat(move.getValue()).isEqualTo(1);
		});
	}

	@Test
	void hungUpThere_isWhereTheCallerLeftTheMenu_notAfterABridge() {
		Funnel funnel = new Funnel();
		funnel.add(trace(entered(1, "start"), entered(2, "start"), hangup("caller hung up")));
		funnel.add(trace(entered(1, "start"), entry("transfer_started"), answered("002"), hangup("caller hung up")));
		funnel.add(trace(entered(1, "start"), hangup("hangup rule")));
		assertThat(funnel.contexts().get(1L).hungUp()).isZero();
		assertThat(funnel.contexts().get(2L).hungUp()).isEqualTo(1);
	}

	@Test
	void transfers_countAttemptsAnsweredOrFailedAsAWhole() {
		Funnel funnel = new Funnel();
		// one attempt ringing two destinations, the second answers: one answered attempt
		funnel.add(trace(entered(1, "2"), entry("transfer_started"), failed("050"), answered("002")));
		// every destination fails, the next rule transfers again and fails: two failed
		funnel.add(trace(entered(1, "2"), entry("transfer_started"), failed("002"), entry("transfer_started"),
				failed("050"), hangup("hangup rule")));
		Funnel.ContextCounts main = funnel.contexts().get(1L);
		assertThat(main.transfers()).isEqualTo(3);
		assertThat(main.transfersAnswered()).isEqualTo(1);
		assertThat(main.transfersFailed()).isEqualTo(2);
	}

	@Test
	void unknownEntriesAndOddValues_areIgnored() {
		Funnel funnel = new Funnel();
		funnel.add(trace(entry("something_new"), Map.of("at", 0, "type", "context_entered", "context", "x"),
				Map.of("at", 0, "type", "context_entered", "context", "7")));
		assertThat(funnel.contexts()).containsOnlyKeys(7L);
	}

	@SafeVarargs
	private static List<Map<String, Object>> trace(Map<String, Object>... entries) {
		return new ArrayList<>(List.of(entries));
	}

	private static Map<String, Object> entered(long context, String option) {
		Map<String, Object> entry = entry("context_entered");
		entry.put("context", context);
		entry.put("option", option);
		return entry;
	}

	private static Map<String, Object> answered(String destination) {
		Map<String, Object> entry = entry("transfer_answered");
		entry.put("destination", destination);
		return entry;
	}

	private static Map<String, Object> failed(String destination) {
		Map<String, Object> entry = entry("transfer_failed");
		entry.put("destination", destination);
		entry.put("why", "busy");
		return entry;
	}

	private static Map<String, Object> hangup(String why) {
		Map<String, Object> entry = entry("hangup");
		entry.put("why", why);
		return entry;
	}

	private static Map<String, Object> entry(String type) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("at", 0);
		entry.put("type", type);
		return entry;
	}

}
