package dev.tonal.media.dtmf;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tonal.media.rtp.RtpPacket;
import dev.tonal.media.rtp.RtpSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** RFC 4733 sending: marker first, growing updates, three ends, one timestamp. */
class TelephoneEventEncoderTest {

	@Test
	void aKeyPressIsStartUpdatesThenThreeEndPackets() {
		List<TelephoneEventEncoder.Frame> frames = TelephoneEventEncoder.keyPress('5', 100);

		assertThat(frames).extracting((f) -> f.event().duration()).containsExactly(160, 320, 480, 640, 800, 800, 800);
		assertThat(frames).extracting((f) -> f.event().end())
			.containsExactly(false, false, false, false, true, true, true);
		assertThat(frames).extracting(TelephoneEventEncoder.Frame::marker)
			.containsExactly(true, false, false, false, false, false, false);
		assertThat(frames).extracting((f) -> f.event().event()).containsOnly(5);
	}

	@Test
	void thePayloadIsEventEndVolumeDuration() {
		byte[] end = TelephoneEventEncoder.keyPress('#', 100).getLast().payload();

		// event 11, E=1 with volume 10, duration 800
		assertThat(HexFormat.of().formatHex(end)).isEqualTo("0b8a0320");
	}

	@Test
	void sentThroughTheRtpSenderAllPacketsShareTheStartTimestampAndNumberOnward() {
		RtpSender sender = new RtpSender(1, 100, 8000);
		sender.audio(0, new byte[160]);
		long start = sender.slotTimestamp();
		List<RtpPacket> packets = new ArrayList<>();
		for (TelephoneEventEncoder.Frame frame : TelephoneEventEncoder.keyPress('1', 60)) {
			packets.add(sender.event(101, frame.payload(), frame.marker(), start));
		}
		RtpPacket audioAfter = sender.audio(0, new byte[160]);

		assertThat(packets).extracting(RtpPacket::timestamp).containsOnly(8160L);
		assertThat(packets).extracting(RtpPacket::sequenceNumber).containsExactly(101, 102, 103, 104, 105);
		assertThat(packets).extracting(RtpPacket::payloadType).containsOnly(101);
		// audio resumes where the media clock is, after the event's slots
		assertThat(audioAfter.sequenceNumber()).isEqualTo(106);
		assertThat(audioAfter.timestamp()).isEqualTo(8160L + 5 * 160);
	}

	@Test
	void durationsAreRoundedUpToWholeFrames() {
		assertThat(TelephoneEventEncoder.keyPress('0', 50).getLast().event().duration()).isEqualTo(480);
	}

	@Test
	void invalidKeysAndDurationsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TelephoneEventEncoder.keyPress('x', 100))
			.withMessageContaining("not a DTMF key");
		assertThatIllegalArgumentException().isThrownBy(() -> TelephoneEventEncoder.keyPress('1', 10));
	}

}
