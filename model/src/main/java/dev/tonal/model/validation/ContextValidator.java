package dev.tonal.model.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tonal.model.Context;

/**
 * Checks a context's settings (api.md §7): a name, positive timeouts, and an input length
 * a caller can type.
 */
public final class ContextValidator {

	/**
	 * Longer input than this is not a menu choice any more (extension names are shorter).
	 */
	public static final int MAX_DIGIT_LEN = 32;

	public static final int MAX_NAME_LENGTH = 255;

	private ContextValidator() {
	}

	/**
	 * A new context's settings: the documented defaults and the client's extension
	 * length.
	 */
	public static Context defaults(int clientExtensionLength) {
		return new Context(0, null, Context.DEFAULT_TIMEOUT_MS, Context.DEFAULT_INTER_DIGIT_TIMEOUT_MS,
				clientExtensionLength, false);
	}

	/**
	 * Reads {@code json} over {@code base} and validates the result; one error per field.
	 */
	public static Validated<Context> read(Map<String, ?> json, Context base) {
		Validated<Context> read = ContextJson.read(json, base);
		List<FieldError> errors = new ArrayList<>(read.errors());
		for (FieldError error : validate(read.value())) {
			if (errors.stream().noneMatch((e) -> e.field().equals(error.field()))) {
				errors.add(error);
			}
		}
		return new Validated<>(read.value(), errors);
	}

	public static List<FieldError> validate(Context context) {
		List<FieldError> errors = new ArrayList<>();
		if (context.name() == null || context.name().isBlank()) {
			errors.add(new FieldError(ContextJson.NAME, "is required: a name for the context"));
		}
		else if (context.name().length() > MAX_NAME_LENGTH) {
			errors.add(new FieldError(ContextJson.NAME, "must be at most " + MAX_NAME_LENGTH + " characters"));
		}
		if (context.timeout() <= 0) {
			errors.add(new FieldError(ContextJson.TIMEOUT, "must be a positive number of milliseconds"));
		}
		if (context.interDigitTimeout() <= 0) {
			errors.add(new FieldError(ContextJson.INTER_DIGIT_TIMEOUT, "must be a positive number of milliseconds"));
		}
		if (context.digitLen() < 1 || context.digitLen() > MAX_DIGIT_LEN) {
			errors.add(new FieldError(ContextJson.DIGIT_LEN, "must be between 1 and " + MAX_DIGIT_LEN));
		}
		return errors;
	}

}
