package dev.tonal.sip.testphone;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SIP response as the test phone saw it.
 *
 * @param status the status code
 * @param reason the reason phrase
 * @param contentType the Content-Type ({@code ""} when there is no body)
 * @param body the body text ({@code ""} when none)
 * @param headers header values by lower-case name, in message order
 */
public record Reply(int status, String reason, String contentType, String body, Map<String, List<String>> headers) {

	/** A reply the phone made up itself (e.g. a timeout), with no headers. */
	static Reply local(int status, String reason) {
		return new Reply(status, reason, "", "", Map.of());
	}

	/** The values of a header, e.g. {@code header("Record-Route")}. */
	public List<String> header(String name) {
		return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
	}

	/** Whether this is a final (non-1xx) response. */
	public boolean isFinal() {
		return this.status >= 200;
	}

}
