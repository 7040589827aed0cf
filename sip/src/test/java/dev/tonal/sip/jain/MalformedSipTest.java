package dev.tonal.sip.jain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tonal.sip.testphone.TestPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.tonal.sip.jain.RawSipPeer.DROP_WAIT;
import static dev.tonal.sip.jain.RawSipPeer.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile SIP against a running server over raw UDP and TCP sockets (issue
 * 12, part 1): every message gets the RFC 3261 answer or is dropped, and afterwards the
 * server still answers a normal call, with no call, transaction, dialog or thread left
 * behind and no stack trace in the log.
 */
@Timeout(120)
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedSipTest {

	/** Messages sent by this suite, for docs/reliability.md. */
	static final AtomicInteger sent = new AtomicInteger();

	private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

	private ServerUnderAttack target;

	/** For TCP connections only: each UDP exchange has a socket of its own. */
	private RawSipPeer peer;

	@BeforeAll
	void start() throws Exception {
		this.target = new ServerUnderAttack(32000, 32999);
		this.peer = new RawSipPeer(this.target.port());
	}

	@AfterAll
	void stop() {
		this.peer.close();
		this.target.close();
		System.out.println("MalformedSipTest: " + sent.get() + " hostile messages sent");
	}

	/**
	 * A well-formed request whose Via names {@code localPort}; over TCP the server
	 * answers on the connection whatever the Via port says (RFC 3261 §18.2.2).
	 */
	private RawRequest request(String method, String user, String transport, int localPort) {
		return RawRequest.of(method, user, this.target.port(), transport, localPort);
	}

	private RawRequest request(String method, String user, String transport) {
		return request(method, user, transport, (transport.equals("UDP") ? this.peer.udpPort() : 5));
	}

	private Optional<Integer> overUdp(RawRequest request, Duration wait) throws Exception {
		return overUdp(request.bytes(), request.branch, wait);
	}

	/**
	 * The final answer carrying {@code marker} (the branch: answers to earlier requests
	 * are not mixed in), or empty when dropped.
	 */
	private Optional<Integer> overUdp(byte[] bytes, String marker, Duration wait) throws Exception {
		sent.incrementAndGet();
		return this.peer.udpExchange(bytes, marker, wait).map(RawSipPeer::status);
	}

	/** The final answer over a fresh TCP connection, or empty when dropped. */
	private Optional<Integer> overTcp(RawRequest request, Duration wait) throws Exception {
		sent.incrementAndGet();
		try (RawSipPeer.Tcp tcp = this.peer.tcp()) {
			tcp.send(request.bytes());
			return tcp.await(request.branch, wait).map(RawSipPeer::status);
		}
	}

	/** The same spoiled request over UDP and over TCP: both must get the same answer. */
	private Optional<Integer> both(RawRequest udp, RawRequest tcp, Duration wait) throws Exception {
		Optional<Integer> overUdp = overUdp(udp, wait);
		Optional<Integer> overTcp = overTcp(tcp, wait);
		assertThat(overTcp).as("TCP answers as UDP does").isEqualTo(overUdp);
		return overUdp;
	}

	// ---- garbage and truncation

	@ParameterizedTest
	@ValueSource(strings = { "hello", "\r\n\r\n", "SIP/2.0", "INVITE", "INVITE sip:alive@127.0.0.1 SIP/2.0",
			"\u0000\u0001\u0002\u00ff", "GET / HTTP/1.1\r\nHost: x\r\n\r\n" })
	void garbageIsDropped(String garbage) throws Exception {
		byte[] bytes = garbage.getBytes(StandardCharsets.ISO_8859_1);
		try (RawSipPeer own = new RawSipPeer(this.target.port())) {
			sent.incrementAndGet();
			assertThat(own.udpExchange(bytes, "SIP/2.0 ", DROP_WAIT)).isEmpty();
		}
	}

	@Test
	void aRequestCutInTheMiddleOfItsHeadersIsDropped() throws Exception {
		RawRequest invite = request("INVITE", "alive", "UDP").sdp(RawRequest.pcmuOffer(40000));
		String text = invite.text();
		byte[] cut = text.substring(0, text.indexOf("CSeq") + 3).getBytes(StandardCharsets.UTF_8);

		assertThat(overUdp(cut, invite.branch, DROP_WAIT)).isEmpty();
	}

	// ---- missing mandatory headers (RFC 3261 §8.1.1)

	@Test
	void withoutViaThereIsNowhereToAnswerSoItIsDropped() throws Exception {
		assertThat(overUdp(request("OPTIONS", "alive", "UDP").without("Via"), DROP_WAIT)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Call-ID", "CSeq", "From", "To" })
	void withoutAMandatoryHeaderItIsAnswered400OrDropped(String header) throws Exception {
		Optional<Integer> udp = overUdp(
				request("INVITE", "alive", "UDP").without(header).sdp(RawRequest.pcmuOffer(40000)), DROP_WAIT);
		Optional<Integer> tcp = overTcp(
				request("INVITE", "alive", "TCP").without(header).sdp(RawRequest.pcmuOffer(40000)), DROP_WAIT);

		assertThat(udp.orElse(400)).isEqualTo(400);
		assertThat(tcp.orElse(400)).isEqualTo(400);
	}

	// ---- Content-Length (RFC 3261 §18.3, §20.14)

	@Test
	void contentLengthLongerThanTheDatagramIsAnswered400() throws Exception {
		RawRequest options = request("OPTIONS", "alive", "UDP").with("Content-Length", "500");

		assertThat(overUdp(options, ANSWER_WAIT)).contains(400);
	}

	@Test
	void contentLengthShorterThanTheDatagramCutsTheBodyAndTheRequestIsServed() throws Exception {
		RawRequest options = request("OPTIONS", "alive", "UDP").with("Content-Type", "text/plain")
			.with("Content-Length", "2");
		byte[] withBody = (options.text() + "hello").getBytes(StandardCharsets.UTF_8);

		assertThat(overUdp(withBody, options.branch, ANSWER_WAIT)).contains(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "abc", "99999999999999999999", "2147483648" })
	void aContentLengthThatIsNoLengthIsAnswered400(String length) throws Exception {
		assertThat(overUdp(request("OPTIONS", "alive", "UDP").with("Content-Length", length), ANSWER_WAIT))
			.contains(400);
	}

	@Test
	void aHugeContentLengthOverTcpMakesTheServerCloseTheConnection() throws Exception {
		try (RawSipPeer.Tcp tcp = this.peer.tcp()) {
			RawRequest options = request("OPTIONS", "alive", "TCP").with("Content-Length", "2000000000");
			tcp.send(options.bytes());
			sent.incrementAndGet();
			assertThat(tcp.closedByServer(ANSWER_WAIT)).isTrue();
		}
		assertThat(overTcp(request("OPTIONS", "alive", "TCP"), ANSWER_WAIT)).contains(200);
	}

	// ---- size (JainStacks: 64 KB per message at most)

	@Test
	void aMessageOver64KbOverTcpIsDroppedWithItsConnection() throws Exception {
		try (RawSipPeer.Tcp tcp = this.peer.tcp()) {
			RawRequest options = request("OPTIONS", "alive", "TCP").with("X-Big", "a".repeat(64 * 1024));
			tcp.send(options.bytes());
			sent.incrementAndGet();
			assertThat(tcp.await(options.branch, DROP_WAIT)).isEmpty();
		}
		assertThat(overTcp(request("OPTIONS", "alive", "TCP"), ANSWER_WAIT)).contains(200);
	}

	@Test
	void aLargeHeaderThatFitsTheLimitIsServed() throws Exception {
		RawRequest options = request("OPTIONS", "alive", "UDP").with("X-Big", "a".repeat(60_000));

		assertThat(overUdp(options, ANSWER_WAIT)).contains(200);
	}

	@Test
	void aThousandViaHeadersDoNotHurt() throws Exception {
		RawRequest options = request("OPTIONS", "alive", "UDP");
		StringBuilder vias = new StringBuilder(
				"SIP/2.0/UDP 127.0.0.1:" + this.peer.udpPort() + ";branch=" + options.branch);
		for (int i = 0; i < 1000; i++) {
			vias.append(", SIP/2.0/UDP 10.0.0.").append(i % 250).append(":5060;branch=z9hG4bK").append(i);
		}
		// Whatever the stack makes of it (it drops it), the next request is served.
		overUdp(options.with("Via", vias.toString()), DROP_WAIT);
		assertThat(overUdp(request("OPTIONS", "alive", "UDP"), ANSWER_WAIT)).contains(200);
	}

	// ---- Max-Forwards and methods

	@Test
	void maxForwardsZeroReachingUsIsServedBecauseWeAreTheUasNotAProxy() throws Exception {
		// RFC 3261 §16.3 (483 Too Many Hops) binds proxies; the UAS is the request's end.
		assertThat(overUdp(request("OPTIONS", "alive", "UDP").with("Max-Forwards", "0"), ANSWER_WAIT)).contains(200);
		assertThat(
				overUdp(request("INVITE", "nobody", "UDP").with("Max-Forwards", "0").sdp(RawRequest.pcmuOffer(40000)),
						ANSWER_WAIT))
			.contains(404);
	}

	@Test
	void anUnknownMethodIsAnswered501() throws Exception {
		assertThat(both(request("FOOBAR", "alive", "UDP"), request("FOOBAR", "alive", "TCP"), ANSWER_WAIT))
			.contains(501);
	}

	@ParameterizedTest
	@ValueSource(strings = { "SUBSCRIBE", "MESSAGE", "REFER", "PUBLISH" })
	void aKnownMethodWeDoNotServeIsAnswered405(String method) throws Exception {
		assertThat(both(request(method, "alive", "UDP"), request(method, "alive", "TCP"), ANSWER_WAIT)).contains(405);
	}

	@ParameterizedTest
	@ValueSource(strings = { "NOTIFY", "UPDATE", "PRACK" })
	void aMethodThatOnlyLivesInADialogIsAnswered481Outside(String method) throws Exception {
		assertThat(both(request(method, "alive", "UDP"), request(method, "alive", "TCP"), ANSWER_WAIT)).contains(481);
	}

	// ---- requests for dialogs that do not exist (RFC 3261 §12.2.2, §9.2, §17.2.3)

	@ParameterizedTest
	@ValueSource(strings = { "BYE", "CANCEL", "INFO" })
	void aRequestForAnUnknownDialogIsAnswered481(String method) throws Exception {
		RawRequest udp = request(method, "alive", "UDP").with("To", "alive <sip:alive@127.0.0.1>;tag=nosuchdialog");
		RawRequest tcp = request(method, "alive", "TCP").with("To", "alive <sip:alive@127.0.0.1>;tag=nosuchdialog");

		assertThat(both(udp, tcp, ANSWER_WAIT)).contains(481);
	}

	@Test
	void anAckForAnUnknownDialogIsAbsorbed() throws Exception {
		RawRequest ack = request("ACK", "alive", "UDP").with("To", "alive <sip:alive@127.0.0.1>;tag=nosuchdialog");

		assertThat(overUdp(ack, DROP_WAIT)).isEmpty();
	}

	// ---- broken SDP (RFC 3261 §13.3.1.1: 488 when the offer cannot be accepted)

	@ParameterizedTest
	@ValueSource(strings = { "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n",
			"m=audio 40000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n", "m=audio 99999 RTP/AVP 0\r\n",
			"m=audio -1 RTP/AVP 0\r\n", "m=audio abc RTP/AVP 0\r\n", "m=audio 40000 RTP/AVP\r\n",
			"m=audio 40000 RTP/SAVP 0\r\n", "m=video 40000 RTP/AVP 0\r\n", "garbage\r\n\u0000\u0001" })
	void anOfferWithNoUsableAudioIsAnswered488(String media) throws Exception {
		String sdp = media.startsWith("v=") ? media : RawRequest.sdpWith("IN IP4 127.0.0.1", media);
		RawRequest udp = request("INVITE", "alive", "UDP").sdp(sdp);
		RawRequest tcp = request("INVITE", "alive", "TCP").sdp(sdp);

		assertThat(both(udp, tcp, ANSWER_WAIT)).as(media).contains(488);
	}

	@ParameterizedTest
	@ValueSource(strings = { "IN IP4 999.1.1.1", "IN IP4 ", "IN IP6 :::::", "IN IP4 host.invalid", "XX YY ZZ" })
	void anOfferWithABadConnectionAddressIsAnswered488(String connection) throws Exception {
		String sdp = RawRequest.sdpWith(connection, "m=audio 40000 RTP/AVP 0\r\n");
		RawRequest udp = request("INVITE", "alive", "UDP").sdp(sdp);
		RawRequest tcp = request("INVITE", "alive", "TCP").sdp(sdp);

		assertThat(both(udp, tcp, ANSWER_WAIT)).as(connection).contains(488);
	}

	@Test
	void anOfferWithThousandsOfMediaLinesIsAnswered() throws Exception {
		String lines = "m=audio 40000 RTP/AVP 18\r\n".repeat(2000);
		RawRequest udp = request("INVITE", "alive", "UDP").sdp(RawRequest.sdpWith("IN IP4 127.0.0.1", lines));
		RawRequest tcp = request("INVITE", "alive", "TCP").sdp(RawRequest.sdpWith("IN IP4 127.0.0.1", lines));

		assertThat(both(udp, tcp, ANSWER_WAIT)).contains(488);
	}

	// ---- TCP framing and slow peers

	@Test
	void aMessageSplitAcrossTcpSegmentsIsServed() throws Exception {
		try (RawSipPeer.Tcp tcp = this.peer.tcp()) {
			RawRequest options = request("OPTIONS", "alive", "TCP");
			tcp.sendInPieces(options.bytes(), 7, Duration.ofMillis(60));
			sent.incrementAndGet();
			assertThat(tcp.await(options.branch, ANSWER_WAIT).map(RawSipPeer::status)).contains(200);
		}
	}

	@Test
	void twoMessagesInOneTcpSegmentAreBothServed() throws Exception {
		try (RawSipPeer.Tcp tcp = this.peer.tcp()) {
			RawRequest first = request("OPTIONS", "alive", "TCP");
			RawRequest second = request("OPTIONS", "alive", "TCP");
			tcp.send(RawSipPeer.joined(List.of(first, second)));
			sent.addAndGet(2);
			assertThat(tcp.await(first.branch, ANSWER_WAIT).map(RawSipPeer::status)).contains(200);
			assertThat(tcp.await(second.branch, ANSWER_WAIT).map(RawSipPeer::status)).contains(200);
		}
	}

	@Test
	void slowPeersTrickleBytesAndTheServerStillAnswersOthers() throws Exception {
		List<RawSipPeer.Tcp> slow = new ArrayList<>();
		try {
			for (int i = 0; i < 30; i++) {
				slow.add(this.peer.tcp());
			}
			byte[] message = request("OPTIONS", "alive", "TCP").bytes();
			for (int second = 0; second < 4; second++) {
				for (RawSipPeer.Tcp connection : slow) {
					connection.send(new byte[] { message[second] });
				}
				assertThat(overTcp(request("OPTIONS", "alive", "TCP"), ANSWER_WAIT)).contains(200);
				assertThat(overUdp(request("OPTIONS", "alive", "UDP"), ANSWER_WAIT)).contains(200);
				Thread.sleep(1000);
			}
			sent.addAndGet(slow.size());
		}
		finally {
			for (RawSipPeer.Tcp connection : slow) {
				connection.close();
			}
		}
	}

	// ---- afterwards

	@Test
	@Order(Integer.MAX_VALUE)
	void afterAllOfItTheServerAnswersANormalCallAndLeftNothingBehind() throws Exception {
		try (TestPhone phone = TestPhone.start()) {
			this.target.assertSurvived(phone);
		}
	}

}
