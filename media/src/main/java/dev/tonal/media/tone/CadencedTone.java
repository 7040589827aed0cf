package dev.tonal.media.tone;

import dev.tonal.media.audio.TelephoneAudio;

/**
 * A call-progress tone with an on/off cadence, as 8 kHz frames: ringback while a transfer
 * rings, and the like. Samples are computed from their absolute position, so the phase
 * and the cadence stay exact however long it plays; on and off edges are ramped over a
 * few milliseconds so they do not click.
 */
public final class CadencedTone {

	private static final int RAMP_SAMPLES = 32;

	private final Spec spec;

	private final long onSamples;

	private final long periodSamples;

	private final double amplitude;

	private long position;

	/**
	 * Creates a generator at the start of the cadence (the tone starts "on").
	 * @param spec the tone
	 */
	public CadencedTone(Spec spec) {
		this.spec = spec;
		this.onSamples = (long) spec.onMs() * TelephoneAudio.SAMPLE_RATE / 1000;
		this.periodSamples = this.onSamples + (long) spec.offMs() * TelephoneAudio.SAMPLE_RATE / 1000;
		// each frequency at the level, as call-progress tone plans specify them
		this.amplitude = Math.pow(10, spec.levelDbfs() / 20) * 32767;
	}

	/**
	 * The next 20 ms of the tone.
	 * @return 160 samples
	 */
	public short[] nextFrame() {
		short[] frame = new short[TelephoneAudio.SAMPLES_PER_FRAME];
		for (int i = 0; i < frame.length; i++) {
			frame[i] = sample(this.position++);
		}
		return frame;
	}

	private short sample(long index) {
		long inPeriod = (this.periodSamples == this.onSamples) ? index : index % this.periodSamples;
		if (inPeriod >= this.onSamples) {
			return 0;
		}
		double envelope = 1.0;
		if (this.periodSamples != this.onSamples) {
			long fromEdge = Math.min(inPeriod, this.onSamples - 1 - inPeriod);
			envelope = Math.min(1.0, (fromEdge + 1.0) / RAMP_SAMPLES);
		}
		double value = 0;
		for (double frequency : this.spec.frequenciesHz()) {
			// reduce the phase to one cycle first, so precision holds for hours
			double cycles = (frequency * index / TelephoneAudio.SAMPLE_RATE) % 1.0;
			value += Math.sin(2 * Math.PI * cycles);
		}
		return (short) Math.round(this.amplitude * envelope * value);
	}

	/**
	 * A tone: its frequencies, level and cadence.
	 *
	 * @param frequenciesHz one or two frequencies, played together
	 * @param levelDbfs level of each frequency, in dB of full-scale amplitude
	 * @param onMs tone on, per cycle
	 * @param offMs silence, per cycle (0 for a continuous tone)
	 */
	public record Spec(double[] frequenciesHz, double levelDbfs, int onMs, int offMs) {

		/**
		 * Ringback as in Russia and most of Europe: 425 Hz, 1 s on, 4 s off, at about -10
		 * dBm0.
		 */
		public static final Spec RINGBACK = new Spec(new double[] { 425 }, -13, 1000, 4000);

		public Spec {
			frequenciesHz = frequenciesHz.clone();
			if (frequenciesHz.length == 0) {
				throw new IllegalArgumentException("a tone needs at least one frequency");
			}
			if (onMs <= 0 || offMs < 0) {
				throw new IllegalArgumentException("on time must be positive and off time not negative");
			}
			for (double frequency : frequenciesHz) {
				if (frequency <= 0 || frequency >= TelephoneAudio.SAMPLE_RATE / 2.0) {
					throw new IllegalArgumentException("tone frequencies must be between 0 and 4000 Hz");
				}
			}
		}

	}

}
