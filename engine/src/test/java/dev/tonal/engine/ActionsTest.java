package dev.tonal.engine;

import java.time.Duration;
import java.util.List;

import dev.tonal.model.Action;
import dev.tonal.model.PlayDigitsMethod;
import dev.tonal.model.Rule;
import dev.tonal.model.VoiceHelperRule;
import org.junit.jupiter.api.Test;

import static dev.tonal.engine.TestIvr.background;
import static dev.tonal.engine.TestIvr.hangup;
import static dev.tonal.engine.TestIvr.jump;
import static dev.tonal.engine.TestIvr.setVariable;
import static dev.tonal.engine.TestIvr.transfer;
import static org.assertj.core.api.Assertions.assertThat;

/** semantics.md §4: what each action does (rules 12–24). */
class ActionsTest {

	@Test
	void rule12_playSoundPlaysAndThenTheNextRuleRuns() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu().sound(1, 2000).rules(1, "start", background(1), transfer("002")).build())
			.answer();
		assertThat(h.commands()).containsExactly(new Command.PlaySound(1, 1));
		h.advance(2000);
		assertThat(h.traceTypes()).containsSubsequence("prompt_started", "prompt_finished", "rule_started",
				"transfer_started");
		assertThat(h.trace("prompt_finished").get(0).at()).isEqualTo(2000);
	}

	@Test
	void rule12_playSoundFromVariablePlaysTheSynthesisedGreeting() {
		String reply = "<Response><TextToSpeech voice=\"en\" var=\"greeting\">Hello Ivan</TextToSpeech></Response>";
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.sound(1, 2000)
				.rules(1, "start", background(1).playSoundFromVariable(true),
						Rule.builder(Action.CALL_INTERACTIVE)
							.callInteractiveUrl("http://x/")
							.callInteractiveMethod("POST"),
						background(1).playSoundFromVariable(true))
				.build())
			.answer();
		assertThat(h.last(Command.PlaySound.class).soundId()).as("no greeting yet: the sound").isEqualTo(1);
		h.advance(2000).replyHttp(200, reply);
		Command.Synthesise synthesise = h.last(Command.Synthesise.class);
		assertThat(synthesise.text()).isEqualTo("Hello Ivan");
		assertThat(synthesise.voice()).isEqualTo("en");
		h.handle(new Event.SpeechSynthesised(synthesise.requestId(), "tts-1"));
		assertThat(h.last(Command.PlaySynthesised.class).greeting()).isEqualTo("tts-1");
	}

	@Test
	void rule13_playSilenceLastsSilenceTime() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.rules(1, "start", Rule.builder(Action.PLAY_SILENCE).silenceTime(1500), transfer("002"))
				.build())
			.answer();
		assertThat(h.last(Command.PlaySilence.class).ms()).isEqualTo(1500);
		h.advance(1499);
		assertThat(h.commands(Command.Ring.class)).isEmpty();
		h.advance(1);
		assertThat(h.commands(Command.Ring.class)).hasSize(1);
	}

	@Test
	void rule14_playDigitsSpeaksInTheClientsLanguageAndSkipsAnEmptyVariable() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.rules(1, "start",
						Rule.builder(Action.PLAY_DIGITS).digits("12").playDigitsMethod(PlayDigitsMethod.NUMBER),
						Rule.builder(Action.PLAY_DIGITS_FROM_VARIABLE)
							.playDigitsVariable("unset")
							.playDigitsMethod(PlayDigitsMethod.DIGITS),
						setVariable("account", "305"),
						Rule.builder(Action.PLAY_DIGITS_FROM_VARIABLE)
							.playDigitsVariable("account")
							.playDigitsMethod(PlayDigitsMethod.DIGITS))
				.build())
			.answer()
			.runToEnd();
		assertThat(h.commands(Command.PlayDigits.class))
			.extracting(Command.PlayDigits::text, Command.PlayDigits::method, Command.PlayDigits::language)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("12", PlayDigitsMethod.NUMBER, "ru"),
					org.assertj.core.groups.Tuple.tuple("305", PlayDigitsMethod.DIGITS, "ru"));
	}

	@Test
	void rule15_jumpAbandonsTheRestOfTheOption() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.context(2, 5000, 2000, 1, false)
				.rules(1, "start", jump(2), setVariable("never", "1"))
				.rules(2, "start", transfer("050"))
				.build())
			.answer();
		assertThat(h.session.variables()).doesNotContainKey("never");
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("050");
	}

	@Test
	void rule16_allDestinationsRingAtOnceAndTheFirstToAnswerIsBridged() {
		EngineHarness h = EngineHarness.call(TestIvr.menu().rules(1, "start", transfer("002 050 +7987")).build())
			.answer();
		Command.Ring ring = h.last(Command.Ring.class);
		assertThat(ring.destinations()).containsExactly("002", "050", "+7987");
		assertThat(ring.callerIdNumber()).isEqualTo("+79161234567");
		h.failTransfer("002", TransferFailure.BUSY).answerTransfer("050");
		assertThat(h.commands()).containsSubsequence(new Command.CancelLeg(h.legOf("+7987")),
				new Command.Bridge(h.legOf("050"), "050"));
		assertThat(h.commands(Command.CancelLeg.class)).as("the failed leg is not cancelled").hasSize(1);
		assertThat(h.result()).isEqualTo(new CallResult(CallResult.End.TRANSFERRED, 0, "050", "transferred"));
		assertThat(h.session.isEnded()).isTrue();
	}

	@Test
	void rule16_whenEveryDestinationFailsTheNextRuleRuns() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.sound(9, 1000)
				.rules(1, "start", transfer("002"), background(9), transfer("050"))
				.build())
			.answer();
		h.failTransfer("002", TransferFailure.BUSY);
		assertThat(h.trace("transfer_failed").get(0).attributes()).containsEntry("destination", "002")
			.containsEntry("why", "busy");
		h.advance(1000);
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("050");
	}

	@Test
	void rule16_noAnswerWithinTheRingTimeoutFails() {
		EngineHarness h = EngineHarness.call(TestIvr.menu().rules(1, "start", transfer("002"), hangup()).build())
			.answer();
		h.advance(29_999);
		assertThat(h.commands(Command.CancelLeg.class)).isEmpty();
		h.advance(1);
		assertThat(h.commands(Command.CancelLeg.class)).containsExactly(new Command.CancelLeg(h.legOf("002")));
		assertThat(h.trace("transfer_failed").get(0).get("why")).isEqualTo("no answer");
		assertThat(h.result().end()).isEqualTo(CallResult.End.HANGUP);
	}

	@Test
	void rule16_calleeHangingUpTakesTheCallerToAFollowingQualityRate() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.sound(3, 1000)
				.rules(1, "start", transfer("002"), setVariable("skipped", "1"),
						Rule.builder(Action.QUALITY_RATE).sound(3L).maxRate(5), hangup())
				.build())
			.answer();
		h.answerTransfer("002");
		assertThat(h.session.isEnded()).isFalse();
		assertThat(h.session.nextDeadline()).as("no lifetime while bridged").isEmpty();
		h.advance(60_000).handle(new Event.CalleeHungUp(h.last(Command.Bridge.class).legId()));
		assertThat(h.last(Command.PlaySound.class).soundId()).isEqualTo(3);
		h.advance(500).dtmf("4");
		assertThat(h.last(Command.StoreRating.class)).isEqualTo(new Command.StoreRating(4, 5));
		assertThat(h.session.variables()).doesNotContainKey("skipped");
		assertThat(h.result().end()).isEqualTo(CallResult.End.TRANSFERRED);
		assertThat(h.session.isEnded()).isTrue();
	}

	@Test
	void rule16_calleeHangingUpWithoutQualityRateEndsTheIvr() {
		EngineHarness h = EngineHarness.call(TestIvr.menu().rules(1, "start", transfer("002"), hangup()).build())
			.answer()
			.answerTransfer("002");
		assertThat(h.session.isEnded()).isTrue();
		h.handle(new Event.CalleeHungUp(1));
		assertThat(h.commands(Command.HangUp.class)).isEmpty();
	}

	@Test
	void rule16_setCallerIdIsPresentedAndVariablesExpandInDestinations() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.rules(1, "start", setVariable("ext", "105"),
						Rule.builder(Action.SET_CALLER_ID_NUMBER).callerIdNumber("+7495${ext}"),
						Rule.builder(Action.SET_CALLER_ID_NAME).callerIdName("VIP ${caller_id_name}"),
						transfer("${ext} 002"))
				.build())
			.answer();
		Command.Ring ring = h.last(Command.Ring.class);
		assertThat(ring.destinations()).containsExactly("105", "002");
		assertThat(ring.callerIdNumber()).isEqualTo("+7495105");
		assertThat(ring.callerIdName()).isEqualTo("VIP Ivan");
	}

	@Test
	void rule16_transferRingsAtMostTenDestinationsSimpleTransferAll() {
		String twelve = "d1 d2 d3 d4 d5 d6 d7 d8 d9 d10 d11 d12";
		EngineHarness transfer = EngineHarness
			.call(TestIvr.menu().rules(1, "start", setVariable("all", twelve), transfer("${all}")).build())
			.answer();
		assertThat(transfer.last(Command.Ring.class).destinations()).hasSize(10).endsWith("d10");
		EngineHarness simple = EngineHarness
			.call(TestIvr.menu().rules(1, "start", Rule.builder(Action.SIMPLE_TRANSFER).transferDst(twelve)).build())
			.answer();
		assertThat(simple.last(Command.Ring.class).destinations()).hasSize(12);
	}

	@Test
	void rule17_transferFromVariableDoesNothingWhenUnset() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.rules(1, "start", Rule.builder(Action.TRANSFER_FROM_VARIABLE).transferVariable("target"),
						setVariable("target", "050"),
						Rule.builder(Action.TRANSFER_FROM_VARIABLE).transferVariable("target"))
				.build())
			.answer();
		assertThat(h.commands(Command.Ring.class)).hasSize(1);
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("050");
	}

	@Test
	void rule18_hangupEndsTheCall() {
		EngineHarness h = EngineHarness.call(TestIvr.menu().rules(1, "start", hangup(), transfer("002")).build())
			.answer();
		assertThat(h.commands()).containsExactly(new Command.HangUp("hangup rule"));
		assertThat(h.result().end()).isEqualTo(CallResult.End.HANGUP);
		assertThat(h.handle(new Event.Digit('1', DtmfTransport.RFC4733)).commands()).hasSize(1);
	}

	@Test
	void rule19_setVariableExpandsAndUnknownVariablesAreEmpty() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu().rules(1, "start", setVariable("v", "[${caller_id_number}|${nope}]")).build())
			.answer();
		assertThat(h.session.variables()).containsEntry("v", "[+79161234567|]");
		assertThat(h.trace("variable_set").get(0).attributes()).containsEntry("name", "v")
			.containsEntry("value", "[+79161234567|]");
	}

	@Test
	void rule20_recordDigitsStoresUpToMaxAndNeverSelectsAnOption() {
		Rule.Builder record = Rule.builder(Action.RECORD_DIGITS)
			.recordDigitsVariable("account")
			.recordDigitsMax(4)
			.recordDigitsSound(5L);
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.sound(5, 2000)
				.rules(1, "start", record, transfer("${account}"))
				.rules(1, "1", transfer("option-1"))
				.build())
			.answer();
		h.advance(500).dtmf("1");
		assertThat(h.commands(Command.StopPlayback.class)).as("the prompt is background").hasSize(1);
		h.dtmf("23#");
		assertThat(h.session.variables()).containsEntry("account", "123");
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("123");
	}

	@Test
	void rule20_recordDigitsStoresEmptyOnTimeout() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.rules(1, "start", Rule.builder(Action.RECORD_DIGITS).recordDigitsVariable("v").recordDigitsMax(3),
						hangup())
				.build())
			.answer();
		h.advanceToDeadline();
		assertThat(h.nowMs()).isEqualTo(5000);
		assertThat(h.session.variables()).containsEntry("v", "");
		h.runToEnd();
		assertThat(h.result().end()).isEqualTo(CallResult.End.HANGUP);
	}

	@Test
	void rule21_setCallerIdNameAndNumberExpandVariables() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.rules(1, "start", Rule.builder(Action.SET_CALLER_ID_NAME).callerIdName("from ${called_did}"),
						transfer("002"))
				.build())
			.answer();
		assertThat(h.last(Command.Ring.class).callerIdName()).isEqualTo("from +74950000000");
		assertThat(h.last(Command.Ring.class).callerIdNumber()).isEqualTo("+79161234567");
	}

	@Test
	void rule22_callInteractiveSendsARequestAndRunsTheReply() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.rules(1, "start",
						Rule.builder(Action.CALL_INTERACTIVE)
							.callInteractiveUrl("http://crm/${caller_id_number}")
							.callInteractiveMethod("GET"))
				.build())
			.answer();
		assertThat(h.last(Command.HttpRequest.class).url()).isEqualTo("http://crm/+79161234567");
		h.replyHttp(200, "<Response><Hangup/></Response>");
		assertThat(h.result().reason()).isEqualTo("Call Interactive <Hangup/>");
	}

	@Test
	void rule23_qualityRateStoresOnlyDigitsUpToMaxRate() {
		Rule.Builder rate = Rule.builder(Action.QUALITY_RATE).maxRate(3);
		EngineHarness good = EngineHarness.call(TestIvr.menu().rules(1, "start", rate, hangup()).build())
			.answer()
			.dtmf("3");
		assertThat(good.commands(Command.StoreRating.class)).containsExactly(new Command.StoreRating(3, 3));
		assertThat(good.trace("rating").get(0).get("rate")).isEqualTo(3);
		EngineHarness tooHigh = EngineHarness.call(TestIvr.menu().rules(1, "start", rate, hangup()).build())
			.answer()
			.dtmf("4");
		assertThat(tooHigh.commands(Command.StoreRating.class)).isEmpty();
		assertThat(tooHigh.result().end()).isEqualTo(CallResult.End.HANGUP);
		EngineHarness silent = EngineHarness.call(TestIvr.menu().rules(1, "start", rate, hangup()).build())
			.answer()
			.advanceToDeadline();
		assertThat(silent.commands(Command.StoreRating.class)).isEmpty();
		assertThat(silent.nowMs()).isEqualTo(5000);
	}

	private static Rule.Builder voiceHelper(int attempts) {
		return Rule.builder(Action.VOICE_HELPER)
			.sound(8L)
			.voiceHelperRules(List.of(new VoiceHelperRule("1", "продаж|sales"), new VoiceHelperRule("2", "техник")))
			.voiceHelperTimeout(4000)
			.voiceHelperDigitsMax(1)
			.voiceHelperFinalCount(attempts);
	}

	@Test
	void rule24_voiceHelperMatchesAWordStemCaseInsensitively() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.sound(8, 1000)
				.rules(1, "start", voiceHelper(1))
				.rules(1, "1", transfer("sales"))
				.rules(1, "2", transfer("support"))
				.build())
			.answer();
		h.advance(1000);
		assertThat(h.last(Command.Recognise.class).timeout()).isEqualTo(Duration.ofMillis(4000));
		h.handle(new Event.SpeechRecognised("Позовите ТЕХНИКА, пожалуйста"));
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("support");
	}

	@Test
	void rule24_voiceHelperStillAcceptsDtmf() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.sound(8, 1000)
				.rules(1, "start", voiceHelper(1))
				.rules(1, "1", transfer("sales"))
				.build())
			.answer();
		h.advance(1500).dtmf("1");
		assertThat(h.commands(Command.StopRecognising.class)).hasSize(1);
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("sales");
	}

	@Test
	void rule24_noMatchAfterFinalCountAttemptsRunsInvalid() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.sound(8, 1000)
				.rules(1, "start", voiceHelper(2))
				.rules(1, "invalid", transfer("invalid"))
				.build())
			.answer();
		h.advance(1000).handle(new Event.SpeechRecognised("погода"));
		assertThat(h.commands(Command.PlaySound.class)).as("second attempt replays the prompt").hasSize(2);
		h.advance(1000).advanceToDeadline();
		assertThat(h.trace("timer_fired").get(0).get("timer")).isEqualTo("voice_helper");
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("invalid");
	}

}
