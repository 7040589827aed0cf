package dev.tonal.engine.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.tonal.engine.EngineSettings;
import dev.tonal.engine.TestIvr;
import dev.tonal.engine.TraceEntry;
import dev.tonal.engine.TransferFailure;
import dev.tonal.engine.simulation.SimulationInput.CallerEvent;
import dev.tonal.engine.simulation.SimulationInput.HttpStub;
import dev.tonal.model.Action;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.model.Rule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * semantics.md rule 33 on the seed's example IVR: sleep 5 s, sound 52 (foreground, 3 s),
 * sound 51 (background, 4 s), then 5 s for input.
 */
class SimulatorTest {

	private static final Instant MONDAY_10_MOSCOW = Instant.parse("2026-11-23T07:00:00Z");

	private static SimulationOutput simulate(IvrSnapshot snapshot, SimulationInput input) {
		return new Simulator(snapshot, EngineSettings.defaults()).run(input);
	}

	private static SimulationOutput seed(CallerEvent... events) {
		return simulate(TestIvr.seedExample(), new SimulationInput("+79161234567", "Ivan", "+74950000000",
				MONDAY_10_MOSCOW, List.of(events), Map.of(), Map.of(), List.of(), 0));
	}

	@Test
	void rule33_noInputIsTransferredTo050AfterThePromptsAndTheTimeout() {
		SimulationOutput out = seed();
		assertThat(out.result()).isEqualTo(new SimulationOutput.Result("transferred", 17_000, "050", "transferred"));
		assertThat(out.trace()).extracting(TraceEntry::type)
			.containsExactly("timer_fired", "context_entered", "rule_started", "prompt_started", "prompt_finished",
					"rule_started", "prompt_started", "prompt_finished", "timer_fired", "context_entered",
					"rule_started", "transfer_started", "transfer_answered");
		assertThat(out.trace().get(3).attributes()).containsEntry("sound", 52L);
		assertThat(out.trace().get(8).attributes()).containsEntry("timer", "timeout");
		assertThat(out.variables()).containsEntry("called_did", "+74950000000");
	}

	@Test
	void rule33_oneDuringTheBackgroundPromptTransfersToTheMobile() {
		SimulationOutput out = seed(CallerEvent.dtmf(9000, "1"));
		// Extension 105 starts with 1, so the IVR waits inter_digit_timeout (2 s) for
		// more.
		assertThat(out.result())
			.isEqualTo(new SimulationOutput.Result("transferred", 11_000, "+7987654321", "transferred"));
		assertThat(out.trace()).filteredOn((e) -> e.type().equals("prompt_interrupted")).hasSize(1);
	}

	@Test
	void rule33_twoTransfersTo002() {
		SimulationOutput out = seed(CallerEvent.dtmf(8500, "2"));
		// No extension starts with 2: answered at once.
		assertThat(out.result()).isEqualTo(new SimulationOutput.Result("transferred", 8500, "002", "transferred"));
	}

	@Test
	void rule33_aDigitDuringTheForegroundPromptIsIgnored() {
		SimulationOutput out = seed(CallerEvent.dtmf(6000, "1"));
		TraceEntry digit = out.trace().stream().filter((e) -> e.type().equals("digit")).findFirst().orElseThrow();
		assertThat(digit.attributes()).containsEntry("digit", "1")
			.containsEntry("transport", "simulated")
			.containsEntry("used", false);
		assertThat(out.result().destination()).isEqualTo("050");
	}

	@Test
	void rule33_aDialledExtensionIsTransferredToAndAnUnknownOneRunsInvalid() {
		SimulationOutput known = seed(CallerEvent.dtmf(8500, "1"), CallerEvent.dtmf(8700, "0"),
				CallerEvent.dtmf(8900, "5"));
		assertThat(known.result().destination()).isEqualTo("105");
		SimulationOutput unknown = seed(CallerEvent.dtmf(8500, "9"));
		assertThat(unknown.trace()).filteredOn((e) -> e.type().equals("context_entered"))
			.extracting((e) -> e.get("option"))
			.containsExactly("start", "invalid");
		// invalid has no rules in the example: the call is hung up.
		assertThat(unknown.result().end()).isEqualTo("hangup");
	}

	@Test
	void rule33_transferOutcomesCallerHangupAndMaxDuration() {
		SimulationOutput busy = simulate(TestIvr.seedExample(), new SimulationInput("1", "", null, MONDAY_10_MOSCOW,
				List.of(), Map.of("050", "busy"), Map.of(), List.of(), 60_000));
		// 050 busy → wait for input again → timeout → 050 busy … until max_duration.
		assertThat(busy.result().end()).isEqualTo("max_duration");
		assertThat(busy.result().at()).isEqualTo(60_000);
		SimulationOutput hangup = seed(CallerEvent.hangup(7000));
		assertThat(hangup.result())
			.isEqualTo(new SimulationOutput.Result("caller_hangup", 7000, null, "caller hung up"));
	}

	@Test
	void rule33_outcomeKeywordsFailWithTheReasonsOfRule16() {
		IvrSnapshot snapshot = TestIvr.menu()
			.rules(1, "start", TestIvr.transfer("+79876543210"), TestIvr.transfer("002"), TestIvr.transfer("050"),
					TestIvr.hangup())
			.build();
		SimulationOutput out = simulate(snapshot, new SimulationInput("1", "", null, MONDAY_10_MOSCOW, List.of(),
				Map.of("+79876543210", "no_route", "002", "no_answer", "050", "busy"), Map.of(), List.of(), 0));
		assertThat(out.trace()).filteredOn((e) -> e.type().equals("transfer_failed"))
			.extracting((e) -> e.get("destination") + ": " + e.get("why"))
			.containsExactly("+79876543210: " + TransferFailure.NO_ROUTE.wire(),
					"002: " + TransferFailure.NO_ANSWER.wire(), "050: " + TransferFailure.BUSY.wire());
		assertThat(TransferFailure.NO_ROUTE.wire()).isEqualTo("no route");
		assertThat(TransferFailure.NO_ANSWER.wire()).isEqualTo("no answer");
	}

	@Test
	void rule33_httpStubsAreKeyedByTheExpandedUrlAndUnlistedUrlsAreUnreachable() {
		IvrSnapshot snapshot = TestIvr.menu()
			.rules(1, "start",
					Rule.builder(Action.CALL_INTERACTIVE)
						.callInteractiveUrl("http://crm/${caller_id_number}")
						.callInteractiveMethod("GET"),
					Rule.builder(Action.CALL_INTERACTIVE)
						.callInteractiveUrl("http://down/")
						.callInteractiveMethod("GET"),
					Rule.builder(Action.QUALITY_RATE).maxRate(5),
					Rule.builder(Action.TRANSFER).transferDst("${target}"))
			.build();
		SimulationOutput out = simulate(snapshot,
				new SimulationInput("777", "", null, MONDAY_10_MOSCOW, List.of(CallerEvent.dtmf(400, "4")), Map.of(),
						Map.of("http://crm/777",
								new HttpStub(200, "<Response><SetVar name=\"target\">002</SetVar></Response>", 300)),
						List.of(), 0));
		assertThat(out.trace()).filteredOn((e) -> e.type().equals("http_response"))
			.extracting((e) -> e.get("url") + " " + e.get("status") + " " + e.get("error"))
			.containsExactly("http://crm/777 200 null", "http://down/ null unreachable");
		assertThat(out.ratings()).containsExactly(new SimulationOutput.Rating(4, 5));
		assertThat(out.result().destination()).isEqualTo("002");
		assertThat(out.result().at()).isEqualTo(400);
	}

	@Test
	void rule33_speechIsHeardOnlyWhileListening() {
		IvrSnapshot snapshot = TestIvr.menu()
			.sound(8, 2000)
			.rules(1, "start",
					Rule.builder(Action.VOICE_HELPER)
						.sound(8L)
						.voiceHelperRules(List.of(new dev.tonal.model.VoiceHelperRule("1", "техник"))))
			.rules(1, "1", Rule.builder(Action.TRANSFER).transferDst("support"))
			.build();
		SimulationOutput out = simulate(snapshot,
				new SimulationInput("1", "", null, MONDAY_10_MOSCOW, List.of(), Map.of(), Map.of(),
						List.of(new SimulationInput.Speech(1000, "техник"), new SimulationInput.Speech(3000, "техник")),
						0));
		assertThat(out.result().destination()).isEqualTo("support");
		assertThat(out.result().at()).isEqualTo(3000);
	}

	@Test
	void rule33_badInputIsRefusedWithAClearMessage() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SimulationInput("1", "", null, MONDAY_10_MOSCOW, List.of(), Map.of("002", "maybe"),
					Map.of(), List.of(), 0))
			.withMessageContaining("transfers.002")
			.withMessageContaining("busy");
		assertThatIllegalArgumentException().isThrownBy(() -> CallerEvent.dtmf(0, "x")).withMessageContaining("0-9");
	}

}
