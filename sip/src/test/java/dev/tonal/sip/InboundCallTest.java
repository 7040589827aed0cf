package dev.tonal.sip;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tonal.sip.sdp.MediaDirection;
import dev.tonal.sip.testphone.PhoneCall;
import dev.tonal.sip.testphone.Reply;
import dev.tonal.sip.testphone.Sdp;
import dev.tonal.sip.testphone.TestPhone;
import dev.tonal.sip.testphone.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inbound calls end to end over loopback: the test phone calls a real {@link SipServer}
 * (semantics rules 1, 2, 30 and 32; the SIP runtime issue).
 */
@Timeout(60)
@TestInstance(Lifecycle.PER_CLASS)
class InboundCallTest {

	private static final AtomicInteger ivrNumbers = new AtomicInteger();

	private final Map<String, CallListener> ivrs = new ConcurrentHashMap<>();

	private SipServer server;

	private TestPhone phone;

	/** The name the current test's IVR is reached by (unique: the server is shared). */
	private String ivrName;

	// One server and one phone for all tests: stopping a JAIN-SIP stack takes about a
	// second.
	@BeforeAll
	void start() {
		CallRouter router = (user, caller) -> switch (user) {
			case "blocked" -> Route.blocked();
			default -> {
				CallListener listener = this.ivrs.get(user);
				yield (listener != null) ? Route.ivr(user, listener) : Route.notFound();
			}
		};
		this.server = SipServer.start(SipConfig.loopback().withRtpPorts(31000, 31999), router);
		this.phone = TestPhone.start();
	}

	@BeforeEach
	void nameThisTestsIvr() {
		this.ivrName = "ivr" + ivrNumbers.incrementAndGet();
	}

	@AfterAll
	void stop() {
		this.phone.close();
		this.server.close();
	}

	private <T extends CallListener> T ivr(T listener) {
		this.ivrs.put(this.ivrName, listener);
		return listener;
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void optionsPingIsAnswered200(Transport transport) {
		Reply reply = this.phone.options(this.server.port(), transport);

		assertThat(reply.status()).isEqualTo(200);
	}

	@Test
	void rule01_unknownTargetIsRejected404() {
		PhoneCall call = this.phone.call("nobody", this.server.port(), Transport.UDP, Sdp.offer(40000, "PCMU"));

		assertThat(call.awaitFinal().status()).isEqualTo(404);
	}

	@Test
	void rule01_blockedTargetIsRejected403() {
		PhoneCall call = this.phone.call("blocked", this.server.port(), Transport.UDP, Sdp.offer(40000, "PCMU"));

		assertThat(call.awaitFinal().status()).isEqualTo(403);
	}

	@Test
	void rule02_pcmaOnlyOfferIsAnsweredWithPcmaOnAnEvenPortOfTheRange() throws Exception {
		RecordingListener ivr = ivr(RecordingListener.answering());

		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP,
				Sdp.offer(40000, "PCMA", "telephone-event"));
		Reply ok = call.awaitAnswerAndAck();

		assertThat(ok.contentType()).isEqualTo("application/sdp");
		assertThat(ok.body()).contains("c=IN IP4 127.0.0.1", "a=rtpmap:8 PCMA/8000",
				"a=rtpmap:101 telephone-event/8000", "a=sendrecv");
		int port = ivr.awaitCall().rtp().port();
		assertThat(ok.body()).contains("m=audio " + port + " RTP/AVP 8 101");
		assertThat(port).isBetween(31000, 31999).isEven();
		assertThat(ivr.awaitCall().remoteMedia().address().getPort()).isEqualTo(40000);
		call.bye();
	}

	@Test
	void rule02_firstG711InOfferOrderIsChosen() throws Exception {
		ivr(RecordingListener.answering());

		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP,
				Sdp.offer(40000, "G729", "PCMU", "PCMA"));

		assertThat(call.awaitAnswerAndAck().body()).containsPattern("m=audio \\d+ RTP/AVP 0\r\n")
			.contains("a=rtpmap:0 PCMU/8000")
			.doesNotContain("PCMA");
		call.bye();
	}

	@Test
	void rule02_offerWithoutG711IsRejected488AndTheIvrIsNotOffered() throws Exception {
		RecordingListener ivr = ivr(RecordingListener.answering());

		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP, Sdp.offer(40000, "G729"));

		assertThat(call.awaitFinal().status()).isEqualTo(488);
		assertThat(ivr.next()).isEqualTo("ended WE_HUNG_UP");
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void rule32_fullCall_answerAckInfoDigitAndCallerBye(Transport transport) throws Exception {
		RecordingListener ivr = ivr(RecordingListener.answering());

		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), transport, Sdp.offer(40000, "PCMU", "PCMA"));
		assertThat(call.awaitReply().status()).isEqualTo(100);
		assertThat(call.awaitReply().status()).isEqualTo(180);
		call.awaitAnswerAndAck();
		assertThat(ivr.next()).isEqualTo("offered");
		assertThat(ivr.next()).isEqualTo("answered");

		assertThat(call.sendDtmfInfo('5').status()).isEqualTo(200);
		assertThat(ivr.next()).isEqualTo("dtmf 5 SIP_INFO");

		assertThat(call.bye().status()).isEqualTo(200);
		assertThat(ivr.next()).isEqualTo("ended CALLER_HUNG_UP");
		assertThat(ivr.awaitCall().rtp().isClosed()).isTrue();
		assertThat(ivr.awaitCall().endReason()).contains(CallEndReason.CALLER_HUNG_UP);
	}

	@Test
	void rule32_infoWithApplicationDtmfIsADigitToo() throws Exception {
		RecordingListener ivr = ivr(RecordingListener.answering());
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP, Sdp.offer(40000, "PCMU"));
		call.awaitAnswerAndAck();

		assertThat(call.info("application", "dtmf", "#").status()).isEqualTo(200);

		assertThat(ivr.next()).isEqualTo("offered");
		assertThat(ivr.next()).isEqualTo("answered");
		assertThat(ivr.next()).isEqualTo("dtmf # SIP_INFO");
		call.bye();
	}

	@Test
	void infoWithAnotherContentTypeIsRefused415() {
		ivr(RecordingListener.answering());
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP, Sdp.offer(40000, "PCMU"));
		call.awaitAnswerAndAck();

		assertThat(call.info("text", "plain", "hello").status()).isEqualTo(415);
		call.bye();
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void serverHangsUpWithBye(Transport transport) throws Exception {
		RecordingListener ivr = ivr(RecordingListener.answering());
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), transport, Sdp.offer(40000, "PCMU"));
		call.awaitAnswerAndAck();
		assertThat(ivr.next()).isEqualTo("offered");
		assertThat(ivr.next()).isEqualTo("answered");

		ivr.awaitCall().hangUp();

		call.awaitByeFromServer();
		assertThat(ivr.next()).isEqualTo("ended WE_HUNG_UP");
		assertThat(ivr.awaitCall().endReason()).contains(CallEndReason.WE_HUNG_UP);
	}

	@Test
	void callerCancelsBeforeAnswer_inviteGets487() throws Exception {
		RecordingListener ivr = ivr(RecordingListener.ringingOnly());
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP, Sdp.offer(40000, "PCMU"));
		assertThat(call.awaitRinging().status()).isEqualTo(180);
		assertThat(ivr.next()).isEqualTo("offered");

		assertThat(call.cancel().status()).isEqualTo(200);

		assertThat(call.awaitFinal().status()).isEqualTo(487);
		assertThat(ivr.next()).isEqualTo("ended CALLER_CANCELLED");
		assertThat(ivr.awaitCall().rtp().isClosed()).isTrue();
	}

	@Test
	void ivrAnswersOnDemand() throws Exception {
		RecordingListener ivr = ivr(RecordingListener.ringingOnly());
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.TCP, Sdp.offer(40000, "PCMU"));
		assertThat(call.awaitRinging().status()).isEqualTo(180);

		ivr.awaitCall().answer();

		assertThat(call.awaitAnswerAndAck().status()).isEqualTo(200);
		call.bye();
	}

	@Test
	void ivrRefusingTheCallBeforeAnswerSends480() throws Exception {
		RecordingListener ivr = ivr(RecordingListener.ringingOnly());
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP, Sdp.offer(40000, "PCMU"));
		assertThat(call.awaitRinging().status()).isEqualTo(180);

		ivr.awaitCall().hangUp();

		assertThat(call.awaitFinal().status()).isEqualTo(480);
	}

	@Test
	void reInviteForHoldAndNewAddressKeepsTheCodecAndTellsTheListener() throws Exception {
		RecordingListener ivr = ivr(RecordingListener.answering());
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP,
				Sdp.offer(40000, "PCMA", "telephone-event"));
		Reply first = call.awaitAnswerAndAck();
		assertThat(ivr.next()).isEqualTo("offered");
		assertThat(ivr.next()).isEqualTo("answered");

		Reply hold = call.reInvite(Sdp.offer("127.0.0.1", 40002, "sendonly", "PCMU", "PCMA", "telephone-event"));

		assertThat(hold.status()).isEqualTo(200);
		assertThat(hold.body()).contains("a=rtpmap:8 PCMA/8000", "a=recvonly")
			.contains(first.body().lines().filter((l) -> l.startsWith("m=")).findFirst().orElseThrow());
		assertThat(ivr.next()).isEqualTo("media 40002 " + MediaDirection.SENDONLY);
		RemoteMedia media = ivr.awaitCall().remoteMedia();
		assertThat(media.wantsOurAudio()).isFalse();

		Reply resume = call.reInvite(Sdp.offer(40002, "PCMA", "telephone-event"));
		assertThat(resume.body()).contains("a=sendrecv");
		assertThat(ivr.next()).isEqualTo("media 40002 " + MediaDirection.SENDRECV);
		call.bye();
	}

	@Test
	void sameAnswerForAnUnchangedReInvite() throws Exception {
		ivr(RecordingListener.answering());
		String offer = Sdp.offer(40000, "PCMU");
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP, offer);
		Reply first = call.awaitAnswerAndAck();

		Reply again = call.reInvite(offer);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		call.bye();
	}

	@Test
	void recordRouteOfAProxyIsCopiedInto200() throws Exception {
		RecordingListener ivr = ivr(RecordingListener.answering());
		// A "proxy" on the server's own address keeps in-dialog requests on loopback.
		String route = "<sip:127.0.0.1:" + this.server.port() + ";transport=udp;lr>";
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP, "100",
				Sdp.offer(40000, "PCMU"), "Record-Route: " + route);

		Reply ok = call.awaitAnswerAndAck();

		assertThat(ok.header("Record-Route")).containsExactly(route);
		assertThat(call.bye().status()).isEqualTo(200);
		assertThat(ivr.next()).isEqualTo("offered");
		assertThat(ivr.next()).isEqualTo("answered");
		assertThat(ivr.next()).isEqualTo("ended CALLER_HUNG_UP");
	}

	@Test
	void callerInfoComesFromTheInvite() throws Exception {
		RecordingListener ivr = ivr(RecordingListener.answering());
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.TCP, "79161234567",
				Sdp.offer(40000, "PCMU"));
		call.awaitAnswerAndAck();

		SipCall sipCall = ivr.awaitCall();
		assertThat(sipCall.calledUser()).isEqualTo(this.ivrName);
		assertThat(sipCall.caller().number()).isEqualTo("79161234567");
		assertThat(sipCall.caller().name()).isEqualTo("Test Phone");
		assertThat(sipCall.caller().transport()).isEqualTo("tcp");
		assertThat(sipCall.caller().source().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
		call.bye();
	}

	@Test
	void inviteWithoutSdpGetsOurOfferAndTheAckCarriesTheCallersAnswer() throws Exception {
		RecordingListener ivr = ivr(RecordingListener.answering());
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP, "");

		Reply ok = call.awaitFinal();
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.body()).containsPattern("m=audio \\d+ RTP/AVP 0 101\r\n");
		assertThat(ivr.awaitCall().remoteMedia().wantsOurAudio()).isFalse();
		call.ack(Sdp.offer(40004, "PCMU", "telephone-event"));

		assertThat(ivr.next()).isEqualTo("offered");
		assertThat(ivr.next()).isEqualTo("answered");
		assertThat(ivr.awaitCall().remoteMedia().address().getPort()).isEqualTo(40004);
		assertThat(ivr.awaitCall().remoteMedia().wantsOurAudio()).isTrue();
		call.bye();
	}

	@Test
	void anIvrThatFailsToTakeTheCallRefusesIt480() {
		ivr(new RecordingListener.Failing());
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP, Sdp.offer(40000, "PCMU"));

		assertThat(call.awaitFinal().status()).isEqualTo(480);
	}

	@Test
	void rule32_infoWithADtmfTypeButNoKeyIsRefused400() {
		ivr(RecordingListener.answering());
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP, Sdp.offer(40000, "PCMU"));
		call.awaitAnswerAndAck();

		assertThat(call.info("application", "dtmf-relay", "Duration=160").status()).isEqualTo(400);
		call.bye();
	}

}
