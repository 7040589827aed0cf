package dev.tonal.model.validation;

import java.util.List;
import java.util.Map;

import dev.tonal.model.Action;
import dev.tonal.model.CallerIdAction;
import dev.tonal.model.Rule;
import dev.tonal.model.SoundType;
import dev.tonal.model.VoiceHelperRule;
import org.junit.jupiter.api.Test;

import static dev.tonal.model.validation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The JSON shape of a rule: what clients of the original API send and read. */
class RuleJsonTest {

	@Test
	void writtenRuleCarriesEveryFieldWithNullsAndCallerIdActionAny() {
		Map<String, Object> json = RuleJson
			.write(Rule.builder(Action.PLAY_SOUND).id(1L).sound(52L).soundType(SoundType.FOREGROUND).build());
		assertThat(json).hasSize(34)
			.contains(entry("id", 1L), entry("action", "play_sound"), entry("sound", 52L),
					entry("sound_type", "foreground"), entry("caller_id_action", "any"),
					entry("play_sound_from_variable", false), entry("digits", null), entry("interval", null),
					entry("caller_id", null), entry("context_option", null), entry("silence_time", null),
					entry("context", null), entry("transfer_dst", null), entry("play_digits_method", null),
					entry("voice_helper_rules", null), entry("max_rate", null));
	}

	@Test
	void readThenWriteKeepsEveryValue() {
		Rule rule = Rule.builder(Action.VOICE_HELPER)
			.sound(51L)
			.voiceHelperRules(List.of(new VoiceHelperRule("1", "sales|shop")))
			.voiceHelperTimeout(8000)
			.voiceHelperClassicTerm(true)
			.interval(7L)
			.callerIdAction(CallerIdAction.NOT_MATCHES)
			.callerId("^8")
			.matchVariableName("lang")
			.matchVariableValue("")
			.build();
		Validated<Rule> read = RuleJson.read(RuleJson.write(rule));
		assertThat(read.errors()).isEmpty();
		assertThat(read.value()).isEqualTo(rule);
	}

	@Test
	void idIsReadOnly() {
		assertThat(RuleJson.read(json("id", 99, "action", "hangup")).value().id()).isNull();
	}

	@Test
	void emptyStringsAreUnsetButVariableValuesMayBeEmpty() {
		Rule rule = RuleJson
			.read(json("action", "set_variable", "set_variable_name", "x", "set_variable_value", "", "caller_id", ""))
			.value();
		assertThat(rule.callerId()).isNull();
		assertThat(rule.setVariableValue()).isEmpty();
	}

	@Test
	void numbersMayArriveAsDigitStrings() {
		Rule rule = RuleJson.read(json("action", "play_sound", "sound", "51", "transfer_dst", 2)).value();
		assertThat(rule.sound()).isEqualTo(51L);
		assertThat(rule.transferDst()).isEqualTo("2");
	}

}
