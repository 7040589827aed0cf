package dev.tonal.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.tonal.engine.simulation.SimulationInput;
import dev.tonal.engine.simulation.SimulationOutput;
import dev.tonal.engine.simulation.Simulator;
import dev.tonal.engine.validation.Finding;
import dev.tonal.engine.validation.IvrValidator;
import dev.tonal.model.LifetimeAction;
import org.junit.jupiter.api.Test;

import static dev.tonal.engine.TestIvr.hangup;
import static dev.tonal.engine.TestIvr.setVariable;
import static dev.tonal.engine.TestIvr.transfer;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/voicemail.md: when a caller reaches voicemail, and what happens there. */
class VoicemailTest {

	private static final long GREETING = 9;

	/** An IVR whose start option runs {@code rules}, voicemail on, greeting 3 s. */
	private static EngineHarness call(boolean vmEnabled, Long greeting, dev.tonal.model.Rule.Builder... rules) {
		return EngineHarness
			.call(TestIvr.menu().sound(GREETING, 3000).voicemail(vmEnabled, greeting).rules(1, "start", rules).build())
			.answer();
	}

	/** Greeting (3 s) and beep played: recording from 3500 ms on. */
	private static EngineHarness recording(EngineHarness h) {
		h.advance(3000 + Command.PlayBeep.BEEP_MS);
		assertThat(h.commands(Command.StartRecording.class)).hasSize(1);
		return h;
	}

	@Test
	void transferToVoicemailAlone_greetingBeepThenRecordingUntilHash() {
		EngineHarness h = call(true, GREETING, transfer("voicemail"), setVariable("after", "1"));
		assertThat(h.commands()).containsExactly(new Command.PlaySound(1, GREETING));
		h.advance(3000);
		assertThat(h.last(Command.PlayBeep.class)).isNotNull();
		assertThat(h.commands(Command.StartRecording.class)).as("not during the beep").isEmpty();
		h.advance(Command.PlayBeep.BEEP_MS);
		Command.StartRecording start = h.last(Command.StartRecording.class);
		assertThat(start.maxLength()).isEqualTo(EngineSettings.DEFAULT_VOICEMAIL_MAX_LENGTH);
		assertThat(start.silence()).isEqualTo(EngineSettings.DEFAULT_VOICEMAIL_SILENCE);
		h.advance(4000).dtmf("#");
		assertThat(h.last(Command.StopRecording.class)).isEqualTo(new Command.StopRecording(start.recordingId(), "#"));
		assertThat(h.last(Command.HangUp.class).reason()).isEqualTo("voicemail recorded");
		assertThat(h.result().end()).isEqualTo(CallResult.End.VOICEMAIL);
		assertThat(h.result().end().wire()).isEqualTo("voicemail");
		assertThat(h.trace("voicemail_recorded")).singleElement().satisfies((e) -> {
			assertThat(e.at()).isEqualTo(7500);
			assertThat(e.attributes()).containsEntry("duration_ms", 4000L).containsEntry("why", "#");
		});
		assertThat(h.traceTypes()).containsSubsequence("rule_started", "voicemail_started", "prompt_started",
				"prompt_finished", "prompt_started", "prompt_finished", "recording_started", "digit",
				"voicemail_recorded", "hangup");
		assertThat(h.session.variables()).as("the call ends: no later rule runs").doesNotContainKey("after");
	}

	@Test
	void otherDestinationsRingFirst_voicemailWhenAllOfThemFail() {
		EngineHarness h = call(true, GREETING, transfer("002 voicemail 050"));
		assertThat(h.last(Command.Ring.class).destinations()).as("voicemail is never rung")
			.containsExactly("002", "050");
		h.failTransfer("002", TransferFailure.BUSY);
		assertThat(h.commands(Command.PlaySound.class)).isEmpty();
		h.failTransfer("050", TransferFailure.UNREGISTERED);
		assertThat(h.last(Command.PlaySound.class).soundId()).isEqualTo(GREETING);
		recording(h);
	}

	@Test
	void noAnswerWithinTheRingTimeoutAlsoLeadsToVoicemail() {
		EngineHarness h = call(true, GREETING, transfer("002 voicemail"));
		h.advance(Duration.ofSeconds(30).toMillis());
		assertThat(h.commands(Command.CancelLeg.class)).hasSize(1);
		assertThat(h.last(Command.PlaySound.class).soundId()).isEqualTo(GREETING);
	}

	@Test
	void anAnsweredDestinationIsBridged_noVoicemail() {
		EngineHarness h = call(true, GREETING, transfer("002 voicemail"));
		h.answerTransfer("002");
		assertThat(h.result().end()).isEqualTo(CallResult.End.TRANSFERRED);
		assertThat(h.traceTypes()).doesNotContain("voicemail_started");
	}

	@Test
	void vmDisabled_theDestinationIsSkippedAndTheNextRuleRuns() {
		EngineHarness h = call(false, GREETING, transfer("voicemail"), setVariable("after", "1"), hangup());
		assertThat(h.session.variables()).containsEntry("after", "1");
		assertThat(h.trace("voicemail_skipped")).singleElement()
			.satisfies((e) -> assertThat(e.attributes()).containsEntry("why", "vm_enabled is false"));
		assertThat(h.commands(Command.StartRecording.class)).isEmpty();
		EngineHarness ringing = call(false, GREETING, transfer("002 voicemail"), hangup());
		ringing.failTransfer("002", TransferFailure.BUSY);
		assertThat(ringing.result().end()).as("the next rule: hangup").isEqualTo(CallResult.End.HANGUP);
	}

	@Test
	void withoutVmGreeting_aDefaultGreetingIsSynthesisedInTheIvrsLanguage() {
		EngineHarness h = call(true, null, transfer("voicemail"));
		Command.Synthesise synthesise = h.last(Command.Synthesise.class);
		assertThat(synthesise.voice()).isEqualTo("ru");
		assertThat(synthesise.text()).isEqualTo(VoicemailStep.DEFAULT_GREETING_RU);
		h.handle(new Event.SpeechSynthesised(synthesise.requestId(), "tts-1"));
		assertThat(h.last(Command.PlaySynthesised.class).greeting()).isEqualTo("tts-1");
		h.advance(1000);
		assertThat(h.commands(Command.PlayBeep.class)).hasSize(1);
	}

	@Test
	void aFailedDefaultGreetingGoesStraightToTheBeep() {
		EngineHarness h = call(true, null, transfer("voicemail"));
		h.handle(new Event.SynthesisFailed(h.last(Command.Synthesise.class).requestId(), "no espeak"));
		assertThat(h.commands(Command.PlayBeep.class)).hasSize(1);
		assertThat(h.trace("voicemail_greeting_failed")).hasSize(1);
	}

	@Test
	void aKeyDuringTheGreetingSkipsToTheBeep_otherKeysWhileRecordingAreIgnored() {
		EngineHarness h = call(true, GREETING, transfer("voicemail"));
		h.advance(1000).dtmf("5");
		assertThat(h.commands(Command.StopPlayback.class)).hasSize(1);
		assertThat(h.commands(Command.PlayBeep.class)).hasSize(1);
		h.advance(Command.PlayBeep.BEEP_MS);
		assertThat(h.commands(Command.StartRecording.class)).hasSize(1);
		h.dtmf("12*");
		assertThat(h.session.isEnded()).isFalse();
		assertThat(h.trace("digit").subList(1, 4))
			.allSatisfy((e) -> assertThat(e.attributes()).containsEntry("used", false));
	}

	@Test
	void theRecordingStopsAtTheMaximumLength() {
		EngineHarness h = new EngineHarness(
				TestIvr.menu()
					.sound(GREETING, 3000)
					.voicemail(true, GREETING)
					.rules(1, "start", transfer("voicemail"))
					.build(),
				CallInfo.external("uuid-1", "+79161234567", "Ivan", "+74950000000"),
				EngineSettings.defaults().withVoicemail(Duration.ofSeconds(20), Duration.ofSeconds(3)))
			.answer();
		recording(h);
		assertThat(h.last(Command.StartRecording.class).silence()).isEqualTo(Duration.ofSeconds(3));
		h.advance(19_999);
		assertThat(h.commands(Command.StopRecording.class)).isEmpty();
		h.advance(1);
		assertThat(h.last(Command.StopRecording.class).why()).isEqualTo("max_length");
		assertThat(h.result().end()).isEqualTo(CallResult.End.VOICEMAIL);
		assertThat(h.trace("voicemail_recorded").get(0).attributes()).containsEntry("duration_ms", 20_000L);
	}

	@Test
	void silenceReportedByTheAdapterEndsTheVoicemail() {
		EngineHarness h = recording(call(true, GREETING, transfer("voicemail")));
		long id = h.last(Command.StartRecording.class).recordingId();
		h.advance(8000).handle(new Event.RecordingFinished(id + 100, 8000, "silence"));
		assertThat(h.session.isEnded()).as("another recording's report is ignored").isFalse();
		h.handle(new Event.RecordingFinished(id, 8000, "silence"));
		assertThat(h.commands(Command.StopRecording.class)).as("the adapter stopped it").isEmpty();
		assertThat(h.result().end()).isEqualTo(CallResult.End.VOICEMAIL);
		assertThat(h.trace("voicemail_recorded").get(0).attributes()).containsEntry("why", "silence")
			.containsEntry("duration_ms", 8000L);
	}

	@Test
	void theCallerHangingUpWhileRecording_keepsTheRecording() {
		EngineHarness h = recording(call(true, GREETING, transfer("voicemail")));
		h.advance(2000).handle(new Event.CallerHungUp());
		assertThat(h.last(Command.StopRecording.class).why()).isEqualTo("ended");
		assertThat(h.commands(Command.HangUp.class)).isEmpty();
		assertThat(h.result().end()).isEqualTo(CallResult.End.CALLER_HANGUP);
		assertThat(h.trace("voicemail_recorded").get(0).attributes()).containsEntry("duration_ms", 2000L);
	}

	@Test
	void theCallerHangingUpDuringTheGreeting_recordsNothing() {
		EngineHarness h = call(true, GREETING, transfer("voicemail"));
		h.advance(1000).handle(new Event.CallerHungUp());
		assertThat(h.commands(Command.StartRecording.class)).isEmpty();
		assertThat(h.commands(Command.StopRecording.class)).isEmpty();
	}

	@Test
	void theLifetimeExpiringWhileRecording_stopsAndKeepsItThenRunsTheLifetimeAction() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.sound(GREETING, 3000)
				.voicemail(true, GREETING)
				.lifetime(10, LifetimeAction.HANGUP, null)
				.rules(1, "start", transfer("voicemail"))
				.build())
			.answer();
		h.advance(10_000);
		assertThat(h.last(Command.StopRecording.class).why()).isEqualTo("ended");
		assertThat(h.result().end()).isEqualTo(CallResult.End.LIFETIME);
		assertThat(h.trace("voicemail_recorded").get(0).attributes()).containsEntry("duration_ms", 6500L);
	}

	@Test
	void theSimulatorRecordsUntilHash() {
		SimulationInput input = new SimulationInput("+79161234567", "Ivan", null, EngineHarness.START,
				List.of(SimulationInput.CallerEvent.dtmf(9500, "#")), Map.of("002", "busy"), Map.of(), List.of(), 0);
		SimulationOutput out = new Simulator(TestIvr.menu()
			.sound(GREETING, 3000)
			.voicemail(true, GREETING)
			.rules(1, "start", transfer("002 voicemail"))
			.build(), EngineSettings.defaults()).run(input);
		assertThat(out.result().end()).isEqualTo("voicemail");
		assertThat(out.result().at()).isEqualTo(9500);
		assertThat(out.trace()).filteredOn((e) -> e.type().equals("voicemail_recorded"))
			.singleElement()
			.satisfies((e) -> assertThat(e.attributes()).containsEntry("duration_ms", 6000L));
	}

	@Test
	void theValidatorWarnsOfAVoicemailDestinationWhileVoicemailIsOff() {
		List<Finding> off = IvrValidator.validate(
				TestIvr.menu().voicemail(false, null).rules(1, "start", transfer("002 voicemail")).build(), false);
		assertThat(off).singleElement().satisfies((f) -> {
			assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
			assertThat(f.path()).isEqualTo("contexts[1].options[start].rules[0].transfer_dst");
			assertThat(f.message()).contains("vm_enabled");
		});
		assertThat(IvrValidator
			.validate(TestIvr.menu().voicemail(true, null).rules(1, "start", transfer("002 voicemail")).build(), false))
			.isEmpty();
		assertThat(IvrValidator.validate(TestIvr.menu()
			.voicemail(true, null)
			.lifetime(60, LifetimeAction.TRANSFER, "voicemail")
			.rules(1, "start", hangup())
			.build(), false)).extracting(Finding::path).containsExactly("lifetime_exp_transfer_dst");
	}

}
