package dev.tonal.app.api;

import java.util.List;

import dev.tonal.model.validation.FieldError;

import org.springframework.http.HttpStatus;

/**
 * A failure the API reports to its client: an HTTP status, a message saying what is wrong
 * and how to fix it, and for bad input the field errors. Rendered as an RFC 9457 problem
 * document that also carries {@code message} and {@code errors} (api.md §1) by the one
 * error handler.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final transient List<FieldError> errors;

	public ApiException(HttpStatus status, String message, List<FieldError> errors) {
		super(message);
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	public ApiException(HttpStatus status, String message) {
		this(status, message, List.of());
	}

	public HttpStatus status() {
		return this.status;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** 400 with field errors; the message summarises them. */
	public static ApiException invalid(List<FieldError> errors) {
		String summary = (errors.size() == 1) ? errors.get(0).field() + ": " + errors.get(0).message()
				: errors.size() + " fields are invalid; see errors";
		return new ApiException(HttpStatus.BAD_REQUEST, summary, errors);
	}

	/** 400 for one field. */
	public static ApiException invalid(String field, String message) {
		return invalid(List.of(new FieldError(field, message)));
	}

	public static ApiException badRequest(String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, message);
	}

	/** 404 for {@code what} ("extension 12"); also used for another tenant's objects. */
	public static ApiException notFound(String what) {
		return new ApiException(HttpStatus.NOT_FOUND, what + " not found");
	}

	public static ApiException conflict(String message) {
		return new ApiException(HttpStatus.CONFLICT, message);
	}

	public static ApiException forbidden(String message) {
		return new ApiException(HttpStatus.FORBIDDEN, message);
	}

}
