package dev.tonal.model.validation;

import java.util.List;

/**
 * The outcome of reading and validating input: the value read (possibly incomplete when
 * there are errors) and what is wrong with it. Callers use the value only when
 * {@link #isValid()}.
 */
public record Validated<T>(T value, List<FieldError> errors) {

	public Validated {
		errors = List.copyOf(errors);
	}

	public boolean isValid() {
		return this.errors.isEmpty();
	}

}
