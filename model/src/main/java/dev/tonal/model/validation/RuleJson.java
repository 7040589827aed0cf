package dev.tonal.model.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tonal.model.Action;
import dev.tonal.model.CallerIdAction;
import dev.tonal.model.PlayDigitsMethod;
import dev.tonal.model.Rule;
import dev.tonal.model.SoundType;
import dev.tonal.model.VoiceHelperRule;

/**
 * The JSON shape of a rule (api.md §7): the one place that knows its field names. Reads a
 * rule from a JSON object (type and enum errors only; what each action needs is
 * {@link RuleValidator}'s job) and writes one back with every field present, null where
 * unset.
 */
public final class RuleJson {

	public static final String ID = "id";

	public static final String ACTION = "action";

	public static final String SOUND = "sound";

	public static final String SOUND_TYPE = "sound_type";

	public static final String PLAY_SOUND_FROM_VARIABLE = "play_sound_from_variable";

	public static final String DIGITS = "digits";

	public static final String PLAY_DIGITS_METHOD = "play_digits_method";

	public static final String PLAY_DIGITS_VARIABLE = "play_digits_variable";

	public static final String SILENCE_TIME = "silence_time";

	public static final String CONTEXT = "context";

	public static final String CONTEXT_OPTION = "context_option";

	public static final String TRANSFER_DST = "transfer_dst";

	public static final String TRANSFER_VARIABLE = "transfer_variable";

	public static final String SET_VARIABLE_NAME = "set_variable_name";

	public static final String SET_VARIABLE_VALUE = "set_variable_value";

	public static final String RECORD_DIGITS_VARIABLE = "record_digits_variable";

	public static final String RECORD_DIGITS_MAX = "record_digits_max";

	public static final String RECORD_DIGITS_SOUND = "record_digits_sound";

	public static final String CALL_INTERACTIVE_URL = "call_interactive_url";

	public static final String CALL_INTERACTIVE_METHOD = "call_interactive_method";

	public static final String CALL_INTERACTIVE_TIMEOUT = "call_interactive_timeout";

	public static final String CALLER_ID_NUMBER = "caller_id_number";

	public static final String CALLER_ID_NAME = "caller_id_name";

	public static final String MAX_RATE = "max_rate";

	public static final String VOICE_HELPER_RULES = "voice_helper_rules";

	public static final String VOICE_HELPER_TIMEOUT = "voice_helper_timeout";

	public static final String VOICE_HELPER_DIGITS_MAX = "voice_helper_digits_max";

	public static final String VOICE_HELPER_FINAL_COUNT = "voice_helper_final_count";

	public static final String VOICE_HELPER_CLASSIC_TERM = "voice_helper_classic_term";

	public static final String INTERVAL = "interval";

	public static final String CALLER_ID_ACTION = "caller_id_action";

	public static final String CALLER_ID = "caller_id";

	public static final String MATCH_VARIABLE_NAME = "match_variable_name";

	public static final String MATCH_VARIABLE_VALUE = "match_variable_value";

	public static final String TO_OPTION = "to_option";

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
		Rule.Builder rule = Rule.builder(in.enumValue(ACTION, Action.class, null))
			.sound(in.id(SOUND, null))
			.soundType(in.enumValue(SOUND_TYPE, SoundType.class, null))
			.playSoundFromVariable(Boolean.TRUE.equals(in.bool(PLAY_SOUND_FROM_VARIABLE, false)))
			.digits(text(in, DIGITS))
			.playDigitsMethod(in.enumValue(PLAY_DIGITS_METHOD, PlayDigitsMethod.class, null))
			.playDigitsVariable(text(in, PLAY_DIGITS_VARIABLE))
			.silenceTime(in.integer(SILENCE_TIME, null))
			.context(in.id(CONTEXT, null))
			.contextOption(text(in, CONTEXT_OPTION))
			.transferDst(text(in, TRANSFER_DST))
			.transferVariable(text(in, TRANSFER_VARIABLE))
			.setVariableName(text(in, SET_VARIABLE_NAME))
			.setVariableValue(in.string(SET_VARIABLE_VALUE, null))
			.recordDigitsVariable(text(in, RECORD_DIGITS_VARIABLE))
			.recordDigitsMax(in.integer(RECORD_DIGITS_MAX, null))
			.recordDigitsSound(in.id(RECORD_DIGITS_SOUND, null))
			.callInteractiveUrl(text(in, CALL_INTERACTIVE_URL))
			.callInteractiveMethod(httpMethod(text(in, CALL_INTERACTIVE_METHOD)))
			.callInteractiveTimeout(in.integer(CALL_INTERACTIVE_TIMEOUT, null))
			.callerIdNumber(text(in, CALLER_ID_NUMBER))
			.callerIdName(text(in, CALLER_ID_NAME))
			.maxRate(in.integer(MAX_RATE, null))
			.voiceHelperRules(voiceHelperRules(in))
			.voiceHelperTimeout(in.integer(VOICE_HELPER_TIMEOUT, null))
			.voiceHelperDigitsMax(in.integer(VOICE_HELPER_DIGITS_MAX, null))
			.voiceHelperFinalCount(in.integer(VOICE_HELPER_FINAL_COUNT, null))
			.voiceHelperClassicTerm(in.bool(VOICE_HELPER_CLASSIC_TERM, null))
			.interval(in.id(INTERVAL, null))
			.callerIdAction(in.enumValue(CALLER_ID_ACTION, CallerIdAction.class, null))
			.callerId(text(in, CALLER_ID))
			.matchVariableName(text(in, MATCH_VARIABLE_NAME))
			.matchVariableValue(in.string(MATCH_VARIABLE_VALUE, null));
		return new Validated<>(rule.build(), in.errors());
	}

	/**
	 * The rule as a JSON object: every field present, in a stable order, null where
	 * unset.
	 */
	public static Map<String, Object> write(Rule rule) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put(ID, rule.id());
		json.put(ACTION, wire(rule.action()));
		json.put(SOUND, rule.sound());
		json.put(SOUND_TYPE, wire(rule.soundType()));
		json.put(PLAY_SOUND_FROM_VARIABLE, rule.playSoundFromVariable());
		json.put(DIGITS, rule.digits());
		json.put(PLAY_DIGITS_METHOD, wire(rule.playDigitsMethod()));
		json.put(PLAY_DIGITS_VARIABLE, rule.playDigitsVariable());
		json.put(SILENCE_TIME, rule.silenceTime());
		json.put(CONTEXT, rule.context());
		json.put(CONTEXT_OPTION, rule.contextOption());
		json.put(TRANSFER_DST, rule.transferDst());
		json.put(TRANSFER_VARIABLE, rule.transferVariable());
		json.put(SET_VARIABLE_NAME, rule.setVariableName());
		json.put(SET_VARIABLE_VALUE, rule.setVariableValue());
		json.put(RECORD_DIGITS_VARIABLE, rule.recordDigitsVariable());
		json.put(RECORD_DIGITS_MAX, rule.recordDigitsMax());
		json.put(RECORD_DIGITS_SOUND, rule.recordDigitsSound());
		json.put(CALL_INTERACTIVE_URL, rule.callInteractiveUrl());
		json.put(CALL_INTERACTIVE_METHOD, rule.callInteractiveMethod());
		json.put(CALL_INTERACTIVE_TIMEOUT, rule.callInteractiveTimeout());
		json.put(CALLER_ID_NUMBER, rule.callerIdNumber());
		json.put(CALLER_ID_NAME, rule.callerIdName());
		json.put(MAX_RATE, rule.maxRate());
		json.put(VOICE_HELPER_RULES, writeVoiceHelperRules(rule.voiceHelperRules()));
		json.put(VOICE_HELPER_TIMEOUT, rule.voiceHelperTimeout());
		json.put(VOICE_HELPER_DIGITS_MAX, rule.voiceHelperDigitsMax());
		json.put(VOICE_HELPER_FINAL_COUNT, rule.voiceHelperFinalCount());
		json.put(VOICE_HELPER_CLASSIC_TERM, rule.voiceHelperClassicTerm());
		json.put(INTERVAL, rule.interval());
		json.put(CALLER_ID_ACTION, wire(rule.callerIdAction()));
		json.put(CALLER_ID, rule.callerId());
		json.put(MATCH_VARIABLE_NAME, rule.matchVariableName());
		json.put(MATCH_VARIABLE_VALUE, rule.matchVariableValue());
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
		JsonInput in = new JsonInput(Map.of(VOICE_HELPER_RULES, json), "", new ArrayList<>());
		return new Validated<>(voiceHelperRules(in), in.errors());
	}

	private static List<VoiceHelperRule> voiceHelperRules(JsonInput in) {
		List<JsonInput> items = in.objects(VOICE_HELPER_RULES);
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
		return (method != null && method.equalsIgnoreCase("get") || method != null && method.equalsIgnoreCase("post"))
				? method.toUpperCase(Locale.ROOT) : method;
	}

	private static String wire(dev.tonal.model.WireEnum value) {
		return (value != null) ? value.wire() : null;
	}

}
