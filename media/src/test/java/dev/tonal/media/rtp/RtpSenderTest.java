package dev.tonal.media.rtp;

import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.tonal.media.codec.G711;

import static org.assertj.core.api.Assertions.assertThat;

/** Sending: 20 ms frames with consecutive sequence numbers, timestamps and markers. */
class RtpSenderTest {

	@Test
	void eachFrameAdvancesTheSequenceByOneAndTheTimestampBy160() {
		RtpSender sender = new RtpSender(7, 100, 1000);

		RtpPacket first = sender.audio(0, new byte[160]);
		RtpPacket second = sender.audio(0, new byte[160]);

		assertThat(first.sequenceNumber()).isEqualTo(100);
		assertThat(first.timestamp()).isEqualTo(1000);
		assertThat(second.sequenceNumber()).isEqualTo(101);
		assertThat(second.timestamp()).isEqualTo(1160);
		assertThat(second.ssrc()).isEqualTo(7);
	}

	@Test
	void theMarkerStartsTheStreamAndEachTalkspurtAfterSilence() {
		RtpSender sender = new RtpSender(7, 0, 0);

		boolean first = sender.audio(0, new byte[160]).marker();
		boolean second = sender.audio(0, new byte[160]).marker();
		sender.skip();
		sender.skip();
		RtpPacket resumed = sender.audio(0, new byte[160]);

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(resumed.marker()).isTrue();
		// skipped slots keep the clock running but use no sequence numbers
		assertThat(resumed.sequenceNumber()).isEqualTo(2);
		assertThat(resumed.timestamp()).isEqualTo(4 * 160);
	}

	@Test
	void sequenceAndTimestampWrapAround() {
		RtpSender sender = new RtpSender(7, 65535, 0xFFFFFFFFL - 159);

		sender.audio(0, new byte[160]);
		RtpPacket wrapped = sender.audio(0, new byte[160]);

		assertThat(wrapped.sequenceNumber()).isZero();
		assertThat(wrapped.timestamp()).isZero();
	}

	@Test
	void g711FramesUseTheLawsStaticPayloadType() {
		RtpSender sender = new RtpSender(7, 0, 0);
		short[] silence = new short[320];

		RtpPacket packet = sender.audio(G711.Law.ALAW, silence, 160);

		assertThat(packet.payloadType()).isEqualTo(8);
		assertThat(packet.payload()).hasSize(160).containsOnly((byte) 0xD5);
	}

	@Test
	void randomStartValuesAreWithinRange() {
		RtpSender sender = RtpSender.withRandomStart(new Random(1));

		RtpPacket packet = sender.audio(0, new byte[160]);

		assertThat(packet.ssrc()).isBetween(0L, 0xFFFFFFFFL);
		assertThat(packet.sequenceNumber()).isBetween(0, 65535);
	}

	@Test
	void audioFramesCutSoundInto20msFramesPaddedWithSilence() {
		short[] sound = new short[400];
		java.util.Arrays.fill(sound, (short) 5);
		AudioFrames frames = new AudioFrames(sound);

		assertThat(frames.frameCount()).isEqualTo(3);
		assertThat(frames.next()).hasSize(160);
		assertThat(frames.next()).hasSize(160);
		short[] last = frames.next();
		assertThat(last).hasSize(160);
		assertThat(last[79]).isEqualTo((short) 5);
		assertThat(last[80]).isZero();
		assertThat(frames.hasNext()).isFalse();
	}

	@Test
	void aRelayedStreamContinuesThisStreamsNumberingAndClock() {
		RtpSender sender = new RtpSender(7, 100, 1000);
		sender.audio(0, new byte[160]);
		sender.skip();

		RtpPacket first = sender.relay(RtpPacket.of(false, 0, 5000, 90_000, 55, new byte[160]), 0);
		RtpPacket second = sender.relay(RtpPacket.of(false, 0, 5001, 90_160, 55, new byte[160]), 0);

		assertThat(first.ssrc()).isEqualTo(7);
		assertThat(first.sequenceNumber()).isEqualTo(101);
		assertThat(first.timestamp()).isEqualTo(1000 + 2 * 160);
		assertThat(first.marker()).isTrue();
		assertThat(second.sequenceNumber()).isEqualTo(102);
		assertThat(second.timestamp()).isEqualTo(1000 + 3 * 160);
		assertThat(second.marker()).isFalse();
	}

	@Test
	void relayingKeepsTheSourcesLossesReorderingAndMarkers() {
		RtpSender sender = new RtpSender(7, 0, 0);
		sender.relay(RtpPacket.of(false, 0, 10, 1600, 55, new byte[160]), 0);

		RtpPacket afterLoss = sender.relay(RtpPacket.of(true, 0, 12, 1920, 55, new byte[160]), 0);
		RtpPacket late = sender.relay(RtpPacket.of(false, 0, 11, 1760, 55, new byte[160]), 0);
		RtpPacket own = sender.audio(0, new byte[160]);

		assertThat(afterLoss.sequenceNumber()).isEqualTo(2);
		assertThat(afterLoss.timestamp()).isEqualTo(320);
		assertThat(afterLoss.marker()).isTrue();
		assertThat(late.sequenceNumber()).isEqualTo(1);
		assertThat(late.timestamp()).isEqualTo(160);
		// own audio continues after the newest relayed number, never reusing one
		assertThat(own.sequenceNumber()).isEqualTo(3);
	}

	@Test
	void aNewRelayedSourceIsMarkedAndRealigned() {
		RtpSender sender = new RtpSender(7, 0, 0);
		sender.relay(RtpPacket.of(false, 0, 10, 1600, 55, new byte[160]), 0);
		sender.skip();
		sender.skip();

		RtpPacket other = sender.relay(RtpPacket.of(false, 0, 40000, 7_000_000, 66, new byte[160]), 0);

		assertThat(other.marker()).isTrue();
		assertThat(other.sequenceNumber()).isEqualTo(1);
		assertThat(other.timestamp()).isEqualTo(2 * 160);
	}

	@Test
	void relayedTelephoneEventsTakeThisStreamsPayloadType() {
		RtpSender sender = new RtpSender(7, 0, 0);

		RtpPacket event = sender.relay(RtpPacket.of(true, 96, 1, 800, 55, new byte[] { 5, 10, 0, (byte) 160 }), 101);

		assertThat(event.payloadType()).isEqualTo(101);
		assertThat(event.payload()).containsExactly(5, 10, 0, (byte) 160);
	}

}
