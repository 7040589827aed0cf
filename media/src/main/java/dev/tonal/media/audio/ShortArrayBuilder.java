package dev.tonal.media.audio;

import java.util.Arrays;

/** A growable array of 16-bit samples that also tracks the loudest one. */
final class ShortArrayBuilder implements Resampler.ShortSink {

	private short[] samples = new short[16384];

	private int size;

	private int peak;

	@Override
	public void add(short sample) {
		if (this.size == this.samples.length) {
			this.samples = Arrays.copyOf(this.samples, this.samples.length * 2);
		}
		this.samples[this.size++] = sample;
		this.peak = Math.max(this.peak, Math.abs((int) sample));
	}

	int size() {
		return this.size;
	}

	/** The largest absolute sample value seen, 0 to 32768. */
	int peak() {
		return this.peak;
	}

	/** The backing array: the first {@link #size()} samples are valid. */
	short[] array() {
		return this.samples;
	}

}
