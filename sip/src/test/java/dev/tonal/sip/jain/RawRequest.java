package dev.tonal.sip.jain;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A SIP request written by hand, header by header, so a test can leave out, repeat or
 * spoil any part of it (the JAIN-SIP test phone only writes well-formed messages). Starts
 * as a well-formed request in the shape sipp's built-in UAC sends.
 */
final class RawRequest {

	private String requestLine;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private String body = "";

	private boolean automaticLength = true;

	/** The unique Via branch; responses echo it, so the test finds its own answer. */
	final String branch = "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");

	final String callId = UUID.randomUUID() + "@127.0.0.1";

	private RawRequest() {
	}

	/**
	 * A well-formed request to {@code user} at the server.
	 * @param transport {@code UDP} or {@code TCP}
	 * @param localPort where answers go (the Via sent-by)
	 */
	static RawRequest of(String method, String user, int serverPort, String transport, int localPort) {
		RawRequest r = new RawRequest();
		r.requestLine = method + " sip:" + user + "@127.0.0.1:" + serverPort + " SIP/2.0";
		r.headers.put("Via", "SIP/2.0/" + transport + " 127.0.0.1:" + localPort + ";branch=" + r.branch);
		r.headers.put("From", "sipp <sip:sipp@127.0.0.1:" + localPort + ">;tag=" + UUID.randomUUID());
		r.headers.put("To", user + " <sip:" + user + "@127.0.0.1:" + serverPort + ">");
		r.headers.put("Call-ID", r.callId);
		r.headers.put("CSeq", "1 " + method);
		r.headers.put("Contact", "sip:sipp@127.0.0.1:" + localPort + ";transport=" + transport.toLowerCase());
		r.headers.put("Max-Forwards", "70");
		return r;
	}

	RawRequest requestLine(String line) {
		this.requestLine = line;
		return this;
	}

	RawRequest without(String header) {
		this.headers.remove(header);
		return this;
	}

	/** Sets (or replaces) a header; {@code Content-Length} turns automatic length off. */
	RawRequest with(String header, String value) {
		if (header.equalsIgnoreCase("Content-Length")) {
			this.automaticLength = false;
		}
		this.headers.put(header, value);
		return this;
	}

	RawRequest sdp(String sdp) {
		this.headers.put("Content-Type", "application/sdp");
		this.body = sdp;
		return this;
	}

	/** An SDP offer in the shape sipp sends, with the given media lines. */
	static String sdpWith(String connection, String mediaLines) {
		return "v=0\r\no=user1 53655765 2353687637 IN IP4 127.0.0.1\r\ns=-\r\nc=" + connection + "\r\nt=0 0\r\n"
				+ mediaLines;
	}

	static String pcmuOffer(int rtpPort) {
		return sdpWith("IN IP4 127.0.0.1", "m=audio " + rtpPort + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");
	}

	String text() {
		StringBuilder out = new StringBuilder(this.requestLine).append("\r\n");
		this.headers.forEach((name, value) -> out.append(name).append(": ").append(value).append("\r\n"));
		if (this.automaticLength) {
			out.append("Content-Length: ").append(this.body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
		}
		return out.append("\r\n").append(this.body).toString();
	}

	byte[] bytes() {
		return text().getBytes(StandardCharsets.UTF_8);
	}

}
