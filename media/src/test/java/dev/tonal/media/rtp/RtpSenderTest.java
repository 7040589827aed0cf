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

}
