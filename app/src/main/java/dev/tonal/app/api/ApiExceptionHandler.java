package dev.tonal.app.api;

import java.util.Collection;
import java.util.List;

import dev.tonal.model.validation.FieldError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one error handler of the API: turns every failure a request can meet into a problem
 * document ({@link Problems}) whose message says what is wrong and how to fix it. Never
 * reveals stack traces, class names or SQL; unexpected failures are logged and answered
 * with a plain 500.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> apiException(ApiException ex) {
		return problem(ex.status(), ex.getMessage(), ex.errors());
	}

	/**
	 * Unique and foreign key violations that no service turned into a specific message: a
	 * concurrent writer got there first, or the row is still referenced.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrityViolation(DataIntegrityViolationException ex) {
		log.info("Refused a write that violates a database constraint: {}", ex.getMostSpecificCause().getMessage());
		String message = (ex instanceof DuplicateKeyException)
				? "an object with the same unique value already exists; choose another value"
				: "the change conflicts with objects that refer to this one or that it refers to; "
						+ "remove those references first";
		return problem(HttpStatus.CONFLICT, message, List.of());
	}

	/** A broken multipart body; one too large is answered 413 by the base class. */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> badMultipart(MultipartException ex) {
		return problem(HttpStatus.BAD_REQUEST,
				"the multipart/form-data body could not be read; send the fields as a well-formed multipart form",
				List.of());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		log.error("Unexpected failure while handling a request", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "an internal error occurred; it has been logged on the server",
				List.of());
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = fieldErrors(ex);
		String message = (errors.size() == 1) ? errors.get(0).field() + ": " + errors.get(0).message()
				: messageFor(ex, status);
		return ResponseEntity.status(status).headers(headers).body(Problems.of(status, message, errors));
	}

	private static ResponseEntity<Object> problem(HttpStatusCode status, String message, List<FieldError> errors) {
		return ResponseEntity.status(status).body(Problems.of(status, message, errors));
	}

	static String uploadTooLarge() {
		return "the upload is too large: files may be at most 10 MB";
	}

	private static List<FieldError> fieldErrors(Exception ex) {
		if (ex instanceof MissingServletRequestPartException missing) {
			return List.of(new FieldError(missing.getRequestPartName(), "required: add this multipart part"));
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return List.of(new FieldError(missing.getParameterName(), "required: add this parameter"));
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return List.of(new FieldError(mismatch.getName(),
					"must be " + kindOf(mismatch.getRequiredType()) + ", not \"" + mismatch.getValue() + "\""));
		}
		if (ex instanceof HttpMessageNotReadableException unreadable
				&& unreadable.getMostSpecificCause() instanceof MismatchedInputException mismatch
				&& !mismatch.getPath().isEmpty()) {
			return List.of(new FieldError(jsonPath(mismatch), "must be " + kindOf(mismatch.getTargetType())));
		}
		return List.of();
	}

	private static String messageFor(Exception ex, HttpStatusCode status) {
		if (ex instanceof HttpMessageNotReadableException unreadable) {
			return unreadableBody(unreadable);
		}
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			return "method " + method.getMethod() + " is not allowed on this path; use one of: "
					+ String.join(", ", supported(method.getSupportedMethods()));
		}
		if (ex instanceof HttpMediaTypeNotSupportedException media) {
			return "content type " + ((media.getContentType() != null) ? media.getContentType() : "(none)")
					+ " is not supported here; send one of: " + join(media.getSupportedMediaTypes());
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException media) {
			return "cannot answer in the requested format; accept one of: " + join(media.getSupportedMediaTypes());
		}
		if (ex instanceof NoResourceFoundException notFound) {
			return "no such path: /" + notFound.getResourcePath() + "; see /v3/api-docs for the API's paths";
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return uploadTooLarge();
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase().toLowerCase() : "request failed";
	}

	private static String unreadableBody(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof StreamReadException malformed) {
			TokenStreamLocation at = malformed.getLocation();
			String where = (at != null) ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "";
			return "malformed JSON" + where + ": " + firstLine(malformed.getOriginalMessage());
		}
		if (cause instanceof MismatchedInputException mismatch) {
			return mismatch.getPath().isEmpty() ? "the request body must be " + kindOf(mismatch.getTargetType())
					: jsonPath(mismatch) + ": must be " + kindOf(mismatch.getTargetType());
		}
		if (cause instanceof JacksonException) {
			return "the JSON body could not be read; check it against the API documentation";
		}
		return "the request body is missing or unreadable: send a JSON object";
	}

	/**
	 * The JSON path of a mismatch in the API's notation: {@code conditions[0].start_dow}.
	 */
	private static String jsonPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/**
	 * How a JSON value of a Java type is described to API users (never the class name).
	 */
	private static String kindOf(@Nullable Class<?> type) {
		if (type == null) {
			return "a value of another type";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "an integer";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class || type.isEnum()) {
			return "a string";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		return "a JSON object";
	}

	private static List<String> supported(@Nullable String[] methods) {
		return (methods != null) ? List.of(methods) : List.of();
	}

	private static String join(List<?> items) {
		return String.join(", ", items.stream().map(Object::toString).toList());
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "unexpected content";
		}
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

}
