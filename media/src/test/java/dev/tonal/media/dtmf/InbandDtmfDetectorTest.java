package dev.tonal.media.dtmf;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tonal.media.audio.WavReader;

import static dev.tonal.media.dtmf.DtmfSignals.concat;
import static dev.tonal.media.dtmf.DtmfSignals.detect;
import static dev.tonal.media.dtmf.DtmfSignals.keys;
import static dev.tonal.media.dtmf.DtmfSignals.mix;
import static dev.tonal.media.dtmf.DtmfSignals.silence;
import static dev.tonal.media.dtmf.DtmfSignals.tone;
import static dev.tonal.media.dtmf.DtmfSignals.withNoise;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In-band DTMF on generated tones: every key found once per press, nothing found in
 * speech or noise (the speech fixtures are espeak-ng recordings, see
 * {@code src/test/resources/audio/make-fixtures.sh}).
 */
class InbandDtmfDetectorTest {

	@Test
	void everyKeyIsDetectedOncePerPress() {
		assertThat(detect(keys("0123456789*#ABCD", 100, 100))).isEqualTo("0123456789*#ABCD");
	}

	@Test
	void theSameKeyPressedAgainAfterAShortPauseCountsAgain() {
		assertThat(detect(keys("5555", 70, 50))).isEqualTo("5555");
	}

	@Test
	void aLongPressIsOneKey() {
		assertThat(detect(keys("7", 3000, 100))).isEqualTo("7");
	}

	@Test
	void fortyMillisecondTonesAreAcceptedAsITUQ24RequiresWhereverTheyStart() {
		// the analysis window steps by 10 ms: try every alignment to it
		for (int offset = 0; offset < 80; offset += 4) {
			double[] signal = concat(new double[offset], keys("1397", 40, 40));
			assertThat(detect(signal)).as("offset %d", offset).isEqualTo("1397");
		}
	}

	@Test
	void tonesOfTwentyMillisecondsOrLessAreIgnoredWhereverTheyStart() {
		for (int offset = 0; offset < 80; offset += 4) {
			double[] signal = concat(new double[offset], keys("1397", 20, 60));
			assertThat(detect(signal)).as("offset %d", offset).isEmpty();
		}
	}

	@Test
	void quietButValidTonesAreDetectedAndTooQuietOnesAreNot() {
		assertThat(detect(concat(silence(100), tone('8', 100, -30, 0, 0), silence(100)))).isEqualTo("8");
		assertThat(detect(concat(silence(100), tone('8', 100, -45, 0, 0), silence(100)))).isEmpty();
	}

	@Test
	void twistWithinLimitsIsAcceptedAndBeyondIsRejected() {
		assertThat(detect(concat(silence(100), tone('2', 100, -10, -6, 0), silence(100)))).isEqualTo("2");
		assertThat(detect(concat(silence(100), tone('2', 100, -10, 4, 0), silence(100)))).isEqualTo("2");
		assertThat(detect(concat(silence(100), tone('2', 100, -10, -14, 0), silence(100)))).isEmpty();
		assertThat(detect(concat(silence(100), tone('2', 100, -10, 12, 0), silence(100)))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(doubles = { -0.015, 0.015 })
	void frequenciesOffByOneAndAHalfPercentAreAccepted(double error) {
		assertThat(detect(concat(silence(100), tone('0', 100, -10, 0, error), silence(100)))).isEqualTo("0");
	}

	@Test
	void tonesInModerateNoiseAreDetected() {
		// tones at -10 dBFS each, noise 20 dB below them
		assertThat(detect(withNoise(keys("159#", 80, 80), -30, 1))).isEqualTo("159#");
	}

	@Test
	void noiseAloneIsNotAKey() {
		assertThat(detect(withNoise(silence(10_000), -20, 2))).isEmpty();
		assertThat(detect(withNoise(silence(10_000), -6, 3))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "speech-en-8k.wav", "speech-ru-8k.wav" })
	void speechIsNotAKey(String fixture) throws Exception {
		double[] speech = speech(fixture);

		assertThat(detect(speech)).isEmpty();
		// louder speech (+10 dB, clipping allowed) must not trigger either
		assertThat(detect(mix(silence(0), speech, 10))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "speech-en-8k.wav", "speech-ru-8k.wav" })
	void keysPressedWhileThePromptPlaysAreDetected(String fixture) throws Exception {
		// a caller pressing keys over a prompt the far end echoes back at -6 dB
		double[] speech = speech(fixture);
		double[] typed = keys("3690", 100, 400);

		assertThat(detect(mix(typed, speech, -6))).isEqualTo("3690");
	}

	@Test
	void theChunkSizeOfTheInputDoesNotMatter() {
		short[] pcm = DtmfSignals.toPcm(keys("147*", 60, 60));

		assertThat(detect(pcm, 1)).isEqualTo("147*");
		assertThat(detect(pcm, 7)).isEqualTo("147*");
		assertThat(detect(pcm, 1000)).isEqualTo("147*");
	}

	private static double[] speech(String fixture) throws Exception {
		try (InputStream in = InbandDtmfDetectorTest.class.getResourceAsStream("/audio/" + fixture)) {
			return DtmfSignals.fromPcm(WavReader.read(in));
		}
	}

}
