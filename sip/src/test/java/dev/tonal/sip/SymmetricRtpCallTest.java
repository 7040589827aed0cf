package dev.tonal.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
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
 * A call's RTP from a caller behind NAT or on a bad network: we send to where its RTP
 * comes from (symmetric RTP), a stray packet does not take the stream, and duplicated or
 * reordered packets are heard once.
 */
@Timeout(60)
@TestInstance(Lifecycle.PER_CLASS)
class SymmetricRtpCallTest {

	private static final AtomicInteger ivrNumbers = new AtomicInteger();

	/** Long enough to still be playing whatever the test does meanwhile. */
	private static final short[] LONG_PROMPT = new short[8000 * 30];

	private final Map<String, CallListener> ivrs = new ConcurrentHashMap<>();

	private SipServer server;

	private TestPhone phone;

	/** The address the caller's SDP gives. */
	private PhoneRtp offered;

	/** Where the caller's RTP really comes from (its NAT's public side). */
	private PhoneRtp natted;

	private String ivrName;

	@BeforeAll
	void start() {
		this.server = SipServer.start(SipConfig.loopback().withRtpPorts(34000, 34999), (user,
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
		this.ivrName = "symmetric" + ivrNumbers.incrementAndGet();
		this.offered = PhoneRtp.open();
		this.natted = PhoneRtp.open();
	}

	@AfterEach
	void closeRtp() {
		this.offered.close();
		this.natted.close();
	}

	private RecordingListener playingALongPrompt() {
		RecordingListener listener = new RecordingListener(true) {
			@Override
			public void answered(SipCall call) {
				super.answered(call);
				call.media().play(LONG_PROMPT, () -> recordEvent("played"));
			}

			@Override
			public void rtpLatched(SipCall call, InetSocketAddress source) {
				recordEvent("rtp from port " + source.getPort());
			}
		};
		this.ivrs.put(this.ivrName, listener);
		return listener;
	}

	@Test
	void callerWhoseRtpComesFromAnotherPortThanItsSdpSaysHearsThePromptThere() throws Exception {
		RecordingListener ivr = playingALongPrompt();
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP,
				Sdp.offer(this.offered.port(), "PCMU", "telephone-event"));
		InetSocketAddress server = Sdp.mediaAddress(call.awaitAnswerAndAck().body());
		assertThat(ivr.next()).isEqualTo("offered");
		assertThat(ivr.next()).isEqualTo("answered");
		// before the caller's RTP arrives, the SDP is all we know
		assertThat(this.offered.awaitPackets(1)).isNotEmpty();

		this.natted.sendAudio(new short[160], G711.Law.ULAW, server);

		assertThat(ivr.next()).isEqualTo("rtp from port " + this.natted.port());
		assertThat(this.natted.awaitPackets(3)).allSatisfy((p) -> assertThat(p.payloadType()).isZero());
		call.bye();
	}

	@Test
	void strayPacketFromAThirdAddressDoesNotTakeTheStream() throws Exception {
		RecordingListener ivr = playingALongPrompt();
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP,
				Sdp.offer(this.offered.port(), "PCMU", "telephone-event"));
		InetSocketAddress server = Sdp.mediaAddress(call.awaitAnswerAndAck().body());
		assertThat(ivr.next()).isEqualTo("offered");
		assertThat(ivr.next()).isEqualTo("answered");
		this.natted.sendAudio(new short[160], G711.Law.ULAW, server);
		assertThat(ivr.next()).isEqualTo("rtp from port " + this.natted.port());
		this.natted.awaitPackets(1);

		try (DatagramChannel stray = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
			// a key press too, of another source: it must not count either
			send(stray, RtpPacket.of(true, 101, 4000, 80_000, 0xBAD, new byte[] { 1, (byte) 0x8A, 0, (byte) 160 }),
					server);
			send(stray, RtpPacket.of(false, 0, 4001, 80_160, 0xBAD, new byte[160]), server);
			// The caller's own key, sent after the stray packets, is read after them.
			this.natted.sendKey('2', 101, server);
			assertThat(ivr.next()).isEqualTo("dtmf 2 RFC4733");

			this.natted.drain();
			assertThat(this.natted.awaitPackets(5)).allSatisfy((p) -> assertThat(p.payloadType()).isZero());
			stray.configureBlocking(false);
			assertThat(stray.receive(ByteBuffer.allocate(2048))).as("packets sent to the stray address").isNull();
		}
		call.bye();
	}

	@Test
	void rule32_duplicatedAndReorderedInBandToneIsOneKeyPress() throws Exception {
		RecordingListener ivr = new RecordingListener(true);
		this.ivrs.put(this.ivrName, ivr);
		PhoneCall call = this.phone.call(this.ivrName, this.server.port(), Transport.UDP,
				Sdp.offer(this.offered.port(), "PCMU"));
		InetSocketAddress server = Sdp.mediaAddress(call.awaitAnswerAndAck().body());
		assertThat(ivr.next()).isEqualTo("offered");
		assertThat(ivr.next()).isEqualTo("answered");
		// '7' (852 Hz + 1209 Hz): 100 ms of silence, 120 ms of tone, 200 ms of silence
		List<RtpPacket> seven = packets(concat(new short[800], tone(852, 1209, 960), new short[1600]), 100);
		List<RtpPacket> sent = new ArrayList<>(seven);
		// a network that swaps neighbours and doubles packets...
		swap(sent, 2, 3);
		swap(sent, 6, 7);
		sent.add(5, seven.get(5));
		sent.add(9, seven.get(8));
		// ...and delivers three tone packets again, late, amid the silence after the
		// tone:
		// 60 ms of tone that must not be a second press
		sent.addAll(17, List.of(seven.get(6), seven.get(7), seven.get(8)));

		try (DatagramChannel caller = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
			for (RtpPacket packet : sent) {
				send(caller, packet, server);
			}
			assertThat(ivr.next()).isEqualTo("dtmf 7 INBAND");
			// '1' (697 Hz + 1209 Hz) sent in order after it: the next key is this one
			for (RtpPacket packet : packets(concat(tone(697, 1209, 960), new short[1600]), 100 + seven.size())) {
				send(caller, packet, server);
			}
			assertThat(ivr.next()).isEqualTo("dtmf 1 INBAND");
		}
		call.bye();
	}

	private static void send(DatagramChannel channel, RtpPacket packet, InetSocketAddress to) throws IOException {
		channel.send(ByteBuffer.wrap(packet.toBytes()), to);
	}

	private static void swap(List<RtpPacket> packets, int i, int j) {
		packets.set(i, packets.set(j, packets.get(i)));
	}

	/** 20 ms PCMU packets of one stream, numbered from {@code firstSequence}. */
	private static List<RtpPacket> packets(short[] audio, int firstSequence) {
		List<RtpPacket> packets = new ArrayList<>();
		for (int i = 0; (i + 1) * 160 <= audio.length; i++) {
			packets.add(RtpPacket.of(false, 0, firstSequence + i, 160L * (firstSequence + i), 0x5EED,
					G711.encode(G711.Law.ULAW, audio, i * 160, 160)));
		}
		return packets;
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

}
