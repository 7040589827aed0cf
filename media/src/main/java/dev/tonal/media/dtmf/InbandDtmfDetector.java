package dev.tonal.media.dtmf;

import java.util.ArrayList;
import java.util.List;

/**
 * Detects DTMF key presses in 8 kHz audio (for calls that negotiated no telephone-event),
 * with the Goertzel algorithm.
 *
 * <p>
 * A 205-sample window (25.6 ms, about 39 Hz resolution: enough to tell the closest DTMF
 * frequencies apart) slides in 10 ms steps. A window holds a key when one low-group and
 * one high-group frequency stand out: each loud enough, each well above the others of its
 * group, their levels within the allowed twist, and together carrying most of the
 * window's energy (speech and noise spread theirs). A key press is reported once, when
 * enough consecutive windows agree to cover the minimum tone duration; it must then go
 * away for two windows before the same key can count again. Not thread-safe: one instance
 * per received stream.
 */
public final class InbandDtmfDetector {

	static final int WINDOW = 205;

	static final int STEP = 80;

	private static final int SAMPLE_RATE = 8000;

	private static final double[] LOW = DtmfKeys.LOW_HZ;

	private static final double[] HIGH = DtmfKeys.HIGH_HZ;

	/** ITU-T Q.24: tones off by up to 1.5 % must be accepted. */
	private static final double FREQUENCY_TOLERANCE = 0.015;

	/**
	 * Share of a window's energy the two tones must carry: rejects speech and noise, and
	 * makes a window count only when the tone fills at least about half of it, so the
	 * number of consecutive windows measures the tone's duration.
	 */
	private static final double MIN_TONE_ENERGY_SHARE = 0.5;

	/** Windows without the key after which it counts as released. */
	private static final int RELEASE_WINDOWS = 2;

	private final Settings settings;

	private final int windowsForMinimum;

	private final double minAmplitude;

	/** Largest allowed ratio of another in-group amplitude to the peak's. */
	private final double separationRatio;

	/** The last WINDOW samples, as a ring: the oldest is at {@code next}. */
	private final double[] window = new double[WINDOW];

	/** The window in time order, for analysis (reused: no garbage per window). */
	private final double[] ordered = new double[WINDOW];

	private final double[] low = new double[LOW.length];

	private final double[] high = new double[HIGH.length];

	private int next;

	private int filled;

	private int sinceLastAnalysis;

	private char candidate;

	private int candidateWindows;

	private char held;

	private int missedWindows;

	/** Creates a detector with the {@linkplain Settings#DEFAULTS default settings}. */
	public InbandDtmfDetector() {
		this(Settings.DEFAULTS);
	}

	/**
	 * Creates a detector.
	 * @param settings detection thresholds
	 */
	public InbandDtmfDetector(Settings settings) {
		this.settings = settings;
		int minSamples = settings.minToneMs() * SAMPLE_RATE / 1000;
		// windows at least half covered by a tone of L samples: L / STEP of them
		this.windowsForMinimum = Math.max(1, minSamples / STEP);
		this.minAmplitude = Math.pow(10, settings.minToneLevelDbfs() / 20);
		this.separationRatio = Math.pow(10, -settings.minGroupSeparationDb() / 20);
	}

	/**
	 * Feeds audio.
	 * @param samples 8 kHz 16-bit samples
	 * @param offset first sample
	 * @param count number of samples
	 * @return keys whose press was recognised in this audio, in order (usually none)
	 */
	public List<Character> process(short[] samples, int offset, int count) {
		List<Character> keys = new ArrayList<>(1);
		for (int i = offset; i < offset + count; i++) {
			this.window[this.next] = samples[i] / 32768.0;
			this.next = (this.next + 1) % WINDOW;
			this.filled = Math.min(this.filled + 1, WINDOW);
			if (this.filled == WINDOW && ++this.sinceLastAnalysis >= STEP) {
				this.sinceLastAnalysis = 0;
				char key = analyse();
				if (track(key)) {
					keys.add(key);
				}
			}
		}
		return keys;
	}

	/** Follows the per-window results; true when {@code key} starts a new press. */
	private boolean track(char key) {
		if (key != 0 && key == this.candidate) {
			this.candidateWindows++;
		}
		else {
			this.candidate = key;
			this.candidateWindows = (key != 0) ? 1 : 0;
		}
		if (this.held != 0) {
			if (key == this.held) {
				this.missedWindows = 0;
				return false;
			}
			if (++this.missedWindows < RELEASE_WINDOWS) {
				return false;
			}
			this.held = 0;
		}
		if (this.candidate != 0 && this.candidateWindows >= this.windowsForMinimum) {
			this.held = this.candidate;
			this.missedWindows = 0;
			return true;
		}
		return false;
	}

	/** The key in the current window, or 0. */
	private char analyse() {
		// Goertzel needs the samples in time order: unroll the ring once
		System.arraycopy(this.window, this.next, this.ordered, 0, WINDOW - this.next);
		System.arraycopy(this.window, 0, this.ordered, WINDOW - this.next, this.next);
		double energy = 0;
		for (double sample : this.ordered) {
			energy += sample * sample;
		}
		if (energy == 0) {
			return 0;
		}
		double[] low = amplitudes(LOW, this.low);
		double[] high = amplitudes(HIGH, this.high);
		int row = strongest(low);
		int column = strongest(high);
		if (!standsOut(low, row) || !standsOut(high, column)) {
			return 0;
		}
		double lowAmplitude = toleratedAmplitude(LOW[row]);
		double highAmplitude = toleratedAmplitude(HIGH[column]);
		if (lowAmplitude < this.minAmplitude || highAmplitude < this.minAmplitude) {
			return 0;
		}
		double twistDb = 20 * Math.log10(highAmplitude / lowAmplitude);
		if (twistDb > this.settings.maxReverseTwistDb() || -twistDb > this.settings.maxNormalTwistDb()) {
			return 0;
		}
		// energy of a sine of amplitude a over the window is a² · N / 2; a tone that
		// fills
		// only part of the window shows that fraction of the window's energy, so this
		// check also tells how much of the window the tone covers
		double toneEnergy = (lowAmplitude * lowAmplitude + highAmplitude * highAmplitude) * WINDOW / 2;
		if (toneEnergy < MIN_TONE_ENERGY_SHARE * energy) {
			return 0;
		}
		return DtmfKeys.KEYPAD[row].charAt(column);
	}

	/**
	 * The amplitude of a tone that may be off its nominal frequency by the tolerated 1.5
	 * % (the window's resolution alone would lose up to 4 dB of it).
	 */
	private double toleratedAmplitude(double frequency) {
		return Math.max(amplitude(frequency), Math.max(amplitude(frequency * (1 - FREQUENCY_TOLERANCE)),
				amplitude(frequency * (1 + FREQUENCY_TOLERANCE))));
	}

	private boolean standsOut(double[] group, int peak) {
		double limit = group[peak] * this.separationRatio;
		for (int i = 0; i < group.length; i++) {
			if (i != peak && group[i] > limit) {
				return false;
			}
		}
		return true;
	}

	private double[] amplitudes(double[] frequencies, double[] out) {
		for (int i = 0; i < frequencies.length; i++) {
			out[i] = amplitude(frequencies[i]);
		}
		return out;
	}

	/** Goertzel: the amplitude of the {@code frequency} component of the window. */
	private double amplitude(double frequency) {
		double coefficient = 2 * Math.cos(2 * Math.PI * frequency / SAMPLE_RATE);
		double s1 = 0;
		double s2 = 0;
		for (double sample : this.ordered) {
			double s0 = sample + coefficient * s1 - s2;
			s2 = s1;
			s1 = s0;
		}
		double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
		return 2 * Math.sqrt(Math.max(power, 0)) / WINDOW;
	}

	private static int strongest(double[] values) {
		int best = 0;
		for (int i = 1; i < values.length; i++) {
			if (values[i] > values[best]) {
				best = i;
			}
		}
		return best;
	}

	/**
	 * Detection thresholds.
	 *
	 * @param minToneMs shortest tone that counts as a key press (ITU-T Q.24: accept 40
	 * ms)
	 * @param minToneLevelDbfs weakest accepted level of each of the two tones, in dB of
	 * full-scale amplitude
	 * @param maxNormalTwistDb how much weaker the high tone may be than the low one
	 * @param maxReverseTwistDb how much stronger the high tone may be than the low one
	 * @param minGroupSeparationDb how far each tone must stand above the other
	 * frequencies of its group
	 */
	public record Settings(int minToneMs, double minToneLevelDbfs, double maxNormalTwistDb, double maxReverseTwistDb,
			double minGroupSeparationDb) {

		/** Thresholds that accept real phones' tones and ignore speech. */
		public static final Settings DEFAULTS = new Settings(40, -36, 8, 6, 10);

	}

}
