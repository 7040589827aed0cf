package dev.tonal.engine.validation;

import java.util.List;

import dev.tonal.engine.TestIvr;
import dev.tonal.model.Action;
import dev.tonal.model.CallerIdAction;
import dev.tonal.model.Interval;
import dev.tonal.model.LifetimeAction;
import dev.tonal.model.Rule;
import dev.tonal.model.SoundType;
import dev.tonal.model.VoiceHelperRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** semantics.md rule 34: the findings of the IVR validator. */
class IvrValidatorTest {

	/**
	 * Validates on a server with a speech recogniser, so voice_helper rules are usable.
	 */
	private static List<Finding> validate(TestIvr ivr) {
		return IvrValidator.validate(ivr.build(), true);
	}

	private static Rule.Builder jump(long context) {
		return Rule.builder(Action.JUMP_TO_CONTEXT).context(context);
	}

	private static Rule.Builder setVariable() {
		return Rule.builder(Action.SET_VARIABLE).setVariableName("a").setVariableValue("1");
	}

	@Test
	void rule34_theSeedExampleIsClean() {
		assertThat(IvrValidator.validate(TestIvr.seedExample(), false)).isEmpty();
	}

	@Test
	void rule34_noEntryContext() {
		assertThat(validate(TestIvr.menu().entry(null))).singleElement().satisfies((f) -> {
			assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
			assertThat(f.path()).isEqualTo("entry_context");
			assertThat(f.message()).contains("set entry_context");
		});
		assertThat(validate(TestIvr.menu().entry(9L))).extracting(Finding::path).containsExactly("entry_context");
	}

	@Test
	void rule34_danglingJumpOptionSoundAndInterval() {
		List<Finding> findings = validate(TestIvr.menu()
			.context(2, 5000, 2000, 1, false)
			.rules(1, "start", Rule.builder(Action.PLAY_SOUND).sound(77L).soundType(SoundType.BACKGROUND),
					setVariable().interval(5L), jump(9))
			.rules(1, "1", jump(2).contextOption("4")));
		assertThat(findings).filteredOn((f) -> f.severity() == Finding.Severity.ERROR)
			.extracting(Finding::path)
			.containsExactly("contexts[1].options[start].rules[0].sound",
					"contexts[1].options[start].rules[1].interval", "contexts[1].options[start].rules[2].context",
					"contexts[1].options[1].rules[0].context_option");
	}

	@Test
	void rule34_unreachableContexts() {
		List<Finding> findings = validate(TestIvr.menu()
			.context(2, 5000, 2000, 1, false)
			.context(3, 5000, 2000, 1, false)
			.rules(1, "1", jump(2)));
		assertThat(findings).singleElement().satisfies((f) -> {
			assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
			assertThat(f.path()).isEqualTo("contexts[3]");
		});
	}

	@Test
	void rule34_optionsThatCanNeverBeSelected() {
		List<Finding> findings = validate(new TestIvr().context(1, 5000, 2000, 2, true)
			.rules(1, "123", setVariable())
			.rules(1, "05", setVariable())
			.extensions("071", "05", "002"));
		assertThat(findings).extracting(Finding::path, Finding::severity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("contexts[1].options[123]", Finding.Severity.WARNING),
					org.assertj.core.groups.Tuple.tuple("contexts[1].options[05]", Finding.Severity.WARNING));
		assertThat(findings.get(0).message()).contains("digit_len 2");
		assertThat(findings.get(1).message()).contains("extension 05");
	}

	@Test
	void rule34_loopsThatNeverWaitForTheCaller() {
		List<Finding> findings = validate(TestIvr.menu()
			.context(2, 5000, 2000, 1, false)
			.rules(1, "start", setVariable(), jump(2))
			.rules(2, "start", jump(1)));
		assertThat(findings).singleElement().satisfies((f) -> {
			assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
			assertThat(f.message()).contains("1/start → 2/start → 1/start");
		});
		// A loop through a timeout waits for the caller every time: not a finding.
		assertThat(validate(TestIvr.menu().rules(1, "timeout", jump(1)))).isEmpty();
		// A conditional jump may or may not loop.
		assertThat(validate(TestIvr.menu().rules(1, "start", jump(1).matchVariableName("x").matchVariableValue("1"))))
			.singleElement()
			.extracting(Finding::severity)
			.isEqualTo(Finding.Severity.WARNING);
		// Input in between breaks the loop.
		assertThat(validate(TestIvr.menu()
			.rules(1, "start", Rule.builder(Action.RECORD_DIGITS).recordDigitsVariable("v").recordDigitsMax(2),
					jump(1))))
			.isEmpty();
	}

	@Test
	void rule34_foregroundPromptLongerThanTheLifetime() {
		List<Finding> findings = validate(TestIvr.menu()
			.lifetime(60, LifetimeAction.HANGUP, null)
			.sound(1, 90_000)
			.rules(1, "start", Rule.builder(Action.PLAY_SOUND).sound(1L).soundType(SoundType.FOREGROUND)));
		assertThat(findings).singleElement().satisfies((f) -> {
			assertThat(f.path()).isEqualTo("contexts[1].options[start].rules[0].sound");
			assertThat(f.message()).contains("90 s").contains("60 s lifetime");
		});
	}

	@Test
	void rule34_andTheLike() {
		List<Finding> findings = validate(TestIvr.menu()
			.lifetime(60, LifetimeAction.TRANSFER, null)
			.interval(new Interval(4, "bad zone", "Mars/Base", List.of()))
			.rules(1, "start",
					Rule.builder(Action.TRANSFER)
						.transferDst("002")
						.callerIdAction(CallerIdAction.MATCHES)
						.callerId("(("),
					setVariable().interval(4L), Rule.builder(Action.HANGUP), setVariable(),
					Rule.builder(Action.VOICE_HELPER).voiceHelperRules(List.of(new VoiceHelperRule("8", "x"))))
			.rules(1, "5"));
		assertThat(findings).extracting(Finding::path)
			.containsExactly("lifetime_exp_transfer_dst", "contexts[1].options[start].rules[0].caller_id",
					"contexts[1].options[start].rules[1].interval", "contexts[1].options[start].rules[3]",
					"contexts[1].options[start].rules[4].voice_helper_rules[0].to_option", "contexts[1].options[5]");
	}

	@Test
	void rule34_rulesStoredBeforeAValidationTightenedAreReportedByThePerRuleValidation() {
		// Values the API refuses today but an older version may have stored.
		List<Finding> findings = validate(TestIvr.menu()
			.rules(1, "start", Rule.builder(Action.PLAY_SILENCE).silenceTime(700_000),
					Rule.builder(Action.TRANSFER).transferDst("1 2 3 4 5 6 7 8 9 10 11"),
					Rule.builder(Action.SET_VARIABLE).setVariableName("9lives").setVariableValue("x")));
		assertThat(findings).allSatisfy((f) -> assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR))
			.extracting(Finding::path)
			.containsExactly("contexts[1].options[start].rules[0].silence_time",
					"contexts[1].options[start].rules[1].transfer_dst",
					"contexts[1].options[start].rules[2].set_variable_name");
		assertThat(findings.get(0).message()).startsWith("silence_time: must be between 1 and 600000");
	}

	@Test
	void rule34_aRuleWithoutARequiredFieldIsAnError() {
		assertThat(validate(TestIvr.menu().rules(1, "start", Rule.builder(Action.PLAY_DIGITS).digits("12"))))
			.extracting(Finding::path)
			.containsExactly("contexts[1].options[start].rules[0].play_digits_method");
	}

	@Test
	void rule34_voiceHelperOnAServerWithoutASpeechRecogniserIsAnError() {
		TestIvr ivr = TestIvr.menu()
			.rules(1, "start",
					Rule.builder(Action.VOICE_HELPER).voiceHelperRules(List.of(new VoiceHelperRule("1", "x"))))
			.rules(1, "1", Rule.builder(Action.HANGUP));
		assertThat(IvrValidator.validate(ivr.build(), false)).singleElement().satisfies((f) -> {
			assertThat(f.path()).isEqualTo("contexts[1].options[start].rules[0].action");
			assertThat(f.message()).contains("speech recogniser");
		});
		assertThat(IvrValidator.validate(ivr.build(), true)).isEmpty();
	}

	@Test
	void rule34_settingsAndContextsStoredBeforeAValidationTightenedAreReported() {
		TestIvr ivr = TestIvr.menu().context(2, 0, 2000, 40, false).rules(1, "1", jump(2));
		ivr.lifetime(-1, LifetimeAction.HANGUP, null);
		assertThat(validate(ivr)).extracting(Finding::path)
			.containsExactly("lifetime", "contexts[2].timeout", "contexts[2].digit_len");
	}

}
