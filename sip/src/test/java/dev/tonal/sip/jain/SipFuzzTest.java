package dev.tonal.sip.jain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tonal.sip.testphone.TestPhone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seeded fuzzer against a running server (issue 12, part 1): a few thousand mutations
 * of real messages (sipp's built-in UAC and a softphone REGISTER) over UDP and TCP. The
 * server may answer each or drop it; afterwards it must still answer a normal call, with
 * nothing left behind and no stack trace or line per message in the log.
 */
@Timeout(180)
class SipFuzzTest {

	static final long SEED = 20261203L;

	static final int UDP_MESSAGES = 3000;

	static final int TCP_MESSAGES = 400;

	/** Real messages, with our addresses filled in (sipp -sd uac; a baresip REGISTER). */
	private static List<String> captured(int serverPort, String transport, int localPort) {
		String local = "127.0.0.1:" + localPort;
		String remote = "127.0.0.1:" + serverPort;
		String via = "Via: SIP/2.0/" + transport + " " + local + ";branch=z9hG4bK-fuzz-";
		String sdp = "v=0\r\no=user1 53655765 2353687637 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
				+ "m=audio 6000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
		String dialog = "From: sipp <sip:sipp@" + local + ">;tag=1SIPpTag001\r\nTo: fuzz <sip:fuzz@" + remote
				+ ">\r\nCall-ID: 1-fuzz@127.0.0.1\r\n";
		return List.of(
				"INVITE sip:fuzz@" + remote + " SIP/2.0\r\n" + via + "1\r\n" + dialog
						+ "CSeq: 1 INVITE\r\nContact: sip:sipp@" + local + "\r\nMax-Forwards: 70\r\n"
						+ "Subject: Performance Test\r\nContent-Type: application/sdp\r\nContent-Length: "
						+ sdp.length() + "\r\n\r\n" + sdp,
				"ACK sip:fuzz@" + remote + " SIP/2.0\r\n" + via + "2\r\n"
						+ dialog.replace(">\r\nCall", ">;tag=x\r\nCall") + "CSeq: 1 ACK\r\nContact: sip:sipp@" + local
						+ "\r\nMax-Forwards: 70\r\n" + "Subject: Performance Test\r\nContent-Length: 0\r\n\r\n",
				"BYE sip:fuzz@" + remote + " SIP/2.0\r\n" + via + "3\r\n"
						+ dialog.replace(">\r\nCall", ">;tag=x\r\nCall") + "CSeq: 2 BYE\r\nContact: sip:sipp@" + local
						+ "\r\nMax-Forwards: 70\r\n" + "Subject: Performance Test\r\nContent-Length: 0\r\n\r\n",
				"OPTIONS sip:fuzz@" + remote + " SIP/2.0\r\n" + via + "4\r\n" + dialog
						+ "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nAccept: application/sdp\r\nContent-Length: 0\r\n\r\n",
				"REGISTER sip:127.0.0.1 SIP/2.0\r\n" + via + "5;rport\r\nContact: <sip:100-0x55@" + local
						+ ";transport=" + transport.toLowerCase() + ">;expires=3600\r\nMax-Forwards: 70\r\n"
						+ "To: <sip:100@127.0.0.1>\r\nFrom: <sip:100@127.0.0.1>;tag=8d3bf2c0\r\n"
						+ "Call-ID: 6c5b4a3f2e1d@127.0.0.1\r\nCSeq: 30153 REGISTER\r\n"
						+ "User-Agent: baresip v1.0.0 (x86_64/linux)\r\n"
						+ "Allow: INVITE,ACK,BYE,CANCEL,OPTIONS,NOTIFY,SUBSCRIBE,INFO,MESSAGE,UPDATE\r\n"
						+ "Content-Length: 0\r\n\r\n");
	}

	@Test
	void thousandsOfMutatedMessagesAreAnsweredOrDroppedAndTheServerLivesOn() throws Exception {
		SipMutator mutator = new SipMutator(SEED);
		Map<String, Integer> answers = new TreeMap<>();
		try (ServerUnderAttack target = new ServerUnderAttack(33000, 33999);
				RawSipPeer peer = new RawSipPeer(target.port())) {
			List<String> seeds = captured(target.port(), "UDP", peer.udpPort());
			String sentBy = "127.0.0.1:" + peer.udpPort();
			for (int i = 0; i < UDP_MESSAGES; i++) {
				peer.sendUdp(mutator.mutate(seeds.get(i % seeds.size()), sentBy));
				if (i % 50 == 0) {
					Thread.sleep(5); // let the socket buffers drain: we test parsing, not
										// UDP loss
				}
			}
			// whatever comes back within a second: answered; the rest was dropped
			int answered = 0;
			while (peer.awaitUdp("SIP/2.0", Duration.ofSeconds(1)).isPresent()) {
				answered++;
			}
			answers.put("udp answers (incl. retransmissions)", answered);
			int tcpClosed = 0;
			for (int i = 0; i < TCP_MESSAGES; i += 10) {
				try (RawSipPeer.Tcp tcp = peer.tcp()) {
					List<String> tcpSeeds = captured(target.port(), "TCP", tcp.localPort());
					for (int j = i; j < i + 10; j++) {
						tcp.send(mutator.mutate(tcpSeeds.get(j % tcpSeeds.size()), "127.0.0.1:" + tcp.localPort()));
					}
					if (tcp.closedByServer(Duration.ofMillis(200))) {
						tcpClosed++;
					}
				}
				catch (java.net.SocketException closedWhileWriting) {
					tcpClosed++;
				}
			}
			answers.put("tcp connections closed by the server", tcpClosed);
			System.out.println("SipFuzzTest: seed " + SEED + ", " + UDP_MESSAGES + " UDP + " + TCP_MESSAGES
					+ " TCP mutated messages; " + answers);
			try (TestPhone phone = TestPhone.start()) {
				target.assertSurvived(phone);
			}
		}
	}

}
