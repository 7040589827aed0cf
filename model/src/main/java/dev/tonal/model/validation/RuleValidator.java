package dev.tonal.model.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.tonal.model.Action;
import dev.tonal.model.CallerIdAction;
import dev.tonal.model.Rule;
import dev.tonal.model.RuleField;
import dev.tonal.model.RuleField.Format;
import dev.tonal.model.VoiceHelperRule;
import dev.tonal.model.WireEnum;

import static dev.tonal.model.RuleField.ACTION;
import static dev.tonal.model.RuleField.CALLER_ID;
import static dev.tonal.model.RuleField.CALLER_ID_NAME;
import static dev.tonal.model.RuleField.CALLER_ID_NUMBER;
import static dev.tonal.model.RuleField.CALL_INTERACTIVE_METHOD;
import static dev.tonal.model.RuleField.CALL_INTERACTIVE_URL;
import static dev.tonal.model.RuleField.CONTEXT;
import static dev.tonal.model.RuleField.CONTEXT_OPTION;
import static dev.tonal.model.RuleField.DIGITS;
import static dev.tonal.model.RuleField.INTERVAL;
import static dev.tonal.model.RuleField.MATCH_VARIABLE_NAME;
import static dev.tonal.model.RuleField.MATCH_VARIABLE_VALUE;
import static dev.tonal.model.RuleField.PLAY_DIGITS_METHOD;
import static dev.tonal.model.RuleField.PLAY_DIGITS_VARIABLE;
import static dev.tonal.model.RuleField.RECORD_DIGITS_MAX;
import static dev.tonal.model.RuleField.RECORD_DIGITS_VARIABLE;
import static dev.tonal.model.RuleField.SET_VARIABLE_NAME;
import static dev.tonal.model.RuleField.SET_VARIABLE_VALUE;
import static dev.tonal.model.RuleField.SILENCE_TIME;
import static dev.tonal.model.RuleField.SOUND;
import static dev.tonal.model.RuleField.SOUND_TYPE;
import static dev.tonal.model.RuleField.TRANSFER_DST;
import static dev.tonal.model.RuleField.TRANSFER_VARIABLE;
import static dev.tonal.model.RuleField.VOICE_HELPER_DIGITS_MAX;
import static dev.tonal.model.RuleField.VOICE_HELPER_FINAL_COUNT;
import static dev.tonal.model.RuleField.VOICE_HELPER_RULES;
import static dev.tonal.model.RuleField.VOICE_HELPER_TIMEOUT;
import static dev.tonal.model.validation.RuleJson.TO_OPTION;
import static dev.tonal.model.validation.RuleJson.TRANSCRIPTION;

/**
 * Checks that a rule can run (api.md §7): each action's required fields, ranges, formats,
 * and that every reference (sound, context, option, interval) exists in the same
 * client/IVR. Used by the API on every write and by the engine's configuration validator.
 * Formats that hold whatever the action (lengths, ranges, shapes) come from the
 * {@link RuleField} table; this class adds what each action requires and the checks that
 * span fields. A transfer rings at most {@value #MAX_TRANSFER_DESTINATIONS} destinations.
 */
public final class RuleValidator {

	public static final int MAX_TRANSFER_DESTINATIONS = 10;

	/** IVR variable names, as the original API defines them. */
	public static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

	/** Keys a caller can press. */
	public static final Pattern DTMF_DIGITS = Pattern.compile("[0-9*#]+");

	private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s/?#]+\\S*", Pattern.CASE_INSENSITIVE);

	private final Rule rule;

	private final long contextId;

	private final References references;

	private final List<FieldError> errors = new ArrayList<>();

	private RuleValidator(Rule rule, long contextId, References references) {
		this.rule = rule;
		this.contextId = contextId;
		this.references = references;
	}

	/**
	 * Reads a rule from JSON and validates it: type errors and rule errors together, at
	 * most one error per field.
	 * @param json the rule as a JSON object
	 * @param contextId the context the rule belongs to (voice_helper options are there)
	 * @param references answers for the rule's IVR and client
	 */
	public static Validated<Rule> read(Map<String, ?> json, long contextId, References references) {
		Validated<Rule> read = RuleJson.read(json);
		List<FieldError> errors = new ArrayList<>(read.errors());
		for (FieldError error : validate(read.value(), contextId, references)) {
			// A field with a type error was read as unset: do not also call it missing.
			if (!coveredBy(error, read.errors())) {
				errors.add(error);
			}
		}
		return new Validated<>(read.value(), errors);
	}

	private static boolean coveredBy(FieldError error, List<FieldError> reported) {
		String field = error.field();
		return reported.stream()
			.map(FieldError::field)
			.anyMatch((f) -> f.equals(field) || f.startsWith(field + "[") || f.startsWith(field + "."));
	}

	/**
	 * What is wrong with {@code rule}, as errors on its JSON field names; empty when it
	 * can be stored and run.
	 * @param rule the rule
	 * @param contextId the context the rule belongs to (voice_helper options are there)
	 * @param references answers for the rule's IVR and client
	 */
	public static List<FieldError> validate(Rule rule, long contextId, References references) {
		RuleValidator validator = new RuleValidator(rule, contextId, references);
		validator.checkAction();
		validator.checkFieldsOfAnyAction();
		validator.checkConditions();
		return List.copyOf(validator.errors);
	}

	private void checkAction() {
		Action action = this.rule.action();
		if (action == null) {
			error(ACTION, "is required: one of " + WireEnum.choices(Action.class));
			return;
		}
		switch (action) {
			case PLAY_SOUND -> {
				require(SOUND, this.rule.sound(), "the id of one of your sounds");
				require(SOUND_TYPE, this.rule.soundType(), "background (digits interrupt) or foreground");
			}
			case PLAY_SILENCE -> require(SILENCE_TIME, this.rule.silenceTime(), "milliseconds of silence");
			case PLAY_DIGITS -> {
				require(DIGITS, this.rule.digits(), "the digits to speak (0-9, * and #)");
				require(PLAY_DIGITS_METHOD, this.rule.playDigitsMethod(), "digits or number");
			}
			case PLAY_DIGITS_FROM_VARIABLE -> {
				requireVariableName(PLAY_DIGITS_VARIABLE, this.rule.playDigitsVariable());
				require(PLAY_DIGITS_METHOD, this.rule.playDigitsMethod(), "digits or number");
			}
			case JUMP_TO_CONTEXT -> require(CONTEXT, this.rule.context(), "the id of a context of this IVR");
			case TRANSFER -> {
				if (require(TRANSFER_DST, this.rule.transferDst(), "destinations separated by spaces")) {
					int count = destinations(this.rule.transferDst()).size();
					if (count > MAX_TRANSFER_DESTINATIONS) {
						error(TRANSFER_DST, "has " + count + " destinations; transfer rings at most "
								+ MAX_TRANSFER_DESTINATIONS + " (use simple_transfer for more)");
					}
				}
			}
			case SIMPLE_TRANSFER -> require(TRANSFER_DST, this.rule.transferDst(), "destinations separated by spaces");
			case TRANSFER_FROM_VARIABLE -> requireVariableName(TRANSFER_VARIABLE, this.rule.transferVariable());
			case HANGUP -> {
				// Needs nothing.
			}
			case SET_VARIABLE -> {
				requireVariableName(SET_VARIABLE_NAME, this.rule.setVariableName());
				if (this.rule.setVariableValue() == null) {
					// An empty value is a legitimate way to clear a variable, so only
					// null is missing.
					error(SET_VARIABLE_VALUE, "is required for action set_variable: the value; it may use ${variable}");
				}
			}
			case RECORD_DIGITS -> {
				requireVariableName(RECORD_DIGITS_VARIABLE, this.rule.recordDigitsVariable());
				require(RECORD_DIGITS_MAX, this.rule.recordDigitsMax(),
						"how many digits to collect, 1.." + RECORD_DIGITS_MAX.format().max());
			}
			case CALL_INTERACTIVE -> {
				require(CALL_INTERACTIVE_URL, this.rule.callInteractiveUrl(), "an http:// or https:// URL");
				require(CALL_INTERACTIVE_METHOD, this.rule.callInteractiveMethod(), "GET or POST");
			}
			case SET_CALLER_ID_NUMBER ->
				require(CALLER_ID_NUMBER, this.rule.callerIdNumber(), "the number to present; it may use ${variable}");
			case SET_CALLER_ID_NAME ->
				require(CALLER_ID_NAME, this.rule.callerIdName(), "the name to present; it may use ${variable}");
			case QUALITY_RATE -> require(SOUND, this.rule.sound(), "the id of the prompt asking for a rating");
			case VOICE_HELPER -> checkVoiceHelper();
		}
	}

	private void checkVoiceHelper() {
		if (!this.references.speechRecogniserConfigured()) {
			error(ACTION, "voice_helper needs a speech recogniser, and none is configured on this server"
					+ " (set tonal.speech.recogniser); use options selected by digits instead");
			return;
		}
		List<VoiceHelperRule> alternatives = this.rule.voiceHelperRules();
		if (alternatives == null || alternatives.isEmpty()) {
			error(VOICE_HELPER_RULES, "is required for voice_helper: a list of"
					+ " {\"to_option\": \"1\", \"transcription\": \"sales|shop\"}");
			return;
		}
		for (int i = 0; i < alternatives.size(); i++) {
			String path = VOICE_HELPER_RULES.json() + "[" + i + "].";
			VoiceHelperRule alternative = alternatives.get(i);
			if (alternative.toOption() == null) {
				error(path + TO_OPTION, "is required: the option of this context to run on a match");
			}
			else if (!this.references.optionExists(this.contextId, alternative.toOption())) {
				error(path + TO_OPTION,
						"option \"" + alternative.toOption() + "\" does not exist in this context; create it first");
			}
			if (alternative.transcription() == null || alternative.transcription().isBlank()) {
				error(path + TRANSCRIPTION, "is required: words or word stems separated by |, e.g. sales|shop");
			}
			else if (Arrays.stream(alternative.transcription().split("\\|", -1)).anyMatch(String::isBlank)) {
				error(path + TRANSCRIPTION, "has an empty alternative; separate words with a single |");
			}
		}
		atLeast(VOICE_HELPER_TIMEOUT, this.rule.voiceHelperTimeout(), 1);
		atLeast(VOICE_HELPER_DIGITS_MAX, this.rule.voiceHelperDigitsMax(), 0);
		atLeast(VOICE_HELPER_FINAL_COUNT, this.rule.voiceHelperFinalCount(), 1);
	}

	/** The formats of the {@link RuleField} table, and the target of a jump. */
	private void checkFieldsOfAnyAction() {
		for (RuleField field : RuleField.writable()) {
			Object value = field.of(this.rule);
			if (value != null) {
				checkFormat(field, field.format(), value);
			}
		}
		checkJumpTarget();
	}

	private void checkFormat(RuleField field, Format format, Object value) {
		if (value instanceof String text && format.maxLength() != null && text.length() > format.maxLength()) {
			error(field, "is " + text.length() + " characters long; at most " + format.maxLength() + " are allowed");
		}
		if (value instanceof Integer number && format.min() != null
				&& (number < format.min() || number > format.max())) {
			error(field, "must be between " + format.min() + " and " + format.max());
		}
		switch (format.shape()) {
			case FREE -> {
				// Any value.
			}
			case KEYS -> {
				if (!DTMF_DIGITS.matcher((String) value).matches()) {
					error(field, "may hold only 0-9, * and #");
				}
			}
			case VARIABLE_NAME -> variableName(field, (String) value);
			case HTTP_URL -> {
				if (!HTTP_URL.matcher((String) value).matches()) {
					error(field, "must start with http:// or https:// and name a host");
				}
			}
			case HTTP_METHOD -> {
				if (!List.of("GET", "POST").contains(value)) {
					error(field, "must be GET or POST");
				}
			}
			case SOUND -> {
				if (!this.references.soundExists((Long) value)) {
					error(field,
							"sound " + value + " is not one of your sounds; upload it to /client/{cid}/sound/ first");
				}
			}
		}
	}

	private void checkJumpTarget() {
		Long target = this.rule.context();
		if (target == null) {
			return;
		}
		if (!this.references.contextExists(target)) {
			error(CONTEXT, "context " + target + " is not a context of this IVR");
			return;
		}
		String option = this.rule.contextOption();
		if (option != null && !this.references.optionExists(target, option)) {
			error(CONTEXT_OPTION, "option \"" + option + "\" does not exist in context " + target
					+ "; use start, timeout, invalid or one of its custom options");
		}
	}

	private void checkConditions() {
		Rule r = this.rule;
		if (r.interval() != null && !this.references.intervalExists(r.interval())) {
			error(INTERVAL, "interval " + r.interval() + " is not one of your time intervals");
		}
		if (r.callerIdAction() == CallerIdAction.MATCHES || r.callerIdAction() == CallerIdAction.NOT_MATCHES) {
			if (r.callerId() == null) {
				error(CALLER_ID, "is required when caller_id_action is " + r.callerIdAction().wire()
						+ ": a regular expression on the caller's number, e.g. ^(\\+|)7812");
			}
		}
		if (r.callerId() != null) {
			try {
				Pattern.compile(r.callerId());
			}
			catch (PatternSyntaxException ex) {
				error(CALLER_ID, "is not a valid regular expression: " + ex.getDescription());
			}
		}
		if (r.matchVariableName() != null) {
			if (r.matchVariableValue() == null) {
				error(MATCH_VARIABLE_VALUE, "is required with match_variable_name: the value the variable must equal");
			}
		}
		else if (r.matchVariableValue() != null) {
			error(MATCH_VARIABLE_NAME, "is required with match_variable_value: the variable to compare");
		}
	}

	/** The destinations of a transfer_dst: tokens separated by spaces. */
	public static List<String> destinations(String transferDst) {
		return (transferDst == null || transferDst.isBlank()) ? List.of() : List.of(transferDst.trim().split("\\s+"));
	}

	private boolean require(RuleField field, Object value, String hint) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			error(field, "is required for action " + this.rule.action().wire() + ": " + hint);
			return false;
		}
		return true;
	}

	private void requireVariableName(RuleField field, String value) {
		require(field, value, "a variable name (a letter, then letters, digits or _)");
	}

	private void variableName(RuleField field, String value) {
		if (value != null && !VARIABLE_NAME.matcher(value).matches()) {
			error(field, "\"" + value + "\" is not a variable name: start with a Latin letter, then use letters,"
					+ " digits or _");
		}
	}

	private void atLeast(RuleField field, Integer value, int min) {
		if (value != null && value < min) {
			error(field, "must be at least " + min);
		}
	}

	private void error(RuleField field, String message) {
		error(field.json(), message);
	}

	private void error(String field, String message) {
		// One message per field: the first problem found is the one to fix first.
		if (this.errors.stream().noneMatch((e) -> e.field().equals(field))) {
			this.errors.add(new FieldError(field, message));
		}
	}

}
