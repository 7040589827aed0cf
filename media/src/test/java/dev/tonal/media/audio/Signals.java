package dev.tonal.media.audio;

/** Measurements on 8 kHz sample arrays for the media tests. */
public final class Signals {

	private Signals() {
	}

	/**
	 * Amplitude (0..1 of full scale) of the {@code frequency} component of a stretch of
	 * samples, by the Goertzel algorithm.
	 * @param samples 16-bit samples
	 * @param from first sample
	 * @param to end (exclusive)
	 * @param sampleRate their rate
	 * @param frequency the frequency to measure in Hz
	 * @return the amplitude of a sine at that frequency
	 */
	public static double amplitudeAt(short[] samples, int from, int to, int sampleRate, double frequency) {
		double coefficient = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
		double s1 = 0;
		double s2 = 0;
		for (int i = from; i < to; i++) {
			double s0 = samples[i] / 32768.0 + coefficient * s1 - s2;
			s2 = s1;
			s1 = s0;
		}
		double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
		return 2 * Math.sqrt(power) / (to - from);
	}

	/**
	 * Root-mean-square level (0..1 of full scale) of a stretch of samples.
	 * @param samples 16-bit samples
	 * @param from first sample
	 * @param to end (exclusive)
	 * @return the RMS level
	 */
	public static double rms(short[] samples, int from, int to) {
		double sum = 0;
		for (int i = from; i < to; i++) {
			double s = samples[i] / 32768.0;
			sum += s * s;
		}
		return Math.sqrt(sum / (to - from));
	}

	/**
	 * A sine tone as 16-bit samples.
	 * @param sampleRate rate in Hz
	 * @param frequency in Hz
	 * @param amplitude 0..1 of full scale
	 * @param count number of samples
	 * @return the samples
	 */
	public static short[] sine(int sampleRate, double frequency, double amplitude, int count) {
		short[] out = new short[count];
		for (int i = 0; i < count; i++) {
			out[i] = (short) Math.round(32767 * amplitude * Math.sin(2 * Math.PI * frequency * i / sampleRate));
		}
		return out;
	}

	/**
	 * Decibels of a ratio of amplitudes.
	 * @param ratio amplitude ratio
	 * @return 20 log10(ratio)
	 */
	public static double db(double ratio) {
		return 20 * Math.log10(ratio);
	}

}
