package dev.tonal.media.audio;

/**
 * Converts a stream of mono samples from any rate to another with a band-limited
 * (windowed-sinc) interpolator, so content above the target's Nyquist frequency is
 * filtered out instead of folding back as aliasing.
 *
 * <p>
 * Each output sample is the input convolved with a Kaiser-windowed sinc low-pass centred
 * on the output instant (J. O. Smith's bandlimited interpolation). The cutoff sits at
 * 92.5 % of the lower Nyquist frequency (3.7 kHz for 8 kHz output): flat through the
 * telephone band (300-3400 Hz) and about 80 dB down from the output Nyquist frequency on.
 *
 * <p>
 * For the usual rates the output instants fall on few distinct fractions of an input
 * sample (44.1 kHz → 8 kHz: 80), so the filter coefficients of each fraction are computed
 * once (a polyphase filter) and each output sample is one dot product. Unusual rates with
 * thousands of fractions use a finely tabulated kernel, interpolated per tap.
 */
final class Resampler {

	private static final double CUTOFF_FRACTION = 0.925;

	/** Sinc zero crossings on each side of the centre; sets the filter's steepness. */
	private static final int ZERO_CROSSINGS = 32;

	private static final int TABLE_STEPS_PER_CROSSING = 512;

	private static final double KAISER_BETA = 8.0;

	/** Above this many phases the coefficient table would be too large; interpolate. */
	private static final int MAX_PHASES = 1024;

	private static final float[] KERNEL = kernelTable();

	private final int inRate;

	private final int outRate;

	/**
	 * Output instants repeat their position within an input sample every {@code phases}.
	 */
	private final int phases;

	/** Input step per output sample is {@code step / phases} input samples. */
	private final long step;

	/** Kernel argument (in sinc zero crossings) per input sample of distance. */
	private final double crossingsPerInputSample;

	/** Input samples on each side of an output instant that the kernel reaches. */
	private final int halfWidth;

	private final float gain;

	/** Coefficients per phase, or null when there are too many phases. */
	private final float[][] coefficients;

	private final ShortSink out;

	/**
	 * Input samples not yet consumed; buffer[0] is input sample number bufferStart. It
	 * starts with halfWidth zeros before sample 0, so the first outputs need no bounds
	 * checks.
	 */
	private float[] buffer;

	private long bufferStart;

	private int bufferLength;

	private long inputCount;

	private long outputCount;

	/**
	 * Creates a resampler.
	 * @param inRate input rate in Hz
	 * @param outRate output rate in Hz
	 * @param out where 16-bit output samples go
	 */
	Resampler(int inRate, int outRate, ShortSink out) {
		this.inRate = inRate;
		this.outRate = outRate;
		this.out = out;
		int divisor = gcd(inRate, outRate);
		this.phases = outRate / divisor;
		this.step = inRate / divisor;
		double cutoffHz = CUTOFF_FRACTION * Math.min(inRate, outRate) / 2;
		this.crossingsPerInputSample = 2 * cutoffHz / inRate;
		this.halfWidth = (int) Math.ceil(ZERO_CROSSINGS / this.crossingsPerInputSample);
		this.gain = (float) this.crossingsPerInputSample;
		this.coefficients = (this.phases <= MAX_PHASES) ? coefficientTable() : null;
		this.buffer = new float[Math.max(8192, 4 * this.halfWidth)];
		this.bufferStart = -this.halfWidth;
		this.bufferLength = this.halfWidth;
	}

	/**
	 * Feeds input samples and emits every output sample that they complete.
	 * @param samples mono samples in -1..1
	 * @param count how many are valid
	 */
	void accept(float[] samples, int count) {
		if (this.inRate == this.outRate) {
			// nothing to convert: filtering would only take away the top of the band
			for (int i = 0; i < count; i++) {
				this.out.add(toShort(samples[i]));
			}
			this.inputCount += count;
			this.outputCount += count;
			return;
		}
		append(samples, count);
		this.inputCount += count;
		emitUpTo(completeOutputs(this.inputCount - 1 - this.halfWidth));
		discardConsumed();
	}

	/**
	 * Emits the remaining output samples, treating input beyond the end as silence, so
	 * the output lasts exactly as long as the input.
	 */
	void finish() {
		if (this.inRate == this.outRate) {
			return;
		}
		append(new float[this.halfWidth + 1], this.halfWidth + 1);
		emitUpTo(Math.round((double) this.inputCount * this.outRate / this.inRate));
	}

	/**
	 * Number of output samples whose centre is at or before input sample {@code last}.
	 */
	private long completeOutputs(long last) {
		if (last < 0) {
			return 0;
		}
		// output n is centred on input position n * step / phases
		return last * this.phases / this.step + 1;
	}

	private void emitUpTo(long outputs) {
		while (this.outputCount < outputs) {
			this.out.add(toShort(interpolate(this.outputCount)));
			this.outputCount++;
		}
	}

	private float interpolate(long outputIndex) {
		long position = outputIndex * this.step;
		long centre = position / this.phases;
		int phase = (int) (position % this.phases);
		int first = (int) (centre - this.halfWidth + 1 - this.bufferStart);
		float[] input = this.buffer;
		if (this.coefficients != null) {
			float[] taps = this.coefficients[phase];
			// four partial sums let the CPU overlap the multiply-adds
			float sum0 = 0;
			float sum1 = 0;
			float sum2 = 0;
			float sum3 = 0;
			int j = 0;
			for (; j + 3 < taps.length; j += 4) {
				sum0 += input[first + j] * taps[j];
				sum1 += input[first + j + 1] * taps[j + 1];
				sum2 += input[first + j + 2] * taps[j + 2];
				sum3 += input[first + j + 3] * taps[j + 3];
			}
			for (; j < taps.length; j++) {
				sum0 += input[first + j] * taps[j];
			}
			return (sum0 + sum1) + (sum2 + sum3);
		}
		double fraction = (double) phase / this.phases;
		double sum = 0;
		for (int j = 0; j < 2 * this.halfWidth; j++) {
			sum += input[first + j] * tap(j, fraction);
		}
		return (float) sum;
	}

	/**
	 * The coefficient of tap j (0 = centre - halfWidth + 1) for an output at +fraction.
	 */
	private float tap(int j, double fraction) {
		double distance = Math.abs(j - this.halfWidth + 1 - fraction) * this.crossingsPerInputSample;
		return this.gain * kernel(distance);
	}

	private float[][] coefficientTable() {
		float[][] table = new float[this.phases][2 * this.halfWidth];
		for (int phase = 0; phase < this.phases; phase++) {
			double fraction = (double) phase / this.phases;
			for (int j = 0; j < 2 * this.halfWidth; j++) {
				table[phase][j] = tap(j, fraction);
			}
		}
		return table;
	}

	private static float kernel(double crossings) {
		double index = crossings * TABLE_STEPS_PER_CROSSING;
		int i = (int) index;
		if (i >= KERNEL.length - 1) {
			return 0f;
		}
		float weight = (float) (index - i);
		return KERNEL[i] + (KERNEL[i + 1] - KERNEL[i]) * weight;
	}

	private void append(float[] samples, int count) {
		if (this.bufferLength + count > this.buffer.length) {
			float[] bigger = new float[Math.max(this.buffer.length * 2, this.bufferLength + count)];
			System.arraycopy(this.buffer, 0, bigger, 0, this.bufferLength);
			this.buffer = bigger;
		}
		System.arraycopy(samples, 0, this.buffer, this.bufferLength, count);
		this.bufferLength += count;
	}

	/** Drops input that no future output sample can reach. */
	private void discardConsumed() {
		long nextCentre = this.outputCount * this.step / this.phases;
		int unneeded = (int) Math.max(0, nextCentre - this.halfWidth - this.bufferStart);
		if (unneeded > this.bufferLength / 2) {
			System.arraycopy(this.buffer, unneeded, this.buffer, 0, this.bufferLength - unneeded);
			this.bufferLength -= unneeded;
			this.bufferStart += unneeded;
		}
	}

	private static short toShort(float sample) {
		float scaled = sample * 32768f;
		if (scaled >= 32767f) {
			return Short.MAX_VALUE;
		}
		if (scaled <= -32768f) {
			return Short.MIN_VALUE;
		}
		return (short) Math.round(scaled);
	}

	private static int gcd(int a, int b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

	/** sinc(x) * kaiser(x / ZERO_CROSSINGS) for x from 0 to ZERO_CROSSINGS. */
	private static float[] kernelTable() {
		int size = ZERO_CROSSINGS * TABLE_STEPS_PER_CROSSING + 1;
		float[] table = new float[size + 1];
		double denominator = besselI0(KAISER_BETA);
		for (int i = 0; i < size; i++) {
			double x = (double) i / TABLE_STEPS_PER_CROSSING;
			double sinc = (i == 0) ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
			double ratio = x / ZERO_CROSSINGS;
			double window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - ratio * ratio))) / denominator;
			table[i] = (float) (sinc * window);
		}
		return table;
	}

	/** Modified Bessel function of the first kind, order 0 (power series). */
	private static double besselI0(double x) {
		double sum = 1;
		double term = 1;
		double quarterSquare = x * x / 4;
		for (int k = 1; k < 50; k++) {
			term *= quarterSquare / ((double) k * k);
			sum += term;
			if (term < sum * 1e-12) {
				break;
			}
		}
		return sum;
	}

	/** Receives 16-bit output samples. */
	interface ShortSink {

		void add(short sample);

	}

}
