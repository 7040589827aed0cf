package dev.tonal.media.dtmf;

/**
 * The payload of an RFC 4733 telephone-event RTP packet (§2.3): event code, end flag,
 * volume and duration, in 4 bytes.
 *
 * @param event event code, 0-255 (0-15 are DTMF keys)
 * @param end the E bit: this packet reports the end of the event
 * @param volume power level in -dBm0, 0-63
 * @param duration duration so far in RTP timestamp units (samples at 8 kHz), 0-65535
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

	/** Payload length of one event. */
	public static final int LENGTH = 4;

	public TelephoneEvent {
		if (event < 0 || event > 255 || volume < 0 || volume > 63 || duration < 0 || duration > 0xFFFF) {
			throw new IllegalArgumentException("telephone-event fields out of range");
		}
	}

	/**
	 * Parses a payload.
	 * @param payload the RTP payload
	 * @return the event, or null when the payload is shorter than 4 bytes
	 */
	public static TelephoneEvent parse(byte[] payload) {
		if (payload.length < LENGTH) {
			return null;
		}
		return new TelephoneEvent(payload[0] & 0xFF, (payload[1] & 0x80) != 0, payload[1] & 0x3F,
				(payload[2] & 0xFF) << 8 | (payload[3] & 0xFF));
	}

	/**
	 * Serialises the event.
	 * @return the 4-byte payload
	 */
	public byte[] toBytes() {
		return new byte[] { (byte) this.event, (byte) ((this.end ? 0x80 : 0) | this.volume),
				(byte) (this.duration >> 8), (byte) this.duration };
	}

}
