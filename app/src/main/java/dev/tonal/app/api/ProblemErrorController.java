package dev.tonal.app.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code /error} fallback: failures that happen outside Spring MVC (the servlet
 * container refusing a request, an exception escaping a filter) still answer with a
 * problem document instead of Boot's default error page. Replaces Boot's
 * BasicErrorController.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = statusOf(request);
		String message = switch (status) {
			case NOT_FOUND -> "no such path; see /v3/api-docs for the API's paths";
			case CONTENT_TOO_LARGE -> ApiExceptionHandler.uploadTooLarge();
			case INTERNAL_SERVER_ERROR -> "an internal error occurred; it has been logged on the server";
			default -> status.getReasonPhrase().toLowerCase();
		};
		return ResponseEntity.status(status).body(Problems.of(status, message));
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
