package dev.tonal.model.validation;

/**
 * One thing wrong with one input field: {@code field} is its JSON path ("sound",
 * "rules[0].sound", "conditions[1].start_dow"), {@code message} says what is wrong and
 * how to fix it.
 */
public record FieldError(String field, String message) {
}
