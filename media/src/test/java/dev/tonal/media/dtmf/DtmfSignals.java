package dev.tonal.media.dtmf;

import java.util.Arrays;
import java.util.Random;

/** Builds 8 kHz test audio: DTMF tones, pauses, noise, mixes. */
final class DtmfSignals {

	static final int RATE = 8000;

	private static final double[] LOW = { 697, 770, 852, 941 };

	private static final double[] HIGH = { 1209, 1336, 1477, 1633 };

	private static final String[] KEYS = { "123A", "456B", "789C", "*0#D" };

	private DtmfSignals() {
	}

	/**
	 * A key's tone pair; each tone at {@code levelDbfs}, the high one shifted by twist.
	 */
	static double[] tone(char key, int ms, double levelDbfs, double highMinusLowDb, double frequencyError) {
		int row = -1;
		int column = -1;
		for (int r = 0; r < 4; r++) {
			int c = KEYS[r].indexOf(key);
			if (c >= 0) {
				row = r;
				column = c;
			}
		}
		double low = Math.pow(10, levelDbfs / 20);
		double high = low * Math.pow(10, highMinusLowDb / 20);
		double[] out = new double[ms * RATE / 1000];
		for (int i = 0; i < out.length; i++) {
			double t = (double) i / RATE;
			out[i] = low * Math.sin(2 * Math.PI * LOW[row] * (1 + frequencyError) * t)
					+ high * Math.sin(2 * Math.PI * HIGH[column] * (1 + frequencyError) * t);
		}
		return out;
	}

	static double[] tone(char key, int ms) {
		return tone(key, ms, -10, 0, 0);
	}

	static double[] silence(int ms) {
		return new double[ms * RATE / 1000];
	}

	/** Keys typed with the given tone and pause lengths. */
	static double[] keys(String keys, int toneMs, int pauseMs) {
		double[] out = silence(100);
		for (char key : keys.toCharArray()) {
			out = concat(out, tone(key, toneMs), silence(pauseMs));
		}
		return concat(out, silence(100));
	}

	static double[] concat(double[]... parts) {
		double[] out = new double[0];
		for (double[] part : parts) {
			int start = out.length;
			out = Arrays.copyOf(out, start + part.length);
			System.arraycopy(part, 0, out, start, part.length);
		}
		return out;
	}

	/** Adds white noise at {@code levelDbfs} RMS. */
	static double[] withNoise(double[] signal, double levelDbfs, long seed) {
		Random random = new Random(seed);
		double rms = Math.pow(10, levelDbfs / 20);
		double[] out = signal.clone();
		for (int i = 0; i < out.length; i++) {
			out[i] += random.nextGaussian() * rms;
		}
		return out;
	}

	/** Adds {@code other} (scaled by gain in dB) to {@code signal} from its start. */
	static double[] mix(double[] signal, double[] other, double gainDb) {
		double gain = Math.pow(10, gainDb / 20);
		double[] out = Arrays.copyOf(signal, Math.max(signal.length, other.length));
		for (int i = 0; i < other.length; i++) {
			out[i] += other[i] * gain;
		}
		return out;
	}

	static double[] fromPcm(short[] samples) {
		double[] out = new double[samples.length];
		for (int i = 0; i < samples.length; i++) {
			out[i] = samples[i] / 32768.0;
		}
		return out;
	}

	static short[] toPcm(double[] signal) {
		short[] out = new short[signal.length];
		for (int i = 0; i < signal.length; i++) {
			out[i] = (short) Math.max(-32768, Math.min(32767, Math.round(signal[i] * 32768)));
		}
		return out;
	}

	/** Runs a fresh default detector over the signal in 20 ms chunks; the keys found. */
	static String detect(double[] signal) {
		return detect(toPcm(signal), 160);
	}

	static String detect(short[] pcm, int chunk) {
		InbandDtmfDetector detector = new InbandDtmfDetector();
		StringBuilder keys = new StringBuilder();
		for (int i = 0; i < pcm.length; i += chunk) {
			detector.process(pcm, i, Math.min(chunk, pcm.length - i)).forEach(keys::append);
		}
		return keys.toString();
	}

}
