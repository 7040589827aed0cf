package dev.tonal.sip.testphone;

/**
 * A SIP response as the test phone saw it.
 *
 * @param status the status code
 * @param reason the reason phrase
 * @param contentType the Content-Type ({@code ""} when there is no body)
 * @param body the body text ({@code ""} when none)
 */
public record Reply(int status, String reason, String contentType, String body) {

	/** Whether this is a final (non-1xx) response. */
	public boolean isFinal() {
		return this.status >= 200;
	}

}
