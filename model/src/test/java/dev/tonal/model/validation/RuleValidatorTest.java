package dev.tonal.model.validation;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.tonal.model.Action;
import dev.tonal.model.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.tonal.model.validation.Fixtures.HOME_CONTEXT;
import static dev.tonal.model.validation.Fixtures.json;
import static dev.tonal.model.validation.Fixtures.references;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The rule schema of api.md §7: good rules pass, and each bad rule fails on exactly the
 * field at fault, named by its JSON path.
 */
class RuleValidatorTest {

	static Stream<Arguments> goodRules() {
		return Stream.of(arguments("play_sound", json("action", "play_sound", "sound", 51, "sound_type", "background")),
				arguments("play_sound foreground from variable",
						json("action", "play_sound", "sound", 51, "sound_type", "foreground",
								"play_sound_from_variable", true)),
				arguments("play_silence", json("action", "play_silence", "silence_time", 600000)),
				arguments("play_digits",
						json("action", "play_digits", "digits", "12*#", "play_digits_method", "digits")),
				arguments("play_digits_from_variable",
						json("action", "play_digits_from_variable", "play_digits_variable", "order_no",
								"play_digits_method", "number")),
				arguments("jump_to_context", json("action", "jump_to_context", "context", 11)),
				arguments("jump_to_context with option",
						json("action", "jump_to_context", "context", 10, "context_option", "1")),
				arguments("transfer to ten", json("action", "transfer", "transfer_dst", "1 2 3 4 5 6 7 8 9 10")),
				arguments("transfer with variable", json("action", "transfer", "transfer_dst", "002 ${manager}")),
				arguments("simple_transfer to eleven",
						json("action", "simple_transfer", "transfer_dst", "1 2 3 4 5 6 7 8 9 10 11")),
				arguments("transfer_from_variable",
						json("action", "transfer_from_variable", "transfer_variable", "dst")),
				arguments("hangup", json("action", "hangup")),
				arguments("set_variable",
						json("action", "set_variable", "set_variable_name", "lang_2", "set_variable_value",
								"${caller_id_number}")),
				arguments("set_variable to empty",
						json("action", "set_variable", "set_variable_name", "x", "set_variable_value", "")),
				arguments("record_digits",
						json("action", "record_digits", "record_digits_variable", "account", "record_digits_max", 64,
								"record_digits_sound", 51)),
				arguments("call_interactive",
						json("action", "call_interactive", "call_interactive_url",
								"https://crm.example/ivr?x=${caller_id_number}", "call_interactive_method", "POST",
								"call_interactive_timeout", 60)),
				arguments("call_interactive lower-case method",
						json("action", "call_interactive", "call_interactive_url", "http://crm.example",
								"call_interactive_method", "get")),
				arguments("set_caller_id_number",
						json("action", "set_caller_id_number", "caller_id_number", "+7${called_did}")),
				arguments("set_caller_id_name", json("action", "set_caller_id_name", "caller_id_name", "VIP")),
				arguments("quality_rate", json("action", "quality_rate", "sound", 51, "max_rate", 9)),
				arguments("voice_helper",
						json("action", "voice_helper", "voice_helper_rules",
								List.of(json("to_option", "1", "transcription", "sales|shop")), "voice_helper_timeout",
								10000, "voice_helper_digits_max", 1, "voice_helper_final_count", 2,
								"voice_helper_classic_term", true)),
				arguments("conditions",
						json("action", "hangup", "interval", 7, "caller_id_action", "matches", "caller_id",
								"^(\\+|)7812", "match_variable_name", "lang", "match_variable_value", "en")),
				arguments("anonymous caller", json("action", "hangup", "caller_id_action", "anonymous")),
				arguments("seed response sent back",
						json("id", 3, "digits", null, "sound", null, "sound_type", null, "play_digits_method", null,
								"interval", null, "caller_id_action", "any", "caller_id", null, "context_option", null,
								"silence_time", null, "context", null, "transfer_dst", "+7987654321", "action",
								"transfer")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("goodRules")
	void goodRuleHasNoErrors(String name, Map<String, Object> rule) {
		Validated<Rule> result = RuleValidator.read(rule, HOME_CONTEXT, references());
		assertThat(result.errors()).isEmpty();
	}

	static Stream<Arguments> badRules() {
		return Stream.of(arguments("no action", json("sound", 51), "action"),
				arguments("unknown action", json("action", "dance"), "action"),
				arguments("play_sound without sound", json("action", "play_sound", "sound_type", "background"),
						"sound"),
				arguments("play_sound without sound_type", json("action", "play_sound", "sound", 51), "sound_type"),
				arguments("play_sound with unknown sound_type",
						json("action", "play_sound", "sound", 51, "sound_type", "loud"), "sound_type"),
				arguments("play_sound of another client's sound",
						json("action", "play_sound", "sound", 99, "sound_type", "background"), "sound"),
				arguments("sound that is not an id",
						json("action", "play_sound", "sound", "hello.wav", "sound_type", "background"), "sound"),
				arguments("play_silence without silence_time", json("action", "play_silence"), "silence_time"),
				arguments("play_silence of 0 ms", json("action", "play_silence", "silence_time", 0), "silence_time"),
				arguments("play_silence over 10 minutes", json("action", "play_silence", "silence_time", 600001),
						"silence_time"),
				arguments("silence_time not a number", json("action", "play_silence", "silence_time", 1.5),
						"silence_time"),
				arguments("play_digits without digits", json("action", "play_digits", "play_digits_method", "digits"),
						"digits"),
				arguments("play_digits with letters",
						json("action", "play_digits", "digits", "12a", "play_digits_method", "digits"), "digits"),
				arguments("play_digits without method", json("action", "play_digits", "digits", "12"),
						"play_digits_method"),
				arguments("play_digits with unknown method",
						json("action", "play_digits", "digits", "12", "play_digits_method", "words"),
						"play_digits_method"),
				arguments("play_digits_from_variable without variable",
						json("action", "play_digits_from_variable", "play_digits_method", "digits"),
						"play_digits_variable"),
				arguments("play_digits_from_variable without method",
						json("action", "play_digits_from_variable", "play_digits_variable", "x"), "play_digits_method"),
				arguments("jump_to_context without context", json("action", "jump_to_context"), "context"),
				arguments("jump_to_context of another IVR", json("action", "jump_to_context", "context", 99),
						"context"),
				arguments("jump_to_context to a missing option",
						json("action", "jump_to_context", "context", 11, "context_option", "1"), "context_option"),
				arguments("transfer without transfer_dst", json("action", "transfer"), "transfer_dst"),
				arguments("transfer with blank transfer_dst", json("action", "transfer", "transfer_dst", " "),
						"transfer_dst"),
				arguments("transfer to eleven", json("action", "transfer", "transfer_dst", "1 2 3 4 5 6 7 8 9 10 11"),
						"transfer_dst"),
				arguments("simple_transfer without transfer_dst", json("action", "simple_transfer"), "transfer_dst"),
				arguments("transfer_from_variable without variable", json("action", "transfer_from_variable"),
						"transfer_variable"),
				arguments("transfer_from_variable with a bad name",
						json("action", "transfer_from_variable", "transfer_variable", "${dst}"), "transfer_variable"),
				arguments("set_variable without name", json("action", "set_variable", "set_variable_value", "1"),
						"set_variable_name"),
				arguments("set_variable with a name starting with a digit",
						json("action", "set_variable", "set_variable_name", "1x", "set_variable_value", "1"),
						"set_variable_name"),
				arguments("set_variable with a non-Latin name",
						json("action", "set_variable", "set_variable_name", "имя", "set_variable_value", "1"),
						"set_variable_name"),
				arguments("set_variable without value", json("action", "set_variable", "set_variable_name", "x"),
						"set_variable_value"),
				arguments("record_digits without variable", json("action", "record_digits", "record_digits_max", 4),
						"record_digits_variable"),
				arguments("record_digits without max",
						json("action", "record_digits", "record_digits_variable", "account"), "record_digits_max"),
				arguments("record_digits of 65",
						json("action", "record_digits", "record_digits_variable", "a", "record_digits_max", 65),
						"record_digits_max"),
				arguments("record_digits of 0",
						json("action", "record_digits", "record_digits_variable", "a", "record_digits_max", 0),
						"record_digits_max"),
				arguments("record_digits with another client's prompt",
						json("action", "record_digits", "record_digits_variable", "a", "record_digits_max", 4,
								"record_digits_sound", 99),
						"record_digits_sound"),
				arguments("call_interactive without url",
						json("action", "call_interactive", "call_interactive_method", "GET"), "call_interactive_url"),
				arguments("call_interactive to ftp",
						json("action", "call_interactive", "call_interactive_url", "ftp://crm.example",
								"call_interactive_method", "GET"),
						"call_interactive_url"),
				arguments("call_interactive without method",
						json("action", "call_interactive", "call_interactive_url", "http://crm.example"),
						"call_interactive_method"),
				arguments("call_interactive with PUT",
						json("action", "call_interactive", "call_interactive_url", "http://crm.example",
								"call_interactive_method", "PUT"),
						"call_interactive_method"),
				arguments("call_interactive waiting 61 s",
						json("action", "call_interactive", "call_interactive_url", "http://crm.example",
								"call_interactive_method", "GET", "call_interactive_timeout", 61),
						"call_interactive_timeout"),
				arguments("set_caller_id_number without number", json("action", "set_caller_id_number"),
						"caller_id_number"),
				arguments("set_caller_id_name without name", json("action", "set_caller_id_name"), "caller_id_name"),
				arguments("quality_rate without sound", json("action", "quality_rate", "max_rate", 5), "sound"),
				arguments("quality_rate out of 10", json("action", "quality_rate", "sound", 51, "max_rate", 10),
						"max_rate"),
				arguments("quality_rate out of 0", json("action", "quality_rate", "sound", 51, "max_rate", 0),
						"max_rate"),
				arguments("voice_helper without rules", json("action", "voice_helper"), "voice_helper_rules"),
				arguments("voice_helper to a missing option",
						json("action", "voice_helper", "voice_helper_rules",
								List.of(json("to_option", "1", "transcription", "sales"),
										json("to_option", "5", "transcription", "support"))),
						"voice_helper_rules[1].to_option"),
				arguments("voice_helper without transcription",
						json("action", "voice_helper", "voice_helper_rules", List.of(json("to_option", "1"))),
						"voice_helper_rules[0].transcription"),
				arguments("voice_helper with an empty alternative",
						json("action", "voice_helper", "voice_helper_rules",
								List.of(json("to_option", "1", "transcription", "sales||shop"))),
						"voice_helper_rules[0].transcription"),
				arguments("voice_helper rules not objects",
						json("action", "voice_helper", "voice_helper_rules", List.of("sales")),
						"voice_helper_rules[0]"),
				arguments("voice_helper listening 0 ms",
						json("action", "voice_helper", "voice_helper_rules",
								List.of(json("to_option", "1", "transcription", "sales")), "voice_helper_timeout", 0),
						"voice_helper_timeout"),
				arguments("voice_helper with 0 attempts", json("action", "voice_helper", "voice_helper_rules",
						List.of(json("to_option", "1", "transcription", "sales")), "voice_helper_final_count", 0),
						"voice_helper_final_count"),
				arguments("classic_term not a boolean", json("action", "voice_helper", "voice_helper_rules",
						List.of(json("to_option", "1", "transcription", "sales")), "voice_helper_classic_term", "yes"),
						"voice_helper_classic_term"),
				arguments("interval of another client", json("action", "hangup", "interval", 99), "interval"),
				arguments("unknown caller_id_action", json("action", "hangup", "caller_id_action", "some"),
						"caller_id_action"),
				arguments("matches without caller_id", json("action", "hangup", "caller_id_action", "matches"),
						"caller_id"),
				arguments("not_matches without caller_id", json("action", "hangup", "caller_id_action", "not_matches"),
						"caller_id"),
				arguments("caller_id that does not compile",
						json("action", "hangup", "caller_id_action", "matches", "caller_id", "^(7812"), "caller_id"),
				arguments("match_variable_name without value", json("action", "hangup", "match_variable_name", "lang"),
						"match_variable_value"),
				arguments("match_variable_value without name", json("action", "hangup", "match_variable_value", "en"),
						"match_variable_name"),
				arguments("play_digits of 33 keys",
						json("action", "play_digits", "digits", "1".repeat(33), "play_digits_method", "digits"),
						"digits"),
				arguments("variable name of 65 characters",
						json("action", "set_variable", "set_variable_name", "v".repeat(65), "set_variable_value", "1"),
						"set_variable_name"),
				arguments("url of 2049 characters",
						json("action", "call_interactive", "call_interactive_url",
								"http://crm.example/" + "x".repeat(2030), "call_interactive_method", "GET"),
						"call_interactive_url"),
				arguments("transfer_dst of 1025 characters",
						json("action", "simple_transfer", "transfer_dst", "1".repeat(1025)), "transfer_dst"),
				arguments("play_sound_from_variable not a boolean",
						json("action", "hangup", "play_sound_from_variable", "true"), "play_sound_from_variable"));
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("badRules")
	void badRuleFailsOnExactlyItsField(String name, Map<String, Object> rule, String field) {
		Validated<Rule> result = RuleValidator.read(rule, HOME_CONTEXT, references());
		assertThat(result.errors()).extracting(FieldError::field).containsExactly(field);
		assertThat(result.errors().get(0).message()).isNotBlank();
	}

	@Test
	void voiceHelperWithoutRecogniserSaysNoneIsConfigured() {
		Map<String, Object> rule = json("action", "voice_helper", "voice_helper_rules",
				List.of(json("to_option", "1", "transcription", "sales")));
		Validated<Rule> result = RuleValidator.read(rule, HOME_CONTEXT, references(false));
		assertThat(result.errors()).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("action");
			assertThat(error.message()).contains("speech recogniser").contains("tonal.speech.recogniser");
		});
	}

	@Test
	void aFieldWithATypeErrorIsNotAlsoReportedMissing() {
		Validated<Rule> result = RuleValidator.read(json("action", "play_silence", "silence_time", "long"),
				HOME_CONTEXT, references());
		assertThat(result.errors()).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("silence_time");
			assertThat(error.message()).isEqualTo("must be a whole number");
		});
	}

	@Test
	void everyProblemOfARuleIsReportedAtOnce() {
		Validated<Rule> result = RuleValidator.read(
				json("action", "record_digits", "record_digits_max", 100, "caller_id_action", "matches"), HOME_CONTEXT,
				references());
		assertThat(result.errors()).extracting(FieldError::field)
			.containsExactlyInAnyOrder("record_digits_variable", "record_digits_max", "caller_id");
	}

	@Test
	void validatesBuiltRulesAsTheEngineHasThem() {
		Rule rule = Rule.builder(Action.JUMP_TO_CONTEXT).context(99L).build();
		assertThat(RuleValidator.validate(rule, HOME_CONTEXT, references())).extracting(FieldError::field)
			.containsExactly("context");
	}

}
