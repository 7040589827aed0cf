package dev.tonal.media.dtmf;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tonal.media.rtp.RtpPacket;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4733 receiving as real phones send it: one key press is one key. */
class TelephoneEventReceiverTest {

	private static final int PT = 101;

	private final TelephoneEventReceiver receiver = new TelephoneEventReceiver();

	private final List<Character> keys = new ArrayList<>();

	private int sequence;

	@Test
	void aTextbookKeyPressIsOneKey() {
		receive(true, 1000, 5, false, 160);
		receive(false, 1000, 5, false, 320);
		receive(false, 1000, 5, false, 480);
		receive(false, 1000, 5, true, 640);
		receive(false, 1000, 5, true, 640);
		receive(false, 1000, 5, true, 640);

		assertThat(this.keys).containsExactly('5');
	}

	@Test
	void aKeyPressWithoutTheMarkerBitStillCounts() {
		receive(false, 1000, 1, false, 160);
		receive(false, 1000, 1, true, 480);

		assertThat(this.keys).containsExactly('1');
	}

	@Test
	void aKeyPressSeenOnlyThroughItsEndPacketsCounts() {
		receive(false, 1000, 9, true, 800);
		receive(false, 1000, 9, true, 800);
		receive(false, 1000, 9, true, 800);

		assertThat(this.keys).containsExactly('9');
	}

	@Test
	void theSameKeyPressedTwiceIsTwoKeys() {
		press(1000, 4);
		press(3000, 4);

		assertThat(this.keys).containsExactly('4', '4');
	}

	@Test
	void durationsThatJumpAroundDoNotMakeNewKeys() {
		receive(true, 1000, 2, false, 400);
		receive(false, 1000, 2, false, 160);
		receive(false, 1000, 2, false, 960);
		receive(false, 1000, 2, true, 800);

		assertThat(this.keys).containsExactly('2');
	}

	@Test
	void endPacketsOfTheLastKeyArrivingLateAreIgnored() {
		press(1000, 7);
		receive(true, 2000, 8, false, 160);
		// a reordered end packet of '7'
		receive(false, 1000, 7, true, 640);
		receive(false, 2000, 8, true, 640);

		assertThat(this.keys).containsExactly('7', '8');
	}

	@Test
	void aPhoneThatAdvancesTheTimestampOnEveryPacketStillSendsOneKey() {
		receive(true, 1000, 3, false, 160);
		receive(false, 1160, 3, false, 320);
		receive(false, 1320, 3, false, 480);
		receive(false, 1480, 3, true, 640);
		receive(false, 1640, 3, true, 640);

		assertThat(this.keys).containsExactly('3');
	}

	@Test
	void theNextSegmentOfAVeryLongEventIsNotANewKey() {
		// RFC 4733 §2.5.1.3: at 0xFFFF samples the sender starts a new segment
		receive(true, 1000, 0, false, 65535);
		receive(false, 1000 + 65535, 0, false, 160);
		receive(false, 1000 + 65535, 0, true, 800);

		assertThat(this.keys).containsExactly('0');
	}

	@Test
	void eventsAboveFifteenAreNotKeysButTheirRepeatsAreIgnoredToo() {
		receive(true, 1000, 16, false, 160);
		receive(false, 1000, 16, true, 320);
		press(2000, 12);

		assertThat(this.keys).containsExactly('A');
	}

	@Test
	void starAndPoundAreEventsTenAndEleven() {
		press(1000, 10);
		press(2000, 11);

		assertThat(this.keys).containsExactly('*', '#');
	}

	@Test
	void timestampsWrappingAroundAreStillOrdered() {
		press(0xFFFFFF00L, 1);
		press(0x00000100L, 2);

		assertThat(this.keys).containsExactly('1', '2');
	}

	@Test
	void aNewSsrcIsANewStream() {
		press(1000, 6);
		RtpPacket other = RtpPacket.of(true, PT, 1, 1000, 99, new TelephoneEvent(6, false, 10, 160).toBytes());
		this.receiver.receive(other).ifPresent(this.keys::add);

		assertThat(this.keys).containsExactly('6', '6');
	}

	@Test
	void truncatedPayloadsAreIgnored() {
		RtpPacket packet = RtpPacket.of(true, PT, 1, 1000, 1, new byte[] { 5, 0 });

		assertThat(this.receiver.receive(packet)).isEmpty();
	}

	@Test
	void whatTheEncoderSendsIsReceivedAsOneKey() {
		for (TelephoneEventEncoder.Frame frame : TelephoneEventEncoder.keyPress('#', 100)) {
			this.receiver.receive(RtpPacket.of(frame.marker(), PT, this.sequence++, 5000, 1, frame.payload()))
				.ifPresent(this.keys::add);
		}

		assertThat(this.keys).containsExactly('#');
	}

	private void press(long timestamp, int event) {
		receive(true, timestamp, event, false, 160);
		receive(false, timestamp, event, false, 320);
		receive(false, timestamp, event, true, 480);
		receive(false, timestamp, event, true, 480);
		receive(false, timestamp, event, true, 480);
	}

	private void receive(boolean marker, long timestamp, int event, boolean end, int duration) {
		byte[] payload = new TelephoneEvent(event, end, 10, duration).toBytes();
		this.receiver.receive(RtpPacket.of(marker, PT, this.sequence++ & 0xFFFF, timestamp, 1, payload))
			.ifPresent(this.keys::add);
	}

}
