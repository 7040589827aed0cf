package dev.tonal.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One rule of a context option (api.md §7): an action with its parameters and up to three
 * conditions. Field names mirror the API's JSON names in camelCase; {@code null} means
 * unset. What each field is, and its format, is {@link RuleField}; which fields an action
 * requires is decided by the validation in this module, not here.
 */
public record Rule(Long id, Action action, Long sound, SoundType soundType, boolean playSoundFromVariable,
		String digits, PlayDigitsMethod playDigitsMethod, String playDigitsVariable, Integer silenceTime, Long context,
		String contextOption, String transferDst, String transferVariable, String setVariableName,
		String setVariableValue, String recordDigitsVariable, Integer recordDigitsMax, Long recordDigitsSound,
		String callInteractiveUrl, String callInteractiveMethod, Integer callInteractiveTimeout, String callerIdNumber,
		String callerIdName, Integer maxRate, List<VoiceHelperRule> voiceHelperRules, Integer voiceHelperTimeout,
		Integer voiceHelperDigitsMax, Integer voiceHelperFinalCount, Boolean voiceHelperClassicTerm, Long interval,
		CallerIdAction callerIdAction, String callerId, String matchVariableName, String matchVariableValue) {

	public Rule {
		if (callerIdAction == null) {
			callerIdAction = CallerIdAction.ANY;
		}
		voiceHelperRules = (voiceHelperRules != null) ? List.copyOf(voiceHelperRules) : null;
	}

	/** A builder for a rule doing {@code action}; every other field starts unset. */
	public static Builder builder(Action action) {
		return new Builder().action(action);
	}

	/** A builder holding this rule's values, to derive a changed copy. */
	public Builder toBuilder() {
		Builder b = new Builder();
		for (RuleField field : RuleField.values()) {
			b.set(field, field.of(this));
		}
		return b;
	}

	/**
	 * Builds {@link Rule}s; tests, readers and the store use it instead of the long
	 * constructor. Readers that go through {@link RuleField}s set values by field.
	 */
	public static final class Builder {

		private final Map<RuleField, Object> values = new EnumMap<>(RuleField.class);

		private Builder() {
		}

		/**
		 * Sets {@code field} to {@code value}, which must be of the field's
		 * {@link RuleField#javaType()} or null.
		 */
		public Builder set(RuleField field, Object value) {
			if (value != null && !field.javaType().isInstance(value)) {
				throw new IllegalArgumentException(
						field.json() + " holds " + field.javaType().getSimpleName() + ", not " + value.getClass());
			}
			this.values.put(field, value);
			return this;
		}

		public Builder id(Long id) {
			return set(RuleField.ID, id);
		}

		public Builder action(Action action) {
			return set(RuleField.ACTION, action);
		}

		public Builder sound(Long sound) {
			return set(RuleField.SOUND, sound);
		}

		public Builder soundType(SoundType soundType) {
			return set(RuleField.SOUND_TYPE, soundType);
		}

		public Builder playSoundFromVariable(boolean playSoundFromVariable) {
			return set(RuleField.PLAY_SOUND_FROM_VARIABLE, playSoundFromVariable);
		}

		public Builder digits(String digits) {
			return set(RuleField.DIGITS, digits);
		}

		public Builder playDigitsMethod(PlayDigitsMethod playDigitsMethod) {
			return set(RuleField.PLAY_DIGITS_METHOD, playDigitsMethod);
		}

		public Builder playDigitsVariable(String playDigitsVariable) {
			return set(RuleField.PLAY_DIGITS_VARIABLE, playDigitsVariable);
		}

		public Builder silenceTime(Integer silenceTime) {
			return set(RuleField.SILENCE_TIME, silenceTime);
		}

		public Builder context(Long context) {
			return set(RuleField.CONTEXT, context);
		}

		public Builder contextOption(String contextOption) {
			return set(RuleField.CONTEXT_OPTION, contextOption);
		}

		public Builder transferDst(String transferDst) {
			return set(RuleField.TRANSFER_DST, transferDst);
		}

		public Builder transferVariable(String transferVariable) {
			return set(RuleField.TRANSFER_VARIABLE, transferVariable);
		}

		public Builder setVariableName(String setVariableName) {
			return set(RuleField.SET_VARIABLE_NAME, setVariableName);
		}

		public Builder setVariableValue(String setVariableValue) {
			return set(RuleField.SET_VARIABLE_VALUE, setVariableValue);
		}

		public Builder recordDigitsVariable(String recordDigitsVariable) {
			return set(RuleField.RECORD_DIGITS_VARIABLE, recordDigitsVariable);
		}

		public Builder recordDigitsMax(Integer recordDigitsMax) {
			return set(RuleField.RECORD_DIGITS_MAX, recordDigitsMax);
		}

		public Builder recordDigitsSound(Long recordDigitsSound) {
			return set(RuleField.RECORD_DIGITS_SOUND, recordDigitsSound);
		}

		public Builder callInteractiveUrl(String callInteractiveUrl) {
			return set(RuleField.CALL_INTERACTIVE_URL, callInteractiveUrl);
		}

		public Builder callInteractiveMethod(String callInteractiveMethod) {
			return set(RuleField.CALL_INTERACTIVE_METHOD, callInteractiveMethod);
		}

		public Builder callInteractiveTimeout(Integer callInteractiveTimeout) {
			return set(RuleField.CALL_INTERACTIVE_TIMEOUT, callInteractiveTimeout);
		}

		public Builder callerIdNumber(String callerIdNumber) {
			return set(RuleField.CALLER_ID_NUMBER, callerIdNumber);
		}

		public Builder callerIdName(String callerIdName) {
			return set(RuleField.CALLER_ID_NAME, callerIdName);
		}

		public Builder maxRate(Integer maxRate) {
			return set(RuleField.MAX_RATE, maxRate);
		}

		public Builder voiceHelperRules(List<VoiceHelperRule> voiceHelperRules) {
			return set(RuleField.VOICE_HELPER_RULES, voiceHelperRules);
		}

		public Builder voiceHelperTimeout(Integer voiceHelperTimeout) {
			return set(RuleField.VOICE_HELPER_TIMEOUT, voiceHelperTimeout);
		}

		public Builder voiceHelperDigitsMax(Integer voiceHelperDigitsMax) {
			return set(RuleField.VOICE_HELPER_DIGITS_MAX, voiceHelperDigitsMax);
		}

		public Builder voiceHelperFinalCount(Integer voiceHelperFinalCount) {
			return set(RuleField.VOICE_HELPER_FINAL_COUNT, voiceHelperFinalCount);
		}

		public Builder voiceHelperClassicTerm(Boolean voiceHelperClassicTerm) {
			return set(RuleField.VOICE_HELPER_CLASSIC_TERM, voiceHelperClassicTerm);
		}

		public Builder interval(Long interval) {
			return set(RuleField.INTERVAL, interval);
		}

		public Builder callerIdAction(CallerIdAction callerIdAction) {
			return set(RuleField.CALLER_ID_ACTION, callerIdAction);
		}

		public Builder callerId(String callerId) {
			return set(RuleField.CALLER_ID, callerId);
		}

		public Builder matchVariableName(String matchVariableName) {
			return set(RuleField.MATCH_VARIABLE_NAME, matchVariableName);
		}

		public Builder matchVariableValue(String matchVariableValue) {
			return set(RuleField.MATCH_VARIABLE_VALUE, matchVariableValue);
		}

		public Rule build() {
			return new Rule(get(RuleField.ID), get(RuleField.ACTION), get(RuleField.SOUND), get(RuleField.SOUND_TYPE),
					Boolean.TRUE.equals(get(RuleField.PLAY_SOUND_FROM_VARIABLE)), get(RuleField.DIGITS),
					get(RuleField.PLAY_DIGITS_METHOD), get(RuleField.PLAY_DIGITS_VARIABLE), get(RuleField.SILENCE_TIME),
					get(RuleField.CONTEXT), get(RuleField.CONTEXT_OPTION), get(RuleField.TRANSFER_DST),
					get(RuleField.TRANSFER_VARIABLE), get(RuleField.SET_VARIABLE_NAME),
					get(RuleField.SET_VARIABLE_VALUE), get(RuleField.RECORD_DIGITS_VARIABLE),
					get(RuleField.RECORD_DIGITS_MAX), get(RuleField.RECORD_DIGITS_SOUND),
					get(RuleField.CALL_INTERACTIVE_URL), get(RuleField.CALL_INTERACTIVE_METHOD),
					get(RuleField.CALL_INTERACTIVE_TIMEOUT), get(RuleField.CALLER_ID_NUMBER),
					get(RuleField.CALLER_ID_NAME), get(RuleField.MAX_RATE), get(RuleField.VOICE_HELPER_RULES),
					get(RuleField.VOICE_HELPER_TIMEOUT), get(RuleField.VOICE_HELPER_DIGITS_MAX),
					get(RuleField.VOICE_HELPER_FINAL_COUNT), get(RuleField.VOICE_HELPER_CLASSIC_TERM),
					get(RuleField.INTERVAL), get(RuleField.CALLER_ID_ACTION), get(RuleField.CALLER_ID),
					get(RuleField.MATCH_VARIABLE_NAME), get(RuleField.MATCH_VARIABLE_VALUE));
		}

		@SuppressWarnings("unchecked")
		private <T> T get(RuleField field) {
			return (T) this.values.get(field);
		}

	}

}
