package dev.tonal.media.audio;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads are untrusted: whatever bytes arrive, the normaliser either returns audio or
 * refuses with an {@link AudioFormatException} — never another exception, which the API
 * would turn into a 500.
 */
class DamagedUploadTest {

	private static final int MUTATIONS_PER_FILE = 60;

	private final AudioNormaliser normaliser = new AudioNormaliser();

	@ParameterizedTest
	@ValueSource(strings = { "sine-float32-16k.wav", "sine-extensible-24bit-32k.wav", "sine-list-chunk-22k.wav",
			"sine-ulaw-8k.wav", "sine-stereo-44k.mp3", "sine-mono-22k.mp3", "sine-mono-8k.mp3" })
	void damagedCopiesAreDecodedOrRefusedButNeverCrash(String fixture) throws Exception {
		byte[] original = AudioNormaliserTest.fixture(fixture);
		// a fixed seed keeps failures reproducible
		Random random = new Random(fixture.hashCode());
		for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
			byte[] damaged = damage(original, random);
			try {
				NormalisedAudio audio = this.normaliser.normalise(damaged, fixture);
				assertThat(WavReader.read(audio.wav())).isNotEmpty();
			}
			catch (AudioFormatException expected) {
				assertThat(expected.getMessage()).isNotBlank();
			}
		}
	}

	private static byte[] damage(byte[] original, Random random) {
		byte[] copy;
		if (random.nextInt(4) == 0) {
			copy = java.util.Arrays.copyOf(original, random.nextInt(original.length));
		}
		else {
			copy = original.clone();
		}
		int flips = 1 + random.nextInt(20);
		for (int f = 0; f < flips && copy.length > 0; f++) {
			// most damage goes to the headers, where parsing decisions are made
			int limit = random.nextBoolean() ? Math.min(copy.length, 200) : copy.length;
			copy[random.nextInt(limit)] = (byte) random.nextInt(256);
		}
		return copy;
	}

}
