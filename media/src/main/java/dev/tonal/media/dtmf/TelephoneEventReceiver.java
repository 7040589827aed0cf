package dev.tonal.media.dtmf;

import java.util.Optional;

import dev.tonal.media.rtp.RtpPacket;

/**
 * Turns received RFC 4733 telephone-event packets into key presses: one key press is one
 * key, however many packets describe it.
 *
 * <p>
 * Real phones bend the RFC, so nothing here depends on the marker bit. A key press is
 * identified by its RTP timestamp: updates, changing durations and the (usually three)
 * end packets share it and are ignored. A packet older than the current event is a late
 * retransmission and ignored. A new timestamp continuing the current, unfinished event
 * with the same code — the next segment of a very long event (RFC 4733 §2.5.1.3), or a
 * phone that wrongly advances the timestamp on every packet — is not a new press. Events
 * above 15 are tracked (so their repeats are ignored too) but are not keys. The key is
 * reported on the first packet seen, so a press is not lost when its end packets are. Not
 * thread-safe: one instance per received stream.
 */
public final class TelephoneEventReceiver {

	/** One frame of slack when checking that a new timestamp continues the event. */
	private static final int CONTINUATION_SLACK = 160;

	private boolean active;

	private long ssrc;

	private long timestamp;

	private int event;

	private boolean ended;

	private int duration;

	/**
	 * Takes a packet of the negotiated telephone-event payload type.
	 * @param packet the packet
	 * @return the key of a new key press, or empty
	 */
	public Optional<Character> receive(RtpPacket packet) {
		TelephoneEvent received = TelephoneEvent.parse(packet.payload());
		if (received == null) {
			return Optional.empty();
		}
		if (this.active && packet.ssrc() == this.ssrc) {
			int age = (int) (packet.timestamp() - this.timestamp);
			if (age == 0) {
				this.ended |= received.end();
				this.duration = Math.max(this.duration, received.duration());
				return Optional.empty();
			}
			if (age < 0) {
				return Optional.empty();
			}
			if (continuesCurrentEvent(received, age)) {
				this.timestamp = packet.timestamp();
				this.ended = received.end();
				this.duration = received.duration();
				return Optional.empty();
			}
		}
		this.active = true;
		this.ssrc = packet.ssrc();
		this.timestamp = packet.timestamp();
		this.event = received.event();
		this.ended = received.end();
		this.duration = received.duration();
		return DtmfKeys.key(received.event());
	}

	private boolean continuesCurrentEvent(TelephoneEvent received, int age) {
		// after the end, only more end packets can belong to the same press
		return received.event() == this.event && age <= this.duration + CONTINUATION_SLACK
				&& (!this.ended || received.end());
	}

}
