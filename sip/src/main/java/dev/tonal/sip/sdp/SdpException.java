package dev.tonal.sip.sdp;

/** An SDP body that cannot be read; the message says what is wrong. */
public class SdpException extends IllegalArgumentException {

	public SdpException(String message) {
		super(message);
	}

}
