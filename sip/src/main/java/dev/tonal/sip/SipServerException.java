package dev.tonal.sip;

/** The SIP server could not start or stop; the message says why. */
public class SipServerException extends RuntimeException {

	public SipServerException(String message, Throwable cause) {
		super(message, cause);
	}

}
