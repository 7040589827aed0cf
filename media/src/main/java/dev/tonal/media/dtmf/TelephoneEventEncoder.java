package dev.tonal.media.dtmf;

import java.util.ArrayList;
import java.util.List;

import dev.tonal.media.audio.TelephoneAudio;

/**
 * Builds the RFC 4733 packets that send one key press, one per 20 ms slot: a first packet
 * with the marker bit, updates with a growing duration, then the end packet three times
 * (so one lost packet does not lose the end). All carry the timestamp of the slot where
 * the event started; use {@link dev.tonal.media.rtp.RtpSender#event} to send them.
 */
public final class TelephoneEventEncoder {

	/** Volume of sent events, in -dBm0 (a typical phone's level). */
	public static final int DEFAULT_VOLUME = 10;

	/** How often the end packet is sent (RFC 4733 §2.5.1.4 recommends three). */
	public static final int END_REPETITIONS = 3;

	private static final int MIN_DURATION_MS = 40;

	private static final int MAX_DURATION_MS = 8000;

	private TelephoneEventEncoder() {
	}

	/**
	 * The packets for one key press.
	 * @param key 0-9, *, #, A-D
	 * @param durationMs how long the key is held, 40-8000 ms (rounded up to 20 ms)
	 * @return one frame per 20 ms slot, in sending order
	 */
	public static List<Frame> keyPress(char key, int durationMs) {
		int event = DtmfKeys.requireEventCode(key);
		if (durationMs < MIN_DURATION_MS || durationMs > MAX_DURATION_MS) {
			throw new IllegalArgumentException(
					"key press duration must be " + MIN_DURATION_MS + "-" + MAX_DURATION_MS + " ms");
		}
		int slots = (durationMs + TelephoneAudio.FRAME_MS - 1) / TelephoneAudio.FRAME_MS;
		List<Frame> frames = new ArrayList<>();
		for (int slot = 1; slot < slots; slot++) {
			int duration = slot * TelephoneAudio.SAMPLES_PER_FRAME;
			frames.add(new Frame(new TelephoneEvent(event, false, DEFAULT_VOLUME, duration), slot == 1));
		}
		TelephoneEvent end = new TelephoneEvent(event, true, DEFAULT_VOLUME, slots * TelephoneAudio.SAMPLES_PER_FRAME);
		for (int i = 0; i < END_REPETITIONS; i++) {
			frames.add(new Frame(end, false));
		}
		return frames;
	}

	/**
	 * One packet of a key press.
	 *
	 * @param event the payload
	 * @param marker whether the packet carries the marker bit
	 */
	public record Frame(TelephoneEvent event, boolean marker) {

		/**
		 * The RTP payload.
		 * @return 4 bytes
		 */
		public byte[] payload() {
			return this.event.toBytes();
		}

	}

}
