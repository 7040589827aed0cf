package dev.tonal.media.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * api.md §3: uploads in every listed WAV encoding and MP3 come out as 8 kHz mono 16-bit
 * WAV with the source's duration, frequency content and level; unusable uploads are
 * refused with a reason. The fixtures (a 1 kHz sine at half scale unless named otherwise)
 * come from {@code src/test/resources/audio/make-fixtures.sh}.
 */
class AudioNormaliserTest {

	private static final double HALF_SCALE = 0.5;

	private final AudioNormaliser normaliser = new AudioNormaliser();

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "sine-float32-16k.wav, 1000, WAV float 32-bit 16000 Hz mono",
			"sine-float64-11k.wav, 500, WAV float 64-bit 11025 Hz mono",
			"sine-stereo-44k.wav, 500, WAV PCM 16-bit 44100 Hz stereo",
			"sine-pcm24-48k.wav, 500, WAV PCM 24-bit 48000 Hz mono",
			"sine-pcm32-22k.wav, 500, WAV PCM 32-bit 22050 Hz mono",
			"sine-pcm8-11k.wav, 1000, WAV PCM 8-bit unsigned 11025 Hz mono",
			"sine-ulaw-8k.wav, 1000, WAV µ-law 8000 Hz mono", "sine-alaw-8k-stereo.wav, 1000, WAV A-law 8000 Hz stereo",
			"sine-extensible-24bit-32k.wav, 500, WAV PCM 24-bit 32000 Hz stereo",
			"sine-list-chunk-22k.wav, 1000, WAV PCM 16-bit 22050 Hz mono" })
	void wavEncodingsAreNormalisedKeepingDurationFrequencyAndLevel(String fixture, int durationMs, String format)
			throws Exception {
		NormalisedAudio audio = this.normaliser.normalise(fixture(fixture), fixture);

		assertThat(audio.sourceFormat()).isEqualTo(format);
		assertIsTelephoneSine(audio, durationMs, 0.5);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "sine-stereo-44k.mp3, MP3 MPEG-1 layer III 44100 Hz stereo",
			"sine-mono-22k.mp3, MP3 MPEG-2 layer III 22050 Hz mono",
			"sine-mono-8k.mp3, MP3 MPEG-2.5 layer III 8000 Hz mono" })
	void mp3IsNormalisedWithGaplessDurationFrequencyAndLevel(String fixture, String format) throws Exception {
		NormalisedAudio audio = this.normaliser.normalise(fixture(fixture), fixture);

		assertThat(audio.sourceFormat()).isEqualTo(format);
		// lossy coding at low bit rates costs a little level
		assertIsTelephoneSine(audio, 1000, 1.5);
	}

	@Test
	void theContentDecidesTheFormatNotTheFileName() throws Exception {
		NormalisedAudio audio = this.normaliser.normalise(fixture("sine-stereo-44k.mp3"), "greeting.wav");

		assertThat(audio.sourceFormat()).startsWith("MP3");
	}

	@Test
	void oddSizedChunksAndTheirPaddingByteAreSkipped() throws Exception {
		short[] tone = Signals.sine(8000, 1000, HALF_SCALE, 8000);
		byte[] wav = new TestWav(1, 8000, 16, 1).chunk("junk", new byte[3])
			.chunk("LIST", "INFOISFT\005\000\000\000Tonal\000".getBytes())
			.data(pcm16(tone))
			.build();

		assertIsTelephoneSine(this.normaliser.normalise(wav, "odd.wav"), 1000, 0.1);
	}

	@Test
	void aStreamedWavWithUnknownDataLengthIsReadToTheEnd() throws Exception {
		short[] tone = Signals.sine(8000, 1000, HALF_SCALE, 4000);
		byte[] wav = new TestWav(1, 8000, 16, 1).data(pcm16(tone)).build();
		ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0xFFFFFFFF);

		assertIsTelephoneSine(this.normaliser.normalise(wav, "streamed.wav"), 500, 0.1);
	}

	@Test
	void resamplingFiltersOutWhatWouldAlias() throws Exception {
		// 5 kHz cannot exist at 8 kHz; plain decimation would fold it onto 3 kHz
		int rate = 48000;
		short[] mix = new short[rate];
		short[] wanted = Signals.sine(rate, 1000, 0.25, rate);
		short[] tooHigh = Signals.sine(rate, 5000, 0.5, rate);
		for (int i = 0; i < rate; i++) {
			mix[i] = (short) (wanted[i] + tooHigh[i]);
		}
		byte[] wav = new TestWav(1, rate, 16, 1).data(pcm16(mix)).build();

		short[] out = WavReader.read(this.normaliser.normalise(wav, "mix.wav").wav());

		double alias = Signals.amplitudeAt(out, 800, 7200, 8000, 3000);
		double tone = Signals.amplitudeAt(out, 800, 7200, 8000, 1000);
		assertThat(Signals.db(tone / 0.25)).isCloseTo(0, within(0.2));
		assertThat(Signals.db(alias / 0.5)).isLessThan(-60);
	}

	@ParameterizedTest(name = "{0} Hz from {1} Hz")
	@CsvSource({ "300, 44100", "3300, 44100", "3300, 48000", "3300, 22050", "3300, 11025", "3400, 16000" })
	void theTelephoneBandPassesFlat(int frequency, int rate) throws Exception {
		byte[] wav = new TestWav(1, rate, 16, 1).data(pcm16(Signals.sine(rate, frequency, HALF_SCALE, rate))).build();

		short[] out = WavReader.read(this.normaliser.normalise(wav, "band.wav").wav());

		assertThat(Signals.db(Signals.amplitudeAt(out, 800, 7200, 8000, frequency) / HALF_SCALE)).isCloseTo(0,
				within(0.5));
	}

	@ParameterizedTest(name = "{0} Hz from {1} Hz")
	@CsvSource({ "4500, 44100", "6000, 48000", "7900, 22050", "4200, 11025" })
	void everythingAboveTheNewNyquistFrequencyIsRemoved(int frequency, int rate) throws Exception {
		short[] mix = new short[rate];
		short[] wanted = Signals.sine(rate, 1000, 0.25, rate);
		short[] tooHigh = Signals.sine(rate, frequency, HALF_SCALE, rate);
		for (int i = 0; i < rate; i++) {
			mix[i] = (short) (wanted[i] + tooHigh[i]);
		}
		byte[] wav = new TestWav(1, rate, 16, 1).data(pcm16(mix)).build();

		short[] out = WavReader.read(this.normaliser.normalise(wav, "mix.wav").wav());

		// whatever is left of the high tone folds to 8000 - f (modulo 8000)
		int alias = Math.abs(8000 - frequency % 8000);
		alias = Math.min(alias, 8000 - alias);
		double residue = Signals.amplitudeAt(out, 800, 7200, 8000, alias);
		assertThat(Signals.db(residue / HALF_SCALE)).isLessThan(-60);
	}

	@Test
	void upsamplingFromALowRateKeepsTheTone() throws Exception {
		byte[] wav = new TestWav(1, 6000, 16, 1).data(pcm16(Signals.sine(6000, 1000, HALF_SCALE, 6000))).build();

		assertIsTelephoneSine(this.normaliser.normalise(wav, "low.wav"), 1000, 0.2);
	}

	@Test
	void anEmptyFileIsRefused() {
		assertRefused("empty.wav", "empty");
	}

	@Test
	void aSilentFileIsRefused() {
		assertRefused("silent-8k.wav", "only silence");
	}

	@Test
	void aTruncatedWavIsRefused() {
		assertRefused("truncated.wav", "truncated");
	}

	@Test
	void aWavWithDamagedChunksIsRefused() {
		assertRefused("corrupt.wav", "damaged");
	}

	@Test
	void aFileThatIsNeitherWavNorMp3IsRefused() {
		assertRefused("not-audio.mp3", "neither a WAV nor an MP3");
	}

	@Test
	void aTruncatedMp3IsRefused() throws Exception {
		byte[] mp3 = fixture("sine-stereo-44k.mp3");
		byte[] half = java.util.Arrays.copyOf(mp3, mp3.length / 2);

		assertThatExceptionOfType(AudioFormatException.class).isThrownBy(() -> this.normaliser.normalise(half, "x"))
			.withMessageContaining("truncated");
	}

	@Test
	void aWavWithoutSamplesIsRefused() {
		byte[] wav = new TestWav(1, 8000, 16, 1).data(new byte[0]).build();

		assertThatExceptionOfType(AudioFormatException.class).isThrownBy(() -> this.normaliser.normalise(wav, "x"))
			.withMessageContaining("no audio");
	}

	@Test
	void moreThanTwoChannelsAreRefusedWithTheReason() {
		byte[] wav = new TestWav(1, 8000, 16, 4).data(new byte[800]).build();

		assertThatExceptionOfType(AudioFormatException.class).isThrownBy(() -> this.normaliser.normalise(wav, "x"))
			.withMessageContaining("4 channels")
			.withMessageContaining("mono and stereo");
	}

	@Test
	void absurdSampleRatesAreRefused() {
		byte[] wav = new TestWav(1, 2_000_000_000, 16, 1).data(new byte[800]).build();

		assertThatExceptionOfType(AudioFormatException.class).isThrownBy(() -> this.normaliser.normalise(wav, "x"))
			.withMessageContaining("sample rate");
	}

	@Test
	void unsupportedEncodingsAreRefusedWithTheSupportedList() {
		byte[] wav = new TestWav(0x0011, 8000, 4, 1).data(new byte[800]).build();

		assertThatExceptionOfType(AudioFormatException.class).isThrownBy(() -> this.normaliser.normalise(wav, "x"))
			.withMessageContaining("unsupported encoding")
			.withMessageContaining("µ-law");
	}

	@Test
	void soundsLongerThanTheLimitAreRefused() {
		// unknown-length data at 1 kHz: the limit is in seconds, so a small file can
		// exceed it
		int seconds = AudioNormaliser.MAX_DURATION_SECONDS + 1;
		byte[] wav = new TestWav(1, 1000, 8, 1).data(new byte[1000 * seconds]).build();

		assertThatExceptionOfType(AudioFormatException.class).isThrownBy(() -> this.normaliser.normalise(wav, "x"))
			.withMessageContaining("longer than");
	}

	@Test
	void theOutputIsReadableByWavReader() throws Exception {
		NormalisedAudio audio = this.normaliser.normalise(fixture("speech-en-8k.wav"), "speech.wav");

		short[] samples = WavReader.read(audio.wav());

		// 8 kHz in, 8 kHz out: every sample is kept
		assertThat(samples.length).isEqualTo(46362);
		assertThat(audio.durationMs()).isEqualTo(5795);
	}

	private void assertRefused(String fixture, String reason) {
		assertThatExceptionOfType(AudioFormatException.class)
			.isThrownBy(() -> this.normaliser.normalise(fixture(fixture), fixture))
			.withMessageContaining(reason);
	}

	private static void assertIsTelephoneSine(NormalisedAudio audio, int durationMs, double levelToleranceDb)
			throws AudioFormatException {
		short[] samples = WavReader.read(audio.wav());
		assertThat(audio.durationMs()).isCloseTo(durationMs, within(20));
		assertThat(samples.length).isCloseTo(durationMs * 8, within(160));
		// measure away from the edges, where filters and encoders ramp in and out
		int from = 400;
		int to = samples.length - 400;
		double amplitude = Signals.amplitudeAt(samples, from, to, 8000, 1000);
		assertThat(Signals.db(amplitude / HALF_SCALE)).isCloseTo(0, within(levelToleranceDb));
		// nearly all the energy stays at 1 kHz: no aliasing, no distortion
		double rms = Signals.rms(samples, from, to);
		assertThat(amplitude / Math.sqrt(2) / rms).isGreaterThan(0.99);
	}

	static byte[] fixture(String name) throws IOException {
		try (InputStream in = AudioNormaliserTest.class.getResourceAsStream("/audio/" + name)) {
			assertThat(in).as("fixture %s", name).isNotNull();
			return in.readAllBytes();
		}
	}

	static byte[] pcm16(short[] samples) {
		ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (short sample : samples) {
			buffer.putShort(sample);
		}
		return buffer.array();
	}

	/**
	 * Builds WAV files chunk by chunk, including shapes the fixtures tools never write.
	 */
	static final class TestWav {

		private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();

		TestWav(int formatTag, int sampleRate, int bits, int channels) {
			int blockAlign = channels * ((bits + 7) / 8);
			ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
			fmt.putShort((short) formatTag)
				.putShort((short) channels)
				.putInt(sampleRate)
				.putInt(sampleRate * blockAlign)
				.putShort((short) blockAlign)
				.putShort((short) bits);
			chunk("fmt ", fmt.array());
		}

		TestWav chunk(String id, byte[] body) {
			ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
			header.put(id.getBytes()).putInt(body.length);
			this.chunks.writeBytes(header.array());
			this.chunks.writeBytes(body);
			if (body.length % 2 == 1) {
				this.chunks.write(0);
			}
			return this;
		}

		TestWav data(byte[] samples) {
			return chunk("data", samples);
		}

		byte[] build() {
			byte[] body = this.chunks.toByteArray();
			ByteBuffer wav = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
			wav.put("RIFF".getBytes()).putInt(4 + body.length).put("WAVE".getBytes()).put(body);
			return wav.array();
		}

	}

}
