package dev.tonal.media.dtmf;

import dev.tonal.media.audio.TelephoneAudio;

/**
 * Generates the DTMF tone pair of a key as 8 kHz audio: for sending keys in-band to a
 * peer that negotiated no telephone-event, and for test phones.
 */
public final class InbandDtmfGenerator {

	/** Level of each of the two tones: about -7 dBm0, what phones send. */
	public static final double DEFAULT_LEVEL_DBFS = -10;

	/** Ramp at each end, so the tone starts and stops without a click. */
	private static final int RAMP_SAMPLES = 16;

	private InbandDtmfGenerator() {
	}

	/**
	 * One key press.
	 * @param key 0-9, *, #, A-D
	 * @param durationMs how long the tone lasts
	 * @return 8 kHz samples of the tone (follow it with a pause of 40 ms or more before
	 * the next key)
	 */
	public static short[] keyPress(char key, int durationMs) {
		return keyPress(key, durationMs, DEFAULT_LEVEL_DBFS);
	}

	/**
	 * One key press at a given level.
	 * @param key 0-9, *, #, A-D
	 * @param durationMs how long the tone lasts
	 * @param levelDbfs level of each of the two tones, in dB of full-scale amplitude
	 * @return 8 kHz samples of the tone
	 */
	public static short[] keyPress(char key, int durationMs, double levelDbfs) {
		DtmfKeys.requireEventCode(key);
		if (durationMs <= 0) {
			throw new IllegalArgumentException("duration must be positive");
		}
		double low = DtmfKeys.LOW_HZ[DtmfKeys.row(key)];
		double high = DtmfKeys.HIGH_HZ[DtmfKeys.column(key)];
		double amplitude = 32767 * Math.pow(10, levelDbfs / 20);
		short[] out = new short[durationMs * TelephoneAudio.SAMPLE_RATE / 1000];
		for (int i = 0; i < out.length; i++) {
			double t = (double) i / TelephoneAudio.SAMPLE_RATE;
			double envelope = Math.min(1.0, (Math.min(i, out.length - 1 - i) + 1.0) / RAMP_SAMPLES);
			double value = Math.sin(2 * Math.PI * low * t) + Math.sin(2 * Math.PI * high * t);
			out[i] = (short) Math.max(Short.MIN_VALUE,
					Math.min(Short.MAX_VALUE, Math.round(amplitude * envelope * value)));
		}
		return out;
	}

}
