package dev.tonal.media.rtp;

import java.util.random.RandomGenerator;

import dev.tonal.media.audio.TelephoneAudio;
import dev.tonal.media.codec.G711;

/**
 * The sending side of one RTP stream, one call per 20 ms slot: numbers packets, stamps
 * them with the media clock and sets the marker bit.
 *
 * <p>
 * Every slot advances the RTP timestamp by one frame (160 samples), whether it carries
 * audio ({@link #audio}), a telephone-event ({@link #event}) or nothing ({@link #skip}).
 * The sequence number advances only with packets sent. The marker is set on the first
 * audio packet and on the first after a silent gap (RFC 3550: start of a talkspurt).
 * Start values are random (RFC 3550 §5.1).
 *
 * <p>
 * When two legs are bridged, {@link #relay} forwards the other leg's packets as part of
 * this same stream, so the phone sees one continuous stream while the source switches
 * between Tonal's own audio and the other party. Not thread-safe: when relaying from a
 * receiving thread while the media clock ticks, synchronise the calls.
 */
public final class RtpSender {

	private final long ssrc;

	private int sequence;

	private long timestamp;

	private boolean talkspurtStart = true;

	/** SSRC of the stream being relayed, or -1 when not relaying. */
	private long relayedSsrc = -1;

	private int relaySequenceOffset;

	private long relayTimestampOffset;

	/**
	 * Creates a sender with given start values (for tests and resumed streams).
	 * @param ssrc the synchronisation source
	 * @param firstSequence sequence number of the first packet
	 * @param firstTimestamp RTP timestamp of the first slot
	 */
	public RtpSender(long ssrc, int firstSequence, long firstTimestamp) {
		this.ssrc = ssrc;
		this.sequence = firstSequence & 0xFFFF;
		this.timestamp = firstTimestamp & 0xFFFF_FFFFL;
	}

	/**
	 * Creates a sender with random SSRC, first sequence number and first timestamp.
	 * @param random source of the random start values
	 * @return the sender
	 */
	public static RtpSender withRandomStart(RandomGenerator random) {
		return new RtpSender(random.nextLong(1L << 32), random.nextInt(1 << 16), random.nextLong(1L << 32));
	}

	/**
	 * The synchronisation source of this stream.
	 * @return the SSRC
	 */
	public long ssrc() {
		return this.ssrc;
	}

	/**
	 * The RTP timestamp of the current slot (where a telephone-event starting now
	 * belongs).
	 * @return the timestamp
	 */
	public long slotTimestamp() {
		return this.timestamp;
	}

	/**
	 * Sends this slot's 20 ms of audio.
	 * @param payloadType the negotiated payload type
	 * @param payload the encoded frame
	 * @return the packet to send
	 */
	public RtpPacket audio(int payloadType, byte[] payload) {
		this.relayedSsrc = -1;
		RtpPacket packet = RtpPacket.of(this.talkspurtStart, payloadType, this.sequence, this.timestamp, this.ssrc,
				payload);
		this.talkspurtStart = false;
		advance(true);
		return packet;
	}

	/**
	 * Encodes and sends this slot's 20 ms of audio with G.711.
	 * @param law PCMU or PCMA (its static payload type is used)
	 * @param samples buffer holding the frame
	 * @param offset where the frame's 160 samples start
	 * @return the packet to send
	 */
	public RtpPacket audio(G711.Law law, short[] samples, int offset) {
		return audio(law.payloadType(), G711.encode(law, samples, offset, TelephoneAudio.SAMPLES_PER_FRAME));
	}

	/**
	 * Sends a telephone-event packet in this slot instead of audio (RFC 4733: all packets
	 * of one event carry the event's start timestamp).
	 * @param payloadType the negotiated telephone-event payload type
	 * @param payload the 4-byte event payload
	 * @param marker set on the first packet of an event
	 * @param eventTimestamp the slot timestamp when the event started
	 * @return the packet to send
	 */
	public RtpPacket event(int payloadType, byte[] payload, boolean marker, long eventTimestamp) {
		this.relayedSsrc = -1;
		RtpPacket packet = RtpPacket.of(marker, payloadType, this.sequence, eventTimestamp, this.ssrc, payload);
		advance(true);
		return packet;
	}

	/** Lets this slot pass without sending; the next audio packet starts a talkspurt. */
	public void skip() {
		this.talkspurtStart = true;
		advance(false);
	}

	/**
	 * Forwards a packet from another stream (the bridged leg) as part of this one: this
	 * stream's SSRC, and sequence numbers and timestamps shifted so they continue this
	 * stream's. Within one source stream the differences are kept, so its losses,
	 * reordering and timing still show. The first packet from a new source carries the
	 * marker, as the timing jumps there. Slots still advance with {@link #skip} (or
	 * audio) while relaying, so this stream's own audio can resume later at the right
	 * time.
	 * @param packet the received packet
	 * @param payloadType its payload type as negotiated on this stream (the legs may
	 * number the same codec or telephone-event differently)
	 * @return the packet to send
	 */
	public RtpPacket relay(RtpPacket packet, int payloadType) {
		boolean newSource = packet.ssrc() != this.relayedSsrc;
		if (newSource) {
			this.relayedSsrc = packet.ssrc();
			this.relaySequenceOffset = this.sequence - packet.sequenceNumber();
			this.relayTimestampOffset = this.timestamp - packet.timestamp();
		}
		int sequence = (packet.sequenceNumber() + this.relaySequenceOffset) & 0xFFFF;
		long timestamp = (packet.timestamp() + this.relayTimestampOffset) & 0xFFFF_FFFFL;
		if (SequenceNumbers.distance(sequence, this.sequence) >= 0) {
			// never hand out a number again: own packets continue after the newest
			// relayed
			this.sequence = SequenceNumbers.next(sequence);
		}
		return new RtpPacket(newSource || packet.marker(), payloadType, sequence, timestamp, this.ssrc, packet.csrc(),
				null, packet.payload(), 0);
	}

	private void advance(boolean sent) {
		if (sent) {
			this.sequence = SequenceNumbers.next(this.sequence);
		}
		this.timestamp = (this.timestamp + TelephoneAudio.SAMPLES_PER_FRAME) & 0xFFFF_FFFFL;
	}

}
