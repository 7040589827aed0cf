package dev.tonal.model;

import java.util.List;

/**
 * One rule of a context option (api.md §7): an action with its parameters and up to three
 * conditions. Field names mirror the API's JSON names in camelCase; {@code null} means
 * unset. Which fields an action requires is decided by the validation in this module, not
 * here.
 *
 * <table>
 * <caption>Fields</caption>
 * <tr>
 * <td>{@code id}</td>
 * <td>read-only; unique platform-wide</td>
 * </tr>
 * <tr>
 * <td>{@code action}</td>
 * <td>always required</td>
 * </tr>
 * <tr>
 * <td>{@code sound}</td>
 * <td>sound id: play_sound, quality_rate, voice_helper</td>
 * </tr>
 * <tr>
 * <td>{@code soundType}</td>
 * <td>with sound on play_sound</td>
 * </tr>
 * <tr>
 * <td>{@code playSoundFromVariable}</td>
 * <td>play the Call Interactive TTS greeting if there is one</td>
 * </tr>
 * <tr>
 * <td>{@code digits}</td>
 * <td>play_digits: 0-9*#</td>
 * </tr>
 * <tr>
 * <td>{@code playDigitsMethod}</td>
 * <td>play_digits(_from_variable)</td>
 * </tr>
 * <tr>
 * <td>{@code playDigitsVariable}</td>
 * <td>play_digits_from_variable</td>
 * </tr>
 * <tr>
 * <td>{@code silenceTime}</td>
 * <td>play_silence, ms</td>
 * </tr>
 * <tr>
 * <td>{@code context}</td>
 * <td>jump_to_context target context id</td>
 * </tr>
 * <tr>
 * <td>{@code contextOption}</td>
 * <td>option entered by jump_to_context; null means start</td>
 * </tr>
 * <tr>
 * <td>{@code transferDst}</td>
 * <td>transfer, simple_transfer: destinations separated by spaces</td>
 * </tr>
 * <tr>
 * <td>{@code transferVariable}</td>
 * <td>transfer_from_variable</td>
 * </tr>
 * <tr>
 * <td>{@code setVariableName}</td>
 * <td>set_variable</td>
 * </tr>
 * <tr>
 * <td>{@code setVariableValue}</td>
 * <td>set_variable; variables expanded</td>
 * </tr>
 * <tr>
 * <td>{@code recordDigitsVariable}</td>
 * <td>record_digits</td>
 * </tr>
 * <tr>
 * <td>{@code recordDigitsMax}</td>
 * <td>record_digits: 1..64</td>
 * </tr>
 * <tr>
 * <td>{@code recordDigitsSound}</td>
 * <td>record_digits: optional prompt</td>
 * </tr>
 * <tr>
 * <td>{@code callInteractiveUrl}</td>
 * <td>call_interactive; variables expanded</td>
 * </tr>
 * <tr>
 * <td>{@code callInteractiveMethod}</td>
 * <td>call_interactive: GET or POST</td>
 * </tr>
 * <tr>
 * <td>{@code callInteractiveTimeout}</td>
 * <td>call_interactive, seconds; null means 5</td>
 * </tr>
 * <tr>
 * <td>{@code callerIdNumber}</td>
 * <td>set_caller_id_number; variables expanded</td>
 * </tr>
 * <tr>
 * <td>{@code callerIdName}</td>
 * <td>set_caller_id_name; variables expanded</td>
 * </tr>
 * <tr>
 * <td>{@code maxRate}</td>
 * <td>quality_rate: 1..9; null means 5</td>
 * </tr>
 * <tr>
 * <td>{@code voiceHelperRules}</td>
 * <td>voice_helper</td>
 * </tr>
 * <tr>
 * <td>{@code voiceHelperTimeout}</td>
 * <td>voice_helper, ms; null means 10000</td>
 * </tr>
 * <tr>
 * <td>{@code voiceHelperDigitsMax}</td>
 * <td>voice_helper; null means 1</td>
 * </tr>
 * <tr>
 * <td>{@code voiceHelperFinalCount}</td>
 * <td>voice_helper attempts; null means 1</td>
 * </tr>
 * <tr>
 * <td>{@code voiceHelperClassicTerm}</td>
 * <td>voice_helper: # ends listening; null means false</td>
 * </tr>
 * <tr>
 * <td>{@code interval}</td>
 * <td>condition: interval id</td>
 * </tr>
 * <tr>
 * <td>{@code callerIdAction}</td>
 * <td>condition; never null (ANY)</td>
 * </tr>
 * <tr>
 * <td>{@code callerId}</td>
 * <td>condition: regular expression for matches/not_matches</td>
 * </tr>
 * <tr>
 * <td>{@code matchVariableName}</td>
 * <td>condition</td>
 * </tr>
 * <tr>
 * <td>{@code matchVariableValue}</td>
 * <td>condition</td>
 * </tr>
 * </table>
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
		b.id = this.id;
		b.action = this.action;
		b.sound = this.sound;
		b.soundType = this.soundType;
		b.playSoundFromVariable = this.playSoundFromVariable;
		b.digits = this.digits;
		b.playDigitsMethod = this.playDigitsMethod;
		b.playDigitsVariable = this.playDigitsVariable;
		b.silenceTime = this.silenceTime;
		b.context = this.context;
		b.contextOption = this.contextOption;
		b.transferDst = this.transferDst;
		b.transferVariable = this.transferVariable;
		b.setVariableName = this.setVariableName;
		b.setVariableValue = this.setVariableValue;
		b.recordDigitsVariable = this.recordDigitsVariable;
		b.recordDigitsMax = this.recordDigitsMax;
		b.recordDigitsSound = this.recordDigitsSound;
		b.callInteractiveUrl = this.callInteractiveUrl;
		b.callInteractiveMethod = this.callInteractiveMethod;
		b.callInteractiveTimeout = this.callInteractiveTimeout;
		b.callerIdNumber = this.callerIdNumber;
		b.callerIdName = this.callerIdName;
		b.maxRate = this.maxRate;
		b.voiceHelperRules = this.voiceHelperRules;
		b.voiceHelperTimeout = this.voiceHelperTimeout;
		b.voiceHelperDigitsMax = this.voiceHelperDigitsMax;
		b.voiceHelperFinalCount = this.voiceHelperFinalCount;
		b.voiceHelperClassicTerm = this.voiceHelperClassicTerm;
		b.interval = this.interval;
		b.callerIdAction = this.callerIdAction;
		b.callerId = this.callerId;
		b.matchVariableName = this.matchVariableName;
		b.matchVariableValue = this.matchVariableValue;
		return b;
	}

	/**
	 * Builds {@link Rule}s; tests and the store use it instead of the long constructor.
	 */
	public static final class Builder {

		private Long id;

		private Action action;

		private Long sound;

		private SoundType soundType;

		private boolean playSoundFromVariable;

		private String digits;

		private PlayDigitsMethod playDigitsMethod;

		private String playDigitsVariable;

		private Integer silenceTime;

		private Long context;

		private String contextOption;

		private String transferDst;

		private String transferVariable;

		private String setVariableName;

		private String setVariableValue;

		private String recordDigitsVariable;

		private Integer recordDigitsMax;

		private Long recordDigitsSound;

		private String callInteractiveUrl;

		private String callInteractiveMethod;

		private Integer callInteractiveTimeout;

		private String callerIdNumber;

		private String callerIdName;

		private Integer maxRate;

		private List<VoiceHelperRule> voiceHelperRules;

		private Integer voiceHelperTimeout;

		private Integer voiceHelperDigitsMax;

		private Integer voiceHelperFinalCount;

		private Boolean voiceHelperClassicTerm;

		private Long interval;

		private CallerIdAction callerIdAction = CallerIdAction.ANY;

		private String callerId;

		private String matchVariableName;

		private String matchVariableValue;

		private Builder() {
		}

		public Builder id(Long id) {
			this.id = id;
			return this;
		}

		public Builder action(Action action) {
			this.action = action;
			return this;
		}

		public Builder sound(Long sound) {
			this.sound = sound;
			return this;
		}

		public Builder soundType(SoundType soundType) {
			this.soundType = soundType;
			return this;
		}

		public Builder playSoundFromVariable(boolean playSoundFromVariable) {
			this.playSoundFromVariable = playSoundFromVariable;
			return this;
		}

		public Builder digits(String digits) {
			this.digits = digits;
			return this;
		}

		public Builder playDigitsMethod(PlayDigitsMethod playDigitsMethod) {
			this.playDigitsMethod = playDigitsMethod;
			return this;
		}

		public Builder playDigitsVariable(String playDigitsVariable) {
			this.playDigitsVariable = playDigitsVariable;
			return this;
		}

		public Builder silenceTime(Integer silenceTime) {
			this.silenceTime = silenceTime;
			return this;
		}

		public Builder context(Long context) {
			this.context = context;
			return this;
		}

		public Builder contextOption(String contextOption) {
			this.contextOption = contextOption;
			return this;
		}

		public Builder transferDst(String transferDst) {
			this.transferDst = transferDst;
			return this;
		}

		public Builder transferVariable(String transferVariable) {
			this.transferVariable = transferVariable;
			return this;
		}

		public Builder setVariableName(String setVariableName) {
			this.setVariableName = setVariableName;
			return this;
		}

		public Builder setVariableValue(String setVariableValue) {
			this.setVariableValue = setVariableValue;
			return this;
		}

		public Builder recordDigitsVariable(String recordDigitsVariable) {
			this.recordDigitsVariable = recordDigitsVariable;
			return this;
		}

		public Builder recordDigitsMax(Integer recordDigitsMax) {
			this.recordDigitsMax = recordDigitsMax;
			return this;
		}

		public Builder recordDigitsSound(Long recordDigitsSound) {
			this.recordDigitsSound = recordDigitsSound;
			return this;
		}

		public Builder callInteractiveUrl(String callInteractiveUrl) {
			this.callInteractiveUrl = callInteractiveUrl;
			return this;
		}

		public Builder callInteractiveMethod(String callInteractiveMethod) {
			this.callInteractiveMethod = callInteractiveMethod;
			return this;
		}

		public Builder callInteractiveTimeout(Integer callInteractiveTimeout) {
			this.callInteractiveTimeout = callInteractiveTimeout;
			return this;
		}

		public Builder callerIdNumber(String callerIdNumber) {
			this.callerIdNumber = callerIdNumber;
			return this;
		}

		public Builder callerIdName(String callerIdName) {
			this.callerIdName = callerIdName;
			return this;
		}

		public Builder maxRate(Integer maxRate) {
			this.maxRate = maxRate;
			return this;
		}

		public Builder voiceHelperRules(List<VoiceHelperRule> voiceHelperRules) {
			this.voiceHelperRules = voiceHelperRules;
			return this;
		}

		public Builder voiceHelperTimeout(Integer voiceHelperTimeout) {
			this.voiceHelperTimeout = voiceHelperTimeout;
			return this;
		}

		public Builder voiceHelperDigitsMax(Integer voiceHelperDigitsMax) {
			this.voiceHelperDigitsMax = voiceHelperDigitsMax;
			return this;
		}

		public Builder voiceHelperFinalCount(Integer voiceHelperFinalCount) {
			this.voiceHelperFinalCount = voiceHelperFinalCount;
			return this;
		}

		public Builder voiceHelperClassicTerm(Boolean voiceHelperClassicTerm) {
			this.voiceHelperClassicTerm = voiceHelperClassicTerm;
			return this;
		}

		public Builder interval(Long interval) {
			this.interval = interval;
			return this;
		}

		public Builder callerIdAction(CallerIdAction callerIdAction) {
			this.callerIdAction = callerIdAction;
			return this;
		}

		public Builder callerId(String callerId) {
			this.callerId = callerId;
			return this;
		}

		public Builder matchVariableName(String matchVariableName) {
			this.matchVariableName = matchVariableName;
			return this;
		}

		public Builder matchVariableValue(String matchVariableValue) {
			this.matchVariableValue = matchVariableValue;
			return this;
		}

		public Rule build() {
			return new Rule(id, action, sound, soundType, playSoundFromVariable, digits, playDigitsMethod,
					playDigitsVariable, silenceTime, context, contextOption, transferDst, transferVariable,
					setVariableName, setVariableValue, recordDigitsVariable, recordDigitsMax, recordDigitsSound,
					callInteractiveUrl, callInteractiveMethod, callInteractiveTimeout, callerIdNumber, callerIdName,
					maxRate, voiceHelperRules, voiceHelperTimeout, voiceHelperDigitsMax, voiceHelperFinalCount,
					voiceHelperClassicTerm, interval, callerIdAction, callerId, matchVariableName, matchVariableValue);
		}

	}

}
