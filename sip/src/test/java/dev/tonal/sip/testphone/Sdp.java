package dev.tonal.sip.testphone;

import java.net.InetSocketAddress;
import java.util.Map;

import dev.tonal.sip.sdp.SdpOffer;

/** SDP offers for tests, built from codec names in preference order. */
public final class Sdp {

	private static final Map<String, String> payloadTypes = Map.of("PCMU", "0", "PCMA", "8", "G729", "18",
			"telephone-event", "101");

	private Sdp() {
	}

	/**
	 * An audio offer from {@code 127.0.0.1:rtpPort}.
	 * @param codecs names among {@code PCMU}, {@code PCMA}, {@code G729},
	 * {@code telephone-event}
	 */
	public static String offer(int rtpPort, String... codecs) {
		return offer("127.0.0.1", rtpPort, "sendrecv", codecs);
	}

	/**
	 * An audio offer with an explicit address and direction ({@code sendonly} = hold).
	 */
	public static String offer(String address, int rtpPort, String direction, String... codecs) {
		StringBuilder formats = new StringBuilder();
		StringBuilder attributes = new StringBuilder();
		for (String codec : codecs) {
			String pt = payloadTypes.get(codec);
			if (pt == null) {
				throw new IllegalArgumentException("unknown codec " + codec + ", use one of " + payloadTypes.keySet());
			}
			formats.append(' ').append(pt);
			attributes.append("a=rtpmap:").append(pt).append(' ').append(codec).append("/8000\r\n");
		}
		return "v=0\r\n" + "o=phone 1 1 IN IP4 " + address + "\r\n" + "s=-\r\n" + "c=IN IP4 " + address + "\r\n"
				+ "t=0 0\r\n" + "m=audio " + rtpPort + " RTP/AVP" + formats + "\r\n" + attributes + "a=" + direction
				+ "\r\n";
	}

	/**
	 * The RTP address of the first audio stream of an SDP body (e.g. the server's
	 * answer).
	 */
	public static InetSocketAddress mediaAddress(String sdp) {
		return SdpOffer.parse(sdp).firstAudio().orElseThrow().rtpAddress();
	}

}
