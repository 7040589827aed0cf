package dev.tonal.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Audio files for sound upload tests: WAV files made in memory, and the media module's
 * fixtures for what cannot be made here (MP3).
 */
public final class TestWavs {

	/** The media module's audio fixtures (see make-fixtures.sh there). */
	private static final Path MEDIA_FIXTURES = Path.of("..", "media", "src", "test", "resources", "audio");

	private static final short PCM = 1;

	private static final short IEEE_FLOAT = 3;

	private TestWavs() {
	}

	/**
	 * A 16-bit PCM WAV with a 440 Hz tone in every channel (not silence: silent uploads
	 * are refused).
	 */
	public static byte[] tone(int sampleRate, int channels, int durationMs) {
		int frames = sampleRate * durationMs / 1000;
		ByteBuffer wav = header(PCM, sampleRate, channels, 2, frames);
		for (int i = 0; i < frames; i++) {
			short sample = (short) (8000 * sine(i, sampleRate));
			for (int c = 0; c < channels; c++) {
				wav.putShort(sample);
			}
		}
		return wav.array();
	}

	/** A 32-bit IEEE float WAV with a 440 Hz tone in every channel. */
	public static byte[] floatTone(int sampleRate, int channels, int durationMs) {
		int frames = sampleRate * durationMs / 1000;
		ByteBuffer wav = header(IEEE_FLOAT, sampleRate, channels, 4, frames);
		for (int i = 0; i < frames; i++) {
			float sample = (float) (0.25 * sine(i, sampleRate));
			for (int c = 0; c < channels; c++) {
				wav.putFloat(sample);
			}
		}
		return wav.array();
	}

	/** A file of the media module's fixtures, e.g. {@code sine-stereo-44k.mp3}. */
	public static byte[] mediaFixture(String name) {
		try {
			return Files.readAllBytes(MEDIA_FIXTURES.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("media fixture " + name + " not found (tests run in app/)", ex);
		}
	}

	private static double sine(int frame, int sampleRate) {
		return Math.sin(2 * Math.PI * 440 * frame / sampleRate);
	}

	/** A canonical 44-byte header, the buffer positioned at the first sample. */
	private static ByteBuffer header(short format, int sampleRate, int channels, int bytesPerSample, int frames) {
		int blockAlign = channels * bytesPerSample;
		int dataSize = frames * blockAlign;
		ByteBuffer wav = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes()).putInt(36 + dataSize).put("WAVE".getBytes());
		wav.put("fmt ".getBytes()).putInt(16).putShort(format).putShort((short) channels).putInt(sampleRate);
		wav.putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) (bytesPerSample * 8));
		wav.put("data".getBytes()).putInt(dataSize);
		return wav;
	}

}
