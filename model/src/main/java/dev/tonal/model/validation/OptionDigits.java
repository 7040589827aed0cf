package dev.tonal.model.validation;

import java.util.List;

import dev.tonal.model.BuiltInOption;

/**
 * Checks the digits of a custom option (api.md §7): 1..{@code digit_len} keys of
 * {@code 0-9*#}. The built-in options exist in every context and cannot be created.
 */
public final class OptionDigits {

	public static final String FIELD = "digits";

	private OptionDigits() {
	}

	/**
	 * What is wrong with {@code digits} as a new option of a context with
	 * {@code digitLen}.
	 */
	public static List<FieldError> validate(String digits, int digitLen) {
		if (digits == null || digits.isEmpty()) {
			return error("is required: the keys that select the option, e.g. \"1\"");
		}
		if (BuiltInOption.isBuiltIn(digits)) {
			return error("\"" + digits + "\" is a built-in option; every context already has it");
		}
		if (!RuleValidator.DTMF_DIGITS.matcher(digits).matches()) {
			return error("may hold only the keys 0-9, * and #");
		}
		if (digits.length() > digitLen) {
			return error("has " + digits.length() + " keys but the context's digit_len is " + digitLen
					+ ": input ends before it could be typed; shorten it or raise digit_len");
		}
		return List.of();
	}

	private static List<FieldError> error(String message) {
		return List.of(new FieldError(FIELD, message));
	}

}
