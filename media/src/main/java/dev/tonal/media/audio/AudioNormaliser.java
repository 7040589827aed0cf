package dev.tonal.media.audio;

/**
 * Decodes an uploaded sound (WAV: PCM 8/16/24/32-bit, float, µ-law, A-law, any rate, mono
 * or stereo; MP3) and normalises it to 8 kHz mono 16-bit (api.md §3).
 */
public final class AudioNormaliser {

	/**
	 * Decodes {@code data} and returns the normalised audio.
	 * @param data the uploaded file's bytes
	 * @param filename the uploaded file name (a hint only; the content decides)
	 * @throws AudioFormatException when the data is not a usable WAV or MP3
	 */
	public NormalisedAudio normalise(byte[] data, String filename) throws AudioFormatException {
		throw new AudioFormatException("audio decoding is being implemented");
	}

}
