package dev.tonal.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The rule-field table is the rule: one constant per record component, in order. */
class RuleFieldTest {

	@Test
	void everyRecordComponentHasItsFieldInTheSameOrderWithTheSnakeCaseJsonName() {
		List<String> components = Arrays.stream(Rule.class.getRecordComponents())
			.map((component) -> component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT))
			.toList();
		assertThat(Arrays.stream(RuleField.values()).map(RuleField::json).toList()).isEqualTo(components);
	}

	@Test
	void eachFieldReadsItsComponentAndToBuilderCopiesEveryOne() {
		Rule rule = Rule.builder(Action.PLAY_DIGITS)
			.id(3L)
			.digits("12#")
			.playDigitsMethod(PlayDigitsMethod.DIGITS)
			.maxRate(7)
			.playSoundFromVariable(true)
			.build();
		assertThat(RuleField.DIGITS.of(rule)).isEqualTo("12#");
		assertThat(RuleField.MAX_RATE.of(rule)).isEqualTo(7);
		assertThat(RuleField.CALLER_ID_ACTION.of(rule)).isEqualTo(CallerIdAction.ANY);
		assertThat(rule.toBuilder().build()).isEqualTo(rule);
	}

	@Test
	void aValueOfTheWrongTypeIsRefusedWhenSet() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Rule.builder(Action.HANGUP).set(RuleField.SILENCE_TIME, "long"))
			.withMessageContaining("silence_time");
	}

	@Test
	void idIsTheOnlyReadOnlyField() {
		assertThat(RuleField.writable()).hasSize(RuleField.values().length - 1).doesNotContain(RuleField.ID);
	}

}
