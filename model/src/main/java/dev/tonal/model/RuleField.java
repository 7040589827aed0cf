package dev.tonal.model;

import java.util.List;
import java.util.function.Function;

/**
 * The fields of a {@link Rule} (api.md §7), one constant each: the one table the JSON
 * reader and writer, the validator and the store iterate over. A constant names the
 * field's JSON key (the store's column is the same name, except where SQL reserves it),
 * how its value is read, and the format checked whatever the action; what each action
 * requires is the validator's. The order is the order of the JSON object.
 *
 * <p>
 * Adding a rule field: a record component and builder method in {@link Rule}, a constant
 * here, and a migration adding the column.
 */
public enum RuleField {

	/** Read-only; unique platform-wide. */
	ID("id", Type.ID, Rule::id),

	/** Always required. */
	ACTION("action", Action.class, Rule::action),

	/** Sound id: play_sound, quality_rate, voice_helper. */
	SOUND("sound", Type.ID, Rule::sound, Format.SOUND),

	/** With sound on play_sound. */
	SOUND_TYPE("sound_type", SoundType.class, Rule::soundType),

	/** Play the Call Interactive TTS greeting if there is one. */
	PLAY_SOUND_FROM_VARIABLE("play_sound_from_variable", Type.FLAG, Rule::playSoundFromVariable),

	/** play_digits: the keys to speak. */
	DIGITS("digits", Type.TEXT, Rule::digits, Format.KEYS),

	/** play_digits(_from_variable). */
	PLAY_DIGITS_METHOD("play_digits_method", PlayDigitsMethod.class, Rule::playDigitsMethod),

	/** play_digits_from_variable. */
	PLAY_DIGITS_VARIABLE("play_digits_variable", Type.TEXT, Rule::playDigitsVariable, Format.VARIABLE_NAME),

	/** play_silence, ms. */
	SILENCE_TIME("silence_time", Type.NUMBER, Rule::silenceTime, Format.range(1, 600_000)),

	/** jump_to_context: the target context id. */
	CONTEXT("context", Type.ID, Rule::context),

	/** Option entered by jump_to_context; null means start. */
	CONTEXT_OPTION("context_option", Type.TEXT, Rule::contextOption, Format.text(Format.MAX_KEYS_LENGTH)),

	/** transfer, simple_transfer: destinations separated by spaces. */
	TRANSFER_DST("transfer_dst", Type.TEXT, Rule::transferDst, Format.text(Format.MAX_TEXT_LENGTH)),

	/** transfer_from_variable. */
	TRANSFER_VARIABLE("transfer_variable", Type.TEXT, Rule::transferVariable, Format.VARIABLE_NAME),

	/** set_variable. */
	SET_VARIABLE_NAME("set_variable_name", Type.TEXT, Rule::setVariableName, Format.VARIABLE_NAME),

	/** set_variable; variables expanded; may be empty. */
	SET_VARIABLE_VALUE("set_variable_value", Type.VALUE, Rule::setVariableValue, Format.text(Format.MAX_TEXT_LENGTH)),

	/** record_digits. */
	RECORD_DIGITS_VARIABLE("record_digits_variable", Type.TEXT, Rule::recordDigitsVariable, Format.VARIABLE_NAME),

	/** record_digits: how many keys. */
	RECORD_DIGITS_MAX("record_digits_max", Type.NUMBER, Rule::recordDigitsMax, Format.range(1, 64)),

	/** record_digits: optional prompt. */
	RECORD_DIGITS_SOUND("record_digits_sound", Type.ID, Rule::recordDigitsSound, Format.SOUND),

	/** call_interactive; variables expanded. */
	CALL_INTERACTIVE_URL("call_interactive_url", Type.TEXT, Rule::callInteractiveUrl, Format.HTTP_URL),

	/** call_interactive: GET or POST. */
	CALL_INTERACTIVE_METHOD("call_interactive_method", Type.HTTP_METHOD, Rule::callInteractiveMethod,
			Format.HTTP_METHOD),

	/** call_interactive, seconds; null means 5. */
	CALL_INTERACTIVE_TIMEOUT("call_interactive_timeout", Type.NUMBER, Rule::callInteractiveTimeout,
			Format.range(1, 60)),

	/** set_caller_id_number; variables expanded. */
	CALLER_ID_NUMBER("caller_id_number", Type.TEXT, Rule::callerIdNumber, Format.text(Format.MAX_NAME_LENGTH)),

	/** set_caller_id_name; variables expanded. */
	CALLER_ID_NAME("caller_id_name", Type.TEXT, Rule::callerIdName, Format.text(Format.MAX_NAME_LENGTH)),

	/** quality_rate: the scale; a rating is one key press; null means 5. */
	MAX_RATE("max_rate", Type.NUMBER, Rule::maxRate, Format.range(1, 9)),

	/** voice_helper: the spoken alternatives. */
	VOICE_HELPER_RULES("voice_helper_rules", Type.VOICE_HELPER_RULES, Rule::voiceHelperRules),

	/** voice_helper, ms; null means 10000. */
	VOICE_HELPER_TIMEOUT("voice_helper_timeout", Type.NUMBER, Rule::voiceHelperTimeout),

	/** voice_helper; null means 1. */
	VOICE_HELPER_DIGITS_MAX("voice_helper_digits_max", Type.NUMBER, Rule::voiceHelperDigitsMax),

	/** voice_helper attempts; null means 1. */
	VOICE_HELPER_FINAL_COUNT("voice_helper_final_count", Type.NUMBER, Rule::voiceHelperFinalCount),

	/** voice_helper: # ends listening; null means false. */
	VOICE_HELPER_CLASSIC_TERM("voice_helper_classic_term", Type.BOOLEAN, Rule::voiceHelperClassicTerm),

	/** Condition: interval id. */
	INTERVAL("interval", Type.ID, Rule::interval),

	/** Condition; never null (any). */
	CALLER_ID_ACTION("caller_id_action", CallerIdAction.class, Rule::callerIdAction),

	/** Condition: regular expression for matches/not_matches. */
	CALLER_ID("caller_id", Type.TEXT, Rule::callerId, Format.text(Format.MAX_TEXT_LENGTH)),

	/** Condition: the variable to compare. */
	MATCH_VARIABLE_NAME("match_variable_name", Type.TEXT, Rule::matchVariableName, Format.VARIABLE_NAME),

	/** Condition: the value it must equal; may be empty. */
	MATCH_VARIABLE_VALUE("match_variable_value", Type.VALUE, Rule::matchVariableValue,
			Format.text(Format.MAX_TEXT_LENGTH));

	/** How a field's value is read and held. */
	public enum Type {

		/** A positive whole number naming a row ({@code Long}). */
		ID(Long.class),

		/** A whole number ({@code Integer}). */
		NUMBER(Integer.class),

		/** true or false, never null: absent means false. */
		FLAG(Boolean.class),

		/** true, false or unset. */
		BOOLEAN(Boolean.class),

		/** Text; an empty string counts as unset. */
		TEXT(String.class),

		/** Text that may legitimately be empty (variable values). */
		VALUE(String.class),

		/** Text; "get"/"post" in any case are stored upper case. */
		HTTP_METHOD(String.class),

		/** One of a {@link WireEnum}'s wire names. */
		CHOICE(Enum.class),

		/** A list of {@link VoiceHelperRule}s. */
		VOICE_HELPER_RULES(List.class);

		private final Class<?> javaType;

		Type(Class<?> javaType) {
			this.javaType = javaType;
		}

	}

	/** What a field's value must look like whatever the action. */
	public enum Shape {

		/** Any text. */
		FREE,

		/** Keys a caller can press: 0-9, * and #. */
		KEYS,

		/** An IVR variable name. */
		VARIABLE_NAME,

		/** An http:// or https:// URL naming a host. */
		HTTP_URL,

		/** GET or POST. */
		HTTP_METHOD,

		/** The id of one of the client's sounds. */
		SOUND

	}

	/**
	 * The format a value must have whatever the action: its shape, longest text, and
	 * range of a number; {@code null} bounds are unchecked.
	 *
	 * <table>
	 * <caption>Limits</caption>
	 * <tr>
	 * <td>keys (play_digits, an option name)</td>
	 * <td>{@value #MAX_KEYS_LENGTH} characters</td>
	 * </tr>
	 * <tr>
	 * <td>variable names</td>
	 * <td>{@value #MAX_VARIABLE_NAME_LENGTH}</td>
	 * </tr>
	 * <tr>
	 * <td>caller-id number or name</td>
	 * <td>{@value #MAX_NAME_LENGTH}</td>
	 * </tr>
	 * <tr>
	 * <td>free text: destinations, variable values, patterns</td>
	 * <td>{@value #MAX_TEXT_LENGTH}</td>
	 * </tr>
	 * <tr>
	 * <td>URLs</td>
	 * <td>{@value #MAX_URL_LENGTH}</td>
	 * </tr>
	 * </table>
	 */
	public record Format(Shape shape, Integer maxLength, Integer min, Integer max) {

		public static final int MAX_KEYS_LENGTH = 32;

		public static final int MAX_VARIABLE_NAME_LENGTH = 64;

		public static final int MAX_NAME_LENGTH = 255;

		public static final int MAX_TEXT_LENGTH = 1024;

		public static final int MAX_URL_LENGTH = 2048;

		static final Format NONE = new Format(Shape.FREE, null, null, null);

		static final Format SOUND = new Format(Shape.SOUND, null, null, null);

		static final Format KEYS = new Format(Shape.KEYS, MAX_KEYS_LENGTH, null, null);

		static final Format VARIABLE_NAME = new Format(Shape.VARIABLE_NAME, MAX_VARIABLE_NAME_LENGTH, null, null);

		static final Format HTTP_URL = new Format(Shape.HTTP_URL, MAX_URL_LENGTH, null, null);

		static final Format HTTP_METHOD = new Format(Shape.HTTP_METHOD, null, null, null);

		static Format text(int maxLength) {
			return new Format(Shape.FREE, maxLength, null, null);
		}

		static Format range(int min, int max) {
			return new Format(Shape.FREE, null, min, max);
		}

	}

	private final String json;

	private final Type type;

	private final Class<?> javaType;

	private final Function<Rule, ?> value;

	private final Format format;

	RuleField(String json, Type type, Function<Rule, ?> value) {
		this(json, type, value, Format.NONE);
	}

	RuleField(String json, Type type, Function<Rule, ?> value, Format format) {
		this(json, type, type.javaType, value, format);
	}

	<E extends Enum<E> & WireEnum> RuleField(String json, Class<E> choices, Function<Rule, ?> value) {
		this(json, Type.CHOICE, choices, value, Format.NONE);
	}

	RuleField(String json, Type type, Class<?> javaType, Function<Rule, ?> value, Format format) {
		this.json = json;
		this.type = type;
		this.javaType = javaType;
		this.value = value;
		this.format = format;
	}

	/** The field's name in JSON (api.md §7). */
	public String json() {
		return this.json;
	}

	public Type type() {
		return this.type;
	}

	/**
	 * The class of the field's values; for {@link Type#CHOICE} the {@link WireEnum}.
	 */
	public Class<?> javaType() {
		return this.javaType;
	}

	public Format format() {
		return this.format;
	}

	/** The field's value in {@code rule}; null where unset. */
	public Object of(Rule rule) {
		return this.value.apply(rule);
	}

	/** The fields a client writes: all but the read-only {@link #ID}. */
	public static List<RuleField> writable() {
		return WRITABLE;
	}

	private static final List<RuleField> WRITABLE = List.of(values()).subList(1, values().length);

}
