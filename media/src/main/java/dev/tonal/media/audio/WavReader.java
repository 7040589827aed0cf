package dev.tonal.media.audio;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads WAV files in the telephone format of {@link TelephoneAudio} (8 kHz, mono, 16-bit
 * PCM): normalised sounds and prompts. Anything else is refused, since playing it would
 * sound wrong; other formats go through {@link AudioNormaliser} first.
 */
public final class WavReader {

	private WavReader() {
	}

	/**
	 * Reads the samples of an 8 kHz mono 16-bit WAV file.
	 * @param wav the file
	 * @return its samples
	 * @throws AudioFormatException when it is not a WAV file in that format
	 */
	public static short[] read(byte[] wav) throws AudioFormatException {
		WavFile file = WavFile.parse(wav);
		if (file.encoding() != WavFile.Encoding.PCM_SIGNED_16 || file.channels() != 1
				|| file.sampleRate() != TelephoneAudio.SAMPLE_RATE) {
			throw new AudioFormatException(
					"Expected an 8000 Hz mono 16-bit PCM WAV file but got " + file.description() + ".");
		}
		short[] samples = new short[file.frameCount()];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = (short) WavFile.uint16(wav, file.dataOffset() + 2 * i);
		}
		return samples;
	}

	/**
	 * Reads the samples of an 8 kHz mono 16-bit WAV file from a stream (e.g. a class path
	 * resource).
	 * @param in the stream; read to its end, not closed
	 * @return its samples
	 * @throws AudioFormatException when it is not a WAV file in that format
	 * @throws IOException when reading fails
	 */
	public static short[] read(InputStream in) throws AudioFormatException, IOException {
		return read(in.readAllBytes());
	}

}
