package dev.tonal.app.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tonal.model.validation.FieldError;
import dev.tonal.model.validation.JsonInput;

/**
 * Collects what is wrong with one request's input, so that a client learns about every
 * bad field at once; {@link #throwIfAny()} turns them into one 400.
 */
public final class InputErrors {

	private final List<FieldError> errors = new ArrayList<>();

	/**
	 * A reader of a request body whose type errors are collected here, in order with the
	 * caller's own; the one way request bodies are read.
	 */
	public JsonInput read(Map<String, ?> body) {
		return JsonInput.of(body, this.errors);
	}

	public InputErrors add(String field, String message) {
		this.errors.add(new FieldError(field, message));
		return this;
	}

	public InputErrors addAll(List<FieldError> more) {
		this.errors.addAll(more);
		return this;
	}

	/**
	 * How many errors so far; lets a check skip follow-up errors about an already bad
	 * field.
	 */
	public int count() {
		return this.errors.size();
	}

	public boolean isEmpty() {
		return this.errors.isEmpty();
	}

	/** Throws a 400 {@link ApiException} listing the errors, if there are any. */
	public void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw ApiException.invalid(this.errors);
		}
	}

}
