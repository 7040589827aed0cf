package dev.tonal.media.rtp;

/**
 * A datagram that is not a valid RTP packet. Receivers drop such packets (and may count
 * them); the message says what is wrong, for logs.
 */
public class MalformedRtpException extends Exception {

	public MalformedRtpException(String message) {
		super(message);
	}

}
