package dev.tonal.media.rtp;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Receiver-side ordering: in order out, duplicates and late packets dropped. */
class RtpReorderBufferTest {

	private static final long SSRC = 1234;

	private final RtpReorderBuffer buffer = new RtpReorderBuffer(3);

	@Test
	void packetsInOrderPassStraightThrough() {
		assertThat(sequences(offer(10, 11, 12))).containsExactly(10, 11, 12);
	}

	@Test
	void swappedPacketsComeOutInOrder() {
		assertThat(sequences(offer(10, 12, 11, 13))).containsExactly(10, 11, 12, 13);
	}

	@Test
	void duplicatesAreDroppedWhetherDeliveredOrStillHeld() {
		assertThat(sequences(offer(10, 11, 11, 13, 13, 12, 10))).containsExactly(10, 11, 12, 13);
		assertThat(this.buffer.discarded()).isEqualTo(3);
	}

	@Test
	void aPacketArrivingAfterItsGapWasGivenUpIsDropped() {
		List<Integer> out = sequences(offer(10, 12, 13, 14, 15, 11));

		assertThat(out).containsExactly(10, 12, 13, 14, 15);
		assertThat(this.buffer.lost()).isEqualTo(1);
		assertThat(this.buffer.discarded()).isEqualTo(1);
	}

	@Test
	void aLostPacketDelaysTheOthersByAtMostTheDepth() {
		assertThat(sequences(offer(10, 12, 13, 14))).containsExactly(10);
		assertThat(sequences(offer(15))).containsExactly(12, 13, 14, 15);
	}

	@Test
	void orderingWorksAcrossTheSequenceNumberWrap() {
		assertThat(sequences(offer(65534, 0, 65535, 1))).containsExactly(65534, 65535, 0, 1);
	}

	@Test
	void aNewSsrcStartsAfresh() {
		List<RtpPacket> out = new ArrayList<>();
		out.addAll(this.buffer.offer(packet(10, SSRC)));
		out.addAll(this.buffer.offer(packet(500, SSRC + 1)));
		out.addAll(this.buffer.offer(packet(501, SSRC + 1)));

		assertThat(sequences(out)).containsExactly(10, 500, 501);
	}

	@Test
	void aHugeJumpIsARestartedSenderNotLoss() {
		assertThat(sequences(offer(10, 11, 20000, 20001))).containsExactly(10, 11, 20000, 20001);
		assertThat(this.buffer.lost()).isZero();
	}

	@Test
	void drainHandsOnWhatIsHeld() {
		offer(10, 12, 14);

		assertThat(sequences(this.buffer.drain())).containsExactly(12, 14);
	}

	private List<RtpPacket> offer(int... sequences) {
		List<RtpPacket> out = new ArrayList<>();
		for (int sequence : sequences) {
			out.addAll(this.buffer.offer(packet(sequence, SSRC)));
		}
		return out;
	}

	private static RtpPacket packet(int sequence, long ssrc) {
		return RtpPacket.of(false, 0, sequence, sequence * 160L, ssrc, new byte[160]);
	}

	private static List<Integer> sequences(List<RtpPacket> packets) {
		return packets.stream().map(RtpPacket::sequenceNumber).toList();
	}

}
