package dev.tonal.media.rtp;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Receiver-side ordering of one RTP stream: hands packets on in sequence-number order,
 * drops duplicates and packets that arrive after their turn, and holds a few packets that
 * arrive early while a missing one may still come.
 *
 * <p>
 * It waits by count, not by time: once more than {@code depth} packets wait behind a gap,
 * the missing ones are given up as lost. A new SSRC, or a jump of more than
 * {@value #MAX_JUMP} sequence numbers (a sender that restarted), starts afresh. Not
 * thread-safe: one receiver thread per stream.
 */
public final class RtpReorderBuffer {

	/** A jump this large is a restarted sender, not reordering or loss. */
	static final int MAX_JUMP = 3000;

	private final int depth;

	private final TreeMap<Long, RtpPacket> held = new TreeMap<>();

	private long ssrc = -1;

	/** Extended (wrap-counting) sequence number of the next packet to hand on. */
	private long expected;

	private long lost;

	private long discarded;

	/**
	 * Creates a buffer.
	 * @param depth how many early packets may wait for a missing one (0 hands every
	 * packet on at once, dropping only duplicates and late ones)
	 */
	public RtpReorderBuffer(int depth) {
		if (depth < 0) {
			throw new IllegalArgumentException("depth must not be negative");
		}
		this.depth = depth;
	}

	/**
	 * Takes a received packet.
	 * @param packet the packet
	 * @return packets now ready, in order (possibly none)
	 */
	public List<RtpPacket> offer(RtpPacket packet) {
		List<RtpPacket> ready = new ArrayList<>();
		if (packet.ssrc() != this.ssrc) {
			restart(packet, ready);
			return ready;
		}
		long sequence = this.expected + SequenceNumbers.distance(packet.sequenceNumber(), (int) this.expected & 0xFFFF);
		long ahead = sequence - this.expected;
		if (ahead > MAX_JUMP || ahead < -MAX_JUMP) {
			restart(packet, ready);
		}
		else if (ahead < 0 || this.held.containsKey(sequence)) {
			this.discarded++;
		}
		else {
			this.held.put(sequence, packet);
			releaseInOrder(ready);
			if (this.held.size() > this.depth) {
				// give up on the gap: what is missing counts as lost
				long first = this.held.firstKey();
				this.lost += first - this.expected;
				this.expected = first;
				releaseInOrder(ready);
			}
		}
		return ready;
	}

	/**
	 * Hands on everything held, skipping the gaps (e.g. when the stream stops).
	 * @return the held packets, in order
	 */
	public List<RtpPacket> drain() {
		List<RtpPacket> ready = new ArrayList<>();
		while (!this.held.isEmpty()) {
			long first = this.held.firstKey();
			this.lost += first - this.expected;
			this.expected = first;
			releaseInOrder(ready);
		}
		return ready;
	}

	/**
	 * Packets given up as lost so far.
	 * @return count
	 */
	public long lost() {
		return this.lost;
	}

	/**
	 * Duplicate and late packets dropped so far.
	 * @return count
	 */
	public long discarded() {
		return this.discarded;
	}

	private void restart(RtpPacket packet, List<RtpPacket> ready) {
		ready.addAll(drain());
		this.ssrc = packet.ssrc();
		this.expected = packet.sequenceNumber() + 1;
		ready.add(packet);
	}

	private void releaseInOrder(List<RtpPacket> ready) {
		while (!this.held.isEmpty() && this.held.firstKey() == this.expected) {
			ready.add(this.held.pollFirstEntry().getValue());
			this.expected++;
		}
	}

}
