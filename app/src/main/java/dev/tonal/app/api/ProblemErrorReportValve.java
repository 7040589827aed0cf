package dev.tonal.app.api;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report for failures that never reach the application (a malformed URL or
 * request line, a header too large): a problem document instead of Tomcat's HTML page.
 * Installed by the web configuration as the host's error report valve.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		// As the base class: only errors, only when nothing was written, only once.
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String message = (known == HttpStatus.BAD_REQUEST)
				? "the request is malformed (check the URL's percent-encoding and the headers)"
				: (known != null) ? known.getReasonPhrase().toLowerCase() : "request failed";
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(Problems.json(Problems.of(HttpStatusCode.valueOf(status), message)));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is committed: nothing more can be said.
		}
	}

}
