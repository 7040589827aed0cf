package dev.tonal.media.rtp;

import java.util.Arrays;

import dev.tonal.media.audio.TelephoneAudio;

/**
 * Cuts 8 kHz audio into the 20 ms frames RTP carries, one frame per clock tick; the last
 * frame is completed with silence so every packet has the same length.
 */
public final class AudioFrames {

	private final short[] samples;

	private int position;

	/**
	 * Creates a cursor at the start of {@code samples}.
	 * @param samples 8 kHz mono samples (not copied; do not change them while playing)
	 */
	public AudioFrames(short[] samples) {
		this.samples = samples;
	}

	/**
	 * Tells whether another frame is left.
	 * @return true until the audio is used up
	 */
	public boolean hasNext() {
		return this.position < this.samples.length;
	}

	/**
	 * The next 20 ms frame.
	 * @return 160 samples
	 * @throws IllegalStateException when no frame is left
	 */
	public short[] next() {
		if (!hasNext()) {
			throw new IllegalStateException("no audio left");
		}
		short[] frame = Arrays.copyOfRange(this.samples, this.position,
				this.position + TelephoneAudio.SAMPLES_PER_FRAME);
		this.position += TelephoneAudio.SAMPLES_PER_FRAME;
		return frame;
	}

	/**
	 * Frames in the whole audio.
	 * @return the count, the last partial frame included
	 */
	public int frameCount() {
		return (this.samples.length + TelephoneAudio.SAMPLES_PER_FRAME - 1) / TelephoneAudio.SAMPLES_PER_FRAME;
	}

}
