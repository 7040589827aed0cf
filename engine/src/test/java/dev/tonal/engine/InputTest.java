package dev.tonal.engine;

import dev.tonal.model.Action;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.model.Rule;
import org.junit.jupiter.api.Test;

import static dev.tonal.engine.TestIvr.background;
import static dev.tonal.engine.TestIvr.foreground;
import static dev.tonal.engine.TestIvr.setVariable;
import static dev.tonal.engine.TestIvr.transfer;
import static org.assertj.core.api.Assertions.assertThat;

/** semantics.md §3: waiting for and collecting digits (rules 8–11). */
class InputTest {

	/**
	 * digit_len 3; options 1, 12, 3#; allow_any_dial with extensions 071 (self), 002,
	 * 105.
	 */
	private static IvrSnapshot threeDigitMenu() {
		return new TestIvr().context(1, 5000, 2000, 3, true)
			.rules(1, "start", setVariable("x", "1"))
			.rules(1, "1", transfer("one"))
			.rules(1, "12", transfer("twelve"))
			.rules(1, "3#", transfer("three-hash"))
			.rules(1, "invalid", transfer("invalid"))
			.rules(1, "timeout", transfer("timeout"))
			.build();
	}

	private static String rung(EngineHarness h) {
		return h.last(Command.Ring.class).destinations().get(0);
	}

	@Test
	void rule08_noDigitWithinTimeoutRunsTheTimeoutOption() {
		EngineHarness h = EngineHarness.call(threeDigitMenu()).answer();
		assertThat(h.session.nextDeadline()).contains(EngineHarness.START.plusMillis(5000));
		h.advanceToDeadline();
		assertThat(rung(h)).isEqualTo("timeout");
		assertThat(h.trace("context_entered").get(1).get("option")).isEqualTo("timeout");
	}

	@Test
	void rule09_inputEndsAtDigitLen() {
		EngineHarness h = EngineHarness.call(threeDigitMenu()).answer().dtmf("100");
		assertThat(h.trace("input_complete").get(0).attributes()).containsEntry("digits", "100")
			.containsEntry("why", "digit_len");
		assertThat(rung(h)).isEqualTo("invalid");
	}

	@Test
	void rule09_eachDigitRestartsTheInterDigitTimer() {
		EngineHarness h = EngineHarness.call(threeDigitMenu()).answer();
		h.advance(1000).dtmf("1");
		assertThat(h.session.nextDeadline()).contains(EngineHarness.START.plusMillis(3000));
		h.advanceToDeadline();
		assertThat(h.trace("input_complete").get(0).attributes()).containsEntry("digits", "1")
			.containsEntry("why", "inter_digit_timeout");
		assertThat(rung(h)).isEqualTo("one");
	}

	@Test
	void rule09_hashEndsInputAndIsNotPartOfIt() {
		EngineHarness h = EngineHarness.call(threeDigitMenu()).answer().dtmf("1#");
		assertThat(h.trace("input_complete").get(0).attributes()).containsEntry("digits", "1")
			.containsEntry("why", "hash");
		assertThat(rung(h)).isEqualTo("one");
	}

	@Test
	void rule09_hashBelongingToAnOptionIsPartOfTheInput() {
		EngineHarness h = EngineHarness.call(threeDigitMenu()).answer().dtmf("3#");
		assertThat(rung(h)).isEqualTo("three-hash");
	}

	@Test
	void rule09_inputEndsAtOnceWhenNoLongerInputCanChangeTheOutcome() {
		EngineHarness h = EngineHarness.call(threeDigitMenu()).answer().dtmf("12");
		assertThat(h.trace("input_complete").get(0).attributes()).containsEntry("digits", "12")
			.containsEntry("why", "no_longer_match");
		assertThat(rung(h)).isEqualTo("twelve");
		assertThat(h.nowMs()).isZero();
	}

	@Test
	void rule09_singleKeyMenusAnswerAtOnce() {
		EngineHarness h = EngineHarness
			.call(new TestIvr().context(1, 5000, 2000, 3, false)
				.rules(1, "start", setVariable("x", "1"))
				.rules(1, "2", transfer("002"))
				.build())
			.answer()
			.dtmf("2");
		assertThat(rung(h)).isEqualTo("002");
		assertThat(h.trace("input_complete").get(0).get("why")).isEqualTo("no_longer_match");
	}

	@Test
	void rule09_extensionNamesKeepInputOpenWithAllowAnyDial() {
		EngineHarness h = EngineHarness.call(threeDigitMenu()).answer().dtmf("10");
		// "10" could still become 105: wait for the next digit.
		assertThat(h.commands(Command.Ring.class)).isEmpty();
		h.dtmf("5");
		assertThat(rung(h)).isEqualTo("105");
	}

	@Test
	void rule10_optionFirstThenExtensionThenInvalid() {
		IvrSnapshot snapshot = new TestIvr().context(1, 5000, 2000, 3, true)
			.rules(1, "start", setVariable("x", "1"))
			.rules(1, "002", transfer("option-002"))
			.rules(1, "invalid", transfer("invalid"))
			.build();
		assertThat(rung(EngineHarness.call(snapshot).answer().dtmf("002"))).isEqualTo("option-002");
		assertThat(rung(EngineHarness.call(snapshot).answer().dtmf("105"))).isEqualTo("105");
		assertThat(rung(EngineHarness.call(snapshot).answer().dtmf("071"))).as("the IVR itself is not dialled")
			.isEqualTo("invalid");
		assertThat(rung(EngineHarness.call(snapshot).answer().dtmf("777"))).isEqualTo("invalid");
	}

	@Test
	void rule10_aFailedDirectDialReturnsToWaitingForInput() {
		EngineHarness h = EngineHarness.call(threeDigitMenu()).answer().dtmf("105");
		h.failTransfer("105", TransferFailure.BUSY);
		assertThat(h.session.isEnded()).isFalse();
		h.advanceToDeadline();
		assertThat(rung(h)).isEqualTo("timeout");
	}

	@Test
	void rule11_digitsDuringAForegroundPromptAreDiscarded() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu().sound(1, 3000).rules(1, "start", foreground(1)).rules(1, "1", transfer("one")).build())
			.answer();
		h.advance(1000).dtmf("1");
		assertThat(h.trace("digit").get(0).get("used")).isEqualTo(false);
		assertThat(h.commands(Command.StopPlayback.class)).isEmpty();
		h.advance(2000);
		assertThat(h.trace("prompt_finished")).hasSize(1);
		assertThat(h.commands(Command.Ring.class)).isEmpty();
	}

	@Test
	void rule11_digitsDuringPlayDigitsAreDiscarded() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.rules(1, "start", Rule.builder(Action.PLAY_DIGITS).digits("123"))
				.rules(1, "1", transfer("one"))
				.build())
			.answer();
		h.advance(100).dtmf("1");
		assertThat(h.trace("digit").get(0).get("used")).isEqualTo(false);
	}

	@Test
	void rule11_aDigitDuringABackgroundPromptStopsItAbandonsTheOptionAndStartsInput() {
		EngineHarness h = EngineHarness
			.call(new TestIvr().context(1, 5000, 2000, 2, false)
				.sound(1, 3000)
				.rules(1, "start", background(1), setVariable("after", "yes"))
				.rules(1, "12", transfer("twelve"))
				.build())
			.answer();
		h.advance(1000).dtmf("1");
		assertThat(h.commands(Command.StopPlayback.class)).hasSize(1);
		assertThat(h.trace("prompt_interrupted")).hasSize(1);
		h.dtmf("2");
		assertThat(rung(h)).isEqualTo("twelve");
		assertThat(h.session.variables()).doesNotContainKey("after");
	}

	@Test
	void rule11_aDigitDuringSilenceBargesIn() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.rules(1, "start", Rule.builder(Action.PLAY_SILENCE).silenceTime(3000))
				.rules(1, "1", transfer("one"))
				.build())
			.answer();
		h.advance(500).dtmf("1");
		assertThat(rung(h)).isEqualTo("one");
	}

	@Test
	void rule11_digitsDuringARuleWithoutInputAreKeptForTheNextInput() {
		EngineHarness h = EngineHarness.call(new TestIvr().context(1, 5000, 2000, 2, false)
			.rules(1, "start",
					Rule.builder(Action.CALL_INTERACTIVE).callInteractiveUrl("http://x/").callInteractiveMethod("GET"))
			.rules(1, "12", transfer("twelve"))
			.build()).answer();
		h.dtmf("1");
		assertThat(h.trace("digit").get(0).attributes()).containsEntry("used", true).containsEntry("kept", true);
		h.replyHttp(200, "<Response/>");
		assertThat(h.commands(Command.Ring.class)).isEmpty();
		h.dtmf("2");
		assertThat(rung(h)).isEqualTo("twelve");
	}

}
