package dev.tonal.app.ivr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each action of api.md §7 without one of its required fields is refused with 400 naming
 * that field, over HTTP; so are a rule without action and conditions missing their
 * companion field. (voice_helper needs a speech recogniser: IvrApiTest.)
 */
class RuleRequiredFieldsApiTest extends IvrApiFixtures {

	/**
	 * A complete rule for every action; {@link #SOUND} and {@link #CONTEXT} are filled
	 * in.
	 */
	private static final Map<String, Map<String, Object>> COMPLETE = Map.ofEntries(
			Map.entry("play_sound", Map.of("sound", "SOUND", "sound_type", "background")),
			Map.entry("play_silence", Map.of("silence_time", 1000)),
			Map.entry("play_digits", Map.of("digits", "123", "play_digits_method", "digits")),
			Map.entry("play_digits_from_variable", Map.of("play_digits_variable", "x", "play_digits_method", "number")),
			Map.entry("jump_to_context", Map.of("context", "CONTEXT")),
			Map.entry("transfer", Map.of("transfer_dst", "002")),
			Map.entry("simple_transfer", Map.of("transfer_dst", "002")),
			Map.entry("transfer_from_variable", Map.of("transfer_variable", "dst")),
			Map.entry("set_variable", Map.of("set_variable_name", "x", "set_variable_value", "1")),
			Map.entry("record_digits", Map.of("record_digits_variable", "x", "record_digits_max", 4)),
			Map.entry("call_interactive",
					Map.of("call_interactive_url", "http://crm.example/ivr", "call_interactive_method", "GET")),
			Map.entry("set_caller_id_number", Map.of("caller_id_number", "+74950000000")),
			Map.entry("set_caller_id_name", Map.of("caller_id_name", "VIP")),
			Map.entry("quality_rate", Map.of("sound", "SOUND")));

	private static final String SOUND = "SOUND";

	private static final String CONTEXT = "CONTEXT";

	static Stream<Arguments> missingFields() {
		return COMPLETE.entrySet()
			.stream()
			.flatMap((action) -> action.getValue().keySet().stream().map((field) -> arguments(action.getKey(), field)))
			.sorted((a, b) -> (a.get()[0] + "." + a.get()[1]).compareTo(b.get()[0] + "." + b.get()[1]));
	}

	@ParameterizedTest(name = "{0} without {1}")
	@MethodSource("missingFields")
	void actionWithoutARequiredFieldIsRefusedNamingIt(String action, String missing) {
		Ivr ivr = newIvr();
		Map<String, Object> rule = complete(ivr, action);
		Response complete = post(ivr.rules("start"), ivr.token(), rule);
		org.assertj.core.api.Assertions.assertThat(complete.status()).as(complete.toString()).isEqualTo(201);

		rule.remove(missing);
		assertFieldError(post(ivr.rules("start"), ivr.token(), rule), missing);
	}

	@Test
	void ruleWithoutActionIsRefusedNamingIt() {
		Ivr ivr = newIvr();
		assertFieldError(post(ivr.rules("start"), ivr.token(), Map.of("transfer_dst", "002")), "action");
	}

	@Test
	void conditionWithoutItsRequiredFieldIsRefusedNamingIt() {
		Ivr ivr = newIvr();
		assertFieldError(
				post(ivr.rules("start"), ivr.token(), Map.of("action", "hangup", "caller_id_action", "matches")),
				"caller_id");
		assertFieldError(
				post(ivr.rules("start"), ivr.token(), Map.of("action", "hangup", "caller_id_action", "not_matches")),
				"caller_id");
		assertFieldError(post(ivr.rules("start"), ivr.token(), Map.of("action", "hangup", "match_variable_name", "x")),
				"match_variable_value");
	}

	private Map<String, Object> complete(Ivr ivr, String action) {
		Map<String, Object> rule = new HashMap<>(COMPLETE.get(action));
		rule.put("action", action);
		for (Map.Entry<String, Object> field : List.copyOf(rule.entrySet())) {
			if (SOUND.equals(field.getValue())) {
				rule.put(field.getKey(), newSound(ivr.token()));
			}
			if (CONTEXT.equals(field.getValue())) {
				rule.put(field.getKey(), ivr.contextId());
			}
		}
		return rule;
	}

}
