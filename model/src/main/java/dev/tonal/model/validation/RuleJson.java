package dev.tonal.model.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tonal.model.Rule;
import dev.tonal.model.RuleField;
import dev.tonal.model.VoiceHelperRule;
import dev.tonal.model.WireEnum;

/**
 * The JSON shape of a rule (api.md §7), driven by the {@link RuleField} table. Reads a
 * rule from a JSON object (type and enum errors only; what each action needs is
 * {@link RuleValidator}'s job) and writes one back with every field present, null where
 * unset.
 */
public final class RuleJson {

	/** The key of a voice-helper alternative naming its option. */
	public static final String TO_OPTION = "to_option";

	/** The key of a voice-helper alternative holding its words. */
	public static final String TRANSCRIPTION = "transcription";

	private RuleJson() {
	}

	/**
	 * Reads a rule from a JSON object. {@code id} is read-only and ignored; absent fields
	 * are unset (a rule is always written whole). Empty strings count as unset, except
	 * for variable values, which may legitimately be empty.
	 */
	public static Validated<Rule> read(Map<String, ?> json) {
		JsonInput in = new JsonInput(json, "", new ArrayList<>());
		Rule.Builder rule = Rule.builder(null);
		for (RuleField field : RuleField.writable()) {
			rule.set(field, value(in, field));
		}
		return new Validated<>(rule.build(), in.errors());
	}

	/**
	 * The rule as a JSON object: every field present, in the table's order, null where
	 * unset.
	 */
	public static Map<String, Object> write(Rule rule) {
		Map<String, Object> json = new LinkedHashMap<>();
		for (RuleField field : RuleField.values()) {
			Object value = field.of(rule);
			if (value instanceof WireEnum choice) {
				value = choice.wire();
			}
			else if (field.type() == RuleField.Type.VOICE_HELPER_RULES) {
				value = writeVoiceHelperRules(rule.voiceHelperRules());
			}
			json.put(field.json(), value);
		}
		return json;
	}

	/** Voice-helper alternatives as JSON (also how the store keeps them, as text). */
	public static List<Map<String, Object>> writeVoiceHelperRules(List<VoiceHelperRule> rules) {
		if (rules == null) {
			return null;
		}
		List<Map<String, Object>> json = new ArrayList<>();
		for (VoiceHelperRule rule : rules) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put(TO_OPTION, rule.toOption());
			item.put(TRANSCRIPTION, rule.transcription());
			json.add(item);
		}
		return json;
	}

	/**
	 * Reads voice-helper alternatives stored by {@link #writeVoiceHelperRules}; errors
	 * carry paths under {@code voice_helper_rules}.
	 */
	public static Validated<List<VoiceHelperRule>> readVoiceHelperRules(List<?> json) {
		JsonInput in = new JsonInput(Map.of(RuleField.VOICE_HELPER_RULES.json(), json), "", new ArrayList<>());
		return new Validated<>(voiceHelperRules(in), in.errors());
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object value(JsonInput in, RuleField field) {
		String name = field.json();
		return switch (field.type()) {
			case ID -> in.id(name, null);
			case NUMBER -> in.integer(name, null);
			case FLAG -> Boolean.TRUE.equals(in.bool(name, false));
			case BOOLEAN -> in.bool(name, null);
			case TEXT -> text(in, name);
			case VALUE -> in.string(name, null);
			case HTTP_METHOD -> httpMethod(text(in, name));
			case CHOICE -> in.enumValue(name, (Class) field.javaType(), null);
			case VOICE_HELPER_RULES -> voiceHelperRules(in);
		};
	}

	private static List<VoiceHelperRule> voiceHelperRules(JsonInput in) {
		List<JsonInput> items = in.objects(RuleField.VOICE_HELPER_RULES.json());
		if (items == null) {
			return null;
		}
		return items.stream()
			.map((item) -> new VoiceHelperRule(text(item, TO_OPTION), text(item, TRANSCRIPTION)))
			.toList();
	}

	private static String text(JsonInput in, String name) {
		String value = in.string(name, null);
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static String httpMethod(String method) {
		// "get" and "GET" mean the same; store the canonical spelling.
		return (method != null && (method.equalsIgnoreCase("get") || method.equalsIgnoreCase("post")))
				? method.toUpperCase(Locale.ROOT) : method;
	}

}
