package dev.tonal.sip;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tonal.media.codec.G711;
import dev.tonal.media.rtp.RtpPacket;
import dev.tonal.sip.testphone.PhoneCall;
import dev.tonal.sip.testphone.PhoneRtp;
import dev.tonal.sip.testphone.Sdp;
import dev.tonal.sip.testphone.TestPhone;
import dev.tonal.sip.testphone.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call's RTP end to end: the caller hears what the call plays; key presses by RTP
 * count.
 */
@Timeout(60)
@TestInstance(Lifecycle.PER_CLASS)
class CallMediaTest {

	private static final AtomicInteger ivrNumbers = new AtomicInteger();

	private final Map<String, CallListener> ivrs = new ConcurrentHashMap<>();

	private SipServer server;

	private TestPhone phone;

	private PhoneRtp rtp;

	private String ivrName;

	@BeforeAll
	void start() {
		this.server = SipServer.start(SipConfig.loopback().withRtpPorts(33000, 33999), (user,
				caller) -> this.ivrs.containsKey(user) ? Route.ivr(user, this.ivrs.get(user)) : Route.notFound());
		this.phone = TestPhone.start();
	}

	@AfterAll
	void stop() {
		this.phone.close();
		this.server.close();
	}

	@BeforeEach
	void openRtp() {
		this.ivrName = "media" + ivrNumbers.incrementAndGet();
		this.rtp = PhoneRtp.open();
	}

	@AfterEach
	void closeRtp() {
		this.rtp.close();
	}

	/** An IVR that plays {@code prompt} as soon as the call is up. */
	private RecordingListener playing(short[] prompt) {
		RecordingListener listener = new RecordingListener(true) {
			@Override
			public void answered(SipCall call) {
				super.answered(call);
				call.media().play(prompt, () -> recordEvent("played"));
			}
		};
		this.ivrs.put(this.ivrName, listener);
		return listener;
	}

	@Test
	void callerHearsThePromptExactlyAsG711FramesOf20ms() throws Exception {
		short[] prompt = ramp(8000);
		RecordingListener ivr = playing(prompt);
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP,
				Sdp.offer(this.rtp.port(), "PCMA", "telephone-event"));
		call.awaitAnswerAndAck();

		List<RtpPacket> packets = this.rtp.awaitPackets(50);

		assertThat(packets).allSatisfy((p) -> assertThat(p.payloadType()).isEqualTo(8))
			.allSatisfy((p) -> assertThat(p.payload()).hasSize(160));
		assertThat(packets.get(0).marker()).isTrue();
		ByteArrayOutputStream heard = new ByteArrayOutputStream();
		packets.stream()
			.sorted((a, b) -> Integer.compare(sequenceFromFirst(packets, a), sequenceFromFirst(packets, b)))
			.forEach((p) -> heard.writeBytes(p.payload()));
		assertThat(heard.toByteArray()).isEqualTo(G711.encode(G711.Law.ALAW, prompt, 0, prompt.length));
		assertThat(ivr.next()).isEqualTo("offered");
		assertThat(ivr.next()).isEqualTo("answered");
		assertThat(ivr.next()).isEqualTo("played");
		call.bye();
	}

	@Test
	void rule32_rfc4733KeyPressReachesTheListener() throws Exception {
		RecordingListener ivr = new RecordingListener(true);
		this.ivrs.put(this.ivrName, ivr);
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP,
				Sdp.offer(this.rtp.port(), "PCMU", "telephone-event"));
		InetSocketAddress server = Sdp.mediaAddress(call.awaitAnswerAndAck().body());
		assertThat(ivr.next()).isEqualTo("offered");
		assertThat(ivr.next()).isEqualTo("answered");

		this.rtp.sendKey('7', 101, server);

		assertThat(ivr.next()).isEqualTo("dtmf 7 RFC4733");
		call.bye();
	}

	@Test
	void rule32_everyTransportsReportOfAKeyReachesTheListenerForTheEngineToCountOnce() throws Exception {
		RecordingListener ivr = new RecordingListener(true);
		this.ivrs.put(this.ivrName, ivr);
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP,
				Sdp.offer(this.rtp.port(), "PCMU", "telephone-event"));
		InetSocketAddress server = Sdp.mediaAddress(call.awaitAnswerAndAck().body());
		assertThat(ivr.next()).isEqualTo("offered");
		assertThat(ivr.next()).isEqualTo("answered");

		this.rtp.sendKey('3', 101, server);
		call.sendDtmfInfo('3');
		call.sendDtmfInfo('4');

		// The RTP event and the INFO race each other; the INFOs keep their order.
		assertThat(List.of(ivr.next(), ivr.next(), ivr.next()))
			.containsExactlyInAnyOrder("dtmf 3 RFC4733", "dtmf 3 SIP_INFO", "dtmf 4 SIP_INFO")
			.containsSubsequence("dtmf 3 SIP_INFO", "dtmf 4 SIP_INFO");
		call.bye();
	}

	@Test
	void holdStopsOurAudioWithoutStoppingThePrompt() throws Exception {
		short[] prompt = ramp(1600);
		RecordingListener ivr = playing(prompt);
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP,
				Sdp.offer("127.0.0.1", this.rtp.port(), "sendonly", "PCMU"));
		call.awaitAnswerAndAck();

		assertThat(ivr.next()).isEqualTo("offered");
		assertThat(ivr.next()).isEqualTo("answered");
		assertThat(ivr.next()).isEqualTo("played");
		call.reInvite(Sdp.offer(this.rtp.port(), "PCMU"));
		ivr.awaitCall().media().play(prompt, () -> {
		});
		// Nothing was sent during hold: the first packet to arrive is the second prompt's
		// first.
		RtpPacket first = this.rtp.awaitPackets(1).get(0);
		assertThat(first.marker()).isTrue();
		assertThat(first.payload()).isEqualTo(G711.encode(G711.Law.ULAW, prompt, 0, 160));
		call.bye();
	}

	@Test
	void rule32_inBandToneIsAKeyPressWhenNoTelephoneEventWasNegotiated() throws Exception {
		RecordingListener ivr = new RecordingListener(true);
		this.ivrs.put(this.ivrName, ivr);
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP,
				Sdp.offer(this.rtp.port(), "PCMU"));
		InetSocketAddress server = Sdp.mediaAddress(call.awaitAnswerAndAck().body());
		assertThat(ivr.next()).isEqualTo("offered");
		assertThat(ivr.next()).isEqualTo("answered");

		// '7' is 852 Hz + 1209 Hz; 120 ms of tone between silences.
		this.rtp.sendAudio(concat(new short[800], tone(852, 1209, 960), new short[800]), G711.Law.ULAW, server);

		assertThat(ivr.next()).isEqualTo("dtmf 7 INBAND");
		call.bye();
	}

	private static short[] tone(double low, double high, int samples) {
		short[] audio = new short[samples];
		for (int i = 0; i < samples; i++) {
			double t = i / 8000.0;
			audio[i] = (short) (6000 * (Math.sin(2 * Math.PI * low * t) + Math.sin(2 * Math.PI * high * t)));
		}
		return audio;
	}

	private static short[] concat(short[]... parts) {
		int length = 0;
		for (short[] part : parts) {
			length += part.length;
		}
		short[] all = new short[length];
		int at = 0;
		for (short[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	/** Audio that differs in every frame, so a lost or reordered frame would show. */
	private static short[] ramp(int samples) {
		short[] audio = new short[samples];
		for (int i = 0; i < samples; i++) {
			audio[i] = (short) ((i * 37) % 20000 - 10000);
		}
		return audio;
	}

	private static int sequenceFromFirst(List<RtpPacket> packets, RtpPacket packet) {
		return (packet.sequenceNumber() - packets.get(0).sequenceNumber()) & 0xFFFF;
	}

}
