package dev.tonal.app.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tonal.model.validation.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The one place that shapes error responses (api.md §1): RFC 9457 problem documents
 * ({@code type}, {@code title}, {@code status}, {@code detail}) that always also carry
 * {@code message} (what clients of the original API read) and, for bad input,
 * {@code errors: [{"field", "message"}]}. Used by the exception handler (through Spring's
 * converters), and through {@link #write} and {@link #json} by the servlet filters and
 * the servlet container's error report, which answer before or outside Spring MVC.
 */
public final class Problems {

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private Problems() {
	}

	/** A problem for {@code status} whose detail and message are {@code message}. */
	public static ProblemDetail of(HttpStatusCode status, String message, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
		// "about:blank": the status code says it all (RFC 9457 §4.2.1); set explicitly so
		// that "type" is always present.
		problem.setType(ABOUT_BLANK);
		HttpStatus known = HttpStatus.resolve(status.value());
		problem.setTitle((known != null) ? known.getReasonPhrase() : "Error");
		problem.setProperty("message", message);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	public static ProblemDetail of(HttpStatusCode status, String message) {
		return of(status, message, List.of());
	}

	/**
	 * Writes {@code problem} as {@code application/problem+json} to a raw servlet
	 * response.
	 */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(json(problem).getBytes(StandardCharsets.UTF_8));
	}

	/** The problem as JSON text. */
	public static String json(ProblemDetail problem) {
		return JsonMapper.shared().writeValueAsString(asMap(problem));
	}

	/**
	 * The problem's members as one flat JSON object, the same shape Spring's converter
	 * writes.
	 */
	private static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

}
