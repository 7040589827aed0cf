package dev.tonal.media.audio;

/**
 * The one audio format calls use everywhere in Tonal: 8 kHz, mono, 16-bit signed PCM,
 * sent in 20 ms frames. Normalised sounds, prompts, G.711 and RTP all agree on these
 * numbers.
 */
public final class TelephoneAudio {

	/** Samples per second. */
	public static final int SAMPLE_RATE = 8000;

	/** Length of one RTP packet's worth of audio. */
	public static final int FRAME_MS = 20;

	/** Samples in one 20 ms frame. */
	public static final int SAMPLES_PER_FRAME = SAMPLE_RATE * FRAME_MS / 1000;

	private TelephoneAudio() {
	}

	/**
	 * Duration of {@code sampleCount} samples at 8 kHz, rounded to the nearest
	 * millisecond.
	 * @param sampleCount number of samples
	 * @return milliseconds
	 */
	public static int durationMs(long sampleCount) {
		return (int) Math.round(sampleCount * 1000.0 / SAMPLE_RATE);
	}

}
