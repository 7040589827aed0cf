package dev.tonal.media.audio;

/**
 * Writes 16-bit mono PCM as a WAV file; by default in the telephone format of
 * {@link TelephoneAudio} (8 kHz), the format of normalised sounds and prompts.
 */
public final class WavWriter {

	private static final int HEADER_LENGTH = 44;

	private WavWriter() {
	}

	/**
	 * Writes 8 kHz mono 16-bit samples as a WAV file.
	 * @param samples the samples
	 * @return a complete WAV file
	 */
	public static byte[] write(short[] samples) {
		return write(samples, TelephoneAudio.SAMPLE_RATE);
	}

	/**
	 * Writes mono 16-bit samples as a WAV file.
	 * @param samples the samples
	 * @param sampleRate their rate in Hz
	 * @return a complete WAV file
	 */
	public static byte[] write(short[] samples, int sampleRate) {
		return write(samples, samples.length, sampleRate);
	}

	/** Writes the first {@code count} samples (saves a copy of long sounds). */
	static byte[] write(short[] samples, int count, int sampleRate) {
		int dataLength = count * 2;
		byte[] wav = new byte[HEADER_LENGTH + dataLength];
		ascii(wav, 0, "RIFF");
		int32(wav, 4, 36 + dataLength);
		ascii(wav, 8, "WAVE");
		ascii(wav, 12, "fmt ");
		int32(wav, 16, 16);
		int16(wav, 20, 1); // PCM
		int16(wav, 22, 1); // mono
		int32(wav, 24, sampleRate);
		int32(wav, 28, sampleRate * 2);
		int16(wav, 32, 2);
		int16(wav, 34, 16);
		ascii(wav, 36, "data");
		int32(wav, 40, dataLength);
		for (int i = 0; i < count; i++) {
			int16(wav, HEADER_LENGTH + 2 * i, samples[i]);
		}
		return wav;
	}

	private static void ascii(byte[] out, int offset, String text) {
		for (int i = 0; i < text.length(); i++) {
			out[offset + i] = (byte) text.charAt(i);
		}
	}

	private static void int16(byte[] out, int offset, int value) {
		out[offset] = (byte) value;
		out[offset + 1] = (byte) (value >> 8);
	}

	private static void int32(byte[] out, int offset, int value) {
		int16(out, offset, value);
		int16(out, offset + 2, value >> 16);
	}

}
