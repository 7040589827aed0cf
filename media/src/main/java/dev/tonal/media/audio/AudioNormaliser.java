package dev.tonal.media.audio;

/**
 * Decodes an uploaded sound (WAV: PCM 8/16/24/32-bit, float, µ-law, A-law, any rate, mono
 * or stereo; MP3) and normalises it to 8 kHz mono 16-bit (api.md §3).
 *
 * <p>
 * The content decides the format, not the file name. Stereo is downmixed by averaging;
 * the rate is converted with a band-limited resampler (no aliasing); the level is kept as
 * it is. Thread-safe: it holds no state.
 */
public final class AudioNormaliser {

	/** Longest sound accepted; also bounds the memory one upload can take. */
	public static final int MAX_DURATION_SECONDS = 60 * 60;

	/**
	 * Peak (in 16-bit units) at or below which a sound counts as silence: -60 dBFS, below
	 * the noise floor of any recording meant to be heard.
	 */
	private static final int SILENCE_PEAK = 32;

	/**
	 * Decodes {@code data} and returns the normalised audio.
	 * @param data the uploaded file's bytes
	 * @param filename the uploaded file name (a hint only; the content decides)
	 * @throws AudioFormatException when the data is not a usable WAV or MP3
	 */
	public NormalisedAudio normalise(byte[] data, String filename) throws AudioFormatException {
		if (data == null || data.length == 0) {
			throw new AudioFormatException("The file is empty. Upload a WAV or MP3 file.");
		}
		Output output = new Output();
		String sourceFormat;
		if (WavFile.looksLikeWav(data)) {
			WavFile wav = WavFile.parse(data);
			// refuse before spending time on decoding (MP3 is checked while decoding)
			if (wav.frameCount() > (long) wav.sampleRate() * MAX_DURATION_SECONDS) {
				throw tooLong();
			}
			WavDecoder.decode(data, wav, output);
			sourceFormat = wav.description();
		}
		else {
			int firstFrame = Mp3Decoder.findFirstFrame(data);
			if (firstFrame < 0) {
				throw new AudioFormatException(notAudioMessage(filename));
			}
			sourceFormat = Mp3Decoder.decode(data, firstFrame, output);
		}
		int sampleCount = output.finish();
		if (sampleCount == 0) {
			throw new AudioFormatException("The file contains no audio (" + sourceFormat + ", 0 samples).");
		}
		if (output.peak() <= SILENCE_PEAK) {
			throw new AudioFormatException("The file contains only silence. Check the recording and upload it again.");
		}
		return new NormalisedAudio(WavWriter.write(output.samples(), sampleCount, TelephoneAudio.SAMPLE_RATE),
				TelephoneAudio.durationMs(sampleCount), sourceFormat);
	}

	private static AudioFormatException tooLong() {
		return new AudioFormatException(
				"The sound is longer than " + MAX_DURATION_SECONDS / 60 + " minutes. Upload a shorter sound.");
	}

	private static String notAudioMessage(String filename) {
		String name = (filename == null || filename.isBlank()) ? "The file" : "The file '" + filename + "'";
		return name + " is neither a WAV nor an MP3 file (or it is damaged). Upload a WAV or MP3 file.";
	}

	/** Resamples what a decoder delivers to 8 kHz and enforces the length limit. */
	private static final class Output implements PcmConsumer {

		private final ShortArrayBuilder samples = new ShortArrayBuilder();

		private Resampler resampler;

		private long limit;

		private long received;

		@Override
		public void start(int sampleRate) {
			this.resampler = new Resampler(sampleRate, TelephoneAudio.SAMPLE_RATE, this.samples);
			this.limit = (long) sampleRate * MAX_DURATION_SECONDS;
		}

		@Override
		public void accept(float[] chunk, int count) throws AudioFormatException {
			this.received += count;
			if (this.received > this.limit) {
				throw new AudioFormatException(
						"The sound is longer than " + MAX_DURATION_SECONDS / 60 + " minutes. Upload a shorter sound.");
			}
			this.resampler.accept(chunk, count);
		}

		/** Flushes the resampler; returns the number of output samples. */
		int finish() {
			this.resampler.finish();
			return this.samples.size();
		}

		short[] samples() {
			return this.samples.array();
		}

		int peak() {
			return this.samples.peak();
		}

	}

}
