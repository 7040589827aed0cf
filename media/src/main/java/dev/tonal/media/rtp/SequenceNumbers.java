package dev.tonal.media.rtp;

/**
 * Arithmetic on 16-bit RTP sequence numbers, which wrap from 65535 to 0: "later" means
 * less than half the number space ahead (RFC 1982 serial number arithmetic).
 */
public final class SequenceNumbers {

	private SequenceNumbers() {
	}

	/**
	 * How far {@code sequence} is ahead of {@code reference}, taking wrap-around into
	 * account.
	 * @param sequence a sequence number
	 * @param reference another sequence number
	 * @return a value in -32768..32767; positive when {@code sequence} is later
	 */
	public static int distance(int sequence, int reference) {
		return (short) (sequence - reference);
	}

	/**
	 * The sequence number after {@code sequence}.
	 * @param sequence a sequence number
	 * @return sequence + 1, wrapping to 0 after 65535
	 */
	public static int next(int sequence) {
		return (sequence + 1) & 0xFFFF;
	}

}
