package dev.tonal.sip.sdp;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * One {@code m=} section of an SDP offer.
 *
 * @param type {@code audio}, {@code video}, ...
 * @param port the RTP port ({@code 0} = rejected/disabled)
 * @param protocol e.g. {@code RTP/AVP}
 * @param formats the payload types in offer (preference) order, as written
 * @param rtpmaps {@code a=rtpmap} encodings by payload type, e.g.
 * {@code 101 -> telephone-event/8000}
 * @param connection the effective {@code c=} address (media-level, else session-level)
 * @param direction the effective direction attribute (media-level, else session-level)
 */
public record MediaLine(String type, int port, String protocol, List<String> formats, Map<Integer, String> rtpmaps,
		String connection, MediaDirection direction) {

	public MediaLine {
		formats = List.copyOf(formats);
		rtpmaps = Map.copyOf(rtpmaps);
	}

	/** The address RTP for this section goes to. */
	public InetSocketAddress rtpAddress() {
		return new InetSocketAddress((this.connection != null) ? this.connection : "0.0.0.0", this.port);
	}

	/** Whether the section is plain RTP (not SRTP or another transport). */
	public boolean isPlainRtp() {
		return this.protocol.equals("RTP/AVP") || this.protocol.equals("RTP/AVPF");
	}

}
