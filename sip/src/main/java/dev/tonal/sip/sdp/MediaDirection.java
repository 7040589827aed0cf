package dev.tonal.sip.sdp;

/** An SDP media direction attribute (RFC 3264 §6.1), seen from the side that wrote it. */
public enum MediaDirection {

	SENDRECV, SENDONLY, RECVONLY, INACTIVE;

	/** Whether the writer of the SDP wants to receive media. */
	public boolean receives() {
		return this == SENDRECV || this == RECVONLY;
	}

	/** Whether the writer of the SDP will send media. */
	public boolean sends() {
		return this == SENDRECV || this == SENDONLY;
	}

	/** The direction an answerer uses for this offered direction. */
	public MediaDirection answer() {
		return switch (this) {
			case SENDRECV -> SENDRECV;
			case SENDONLY -> RECVONLY;
			case RECVONLY -> SENDONLY;
			case INACTIVE -> INACTIVE;
		};
	}

	/** The SDP attribute name, e.g. {@code sendrecv}. */
	public String attribute() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
