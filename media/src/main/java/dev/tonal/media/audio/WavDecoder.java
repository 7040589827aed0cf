package dev.tonal.media.audio;

import dev.tonal.media.codec.G711;

/**
 * Decodes the samples of a parsed WAV file to mono floats, downmixing stereo by averaging
 * the channels (averaging, not summing, so a full-scale stereo file cannot clip).
 */
final class WavDecoder {

	private static final int CHUNK_FRAMES = 4096;

	private WavDecoder() {
	}

	/**
	 * Decodes {@code data}, described by {@code wav}, into {@code consumer}.
	 * @param data the whole file
	 * @param wav its parsed header
	 * @param consumer receives the sample rate and the mono samples
	 * @throws AudioFormatException when the consumer rejects the audio
	 */
	static void decode(byte[] data, WavFile wav, PcmConsumer consumer) throws AudioFormatException {
		consumer.start(wav.sampleRate());
		int frames = wav.frameCount();
		int channels = wav.channels();
		int bytesPerSample = wav.bytesPerSample();
		float[] chunk = new float[CHUNK_FRAMES];
		int offset = wav.dataOffset();
		for (int done = 0; done < frames;) {
			int count = Math.min(CHUNK_FRAMES, frames - done);
			for (int i = 0; i < count; i++) {
				float sum = 0;
				for (int c = 0; c < channels; c++) {
					sum += sample(data, offset, wav.encoding());
					offset += bytesPerSample;
				}
				chunk[i] = sum / channels;
			}
			consumer.accept(chunk, count);
			done += count;
		}
	}

	private static float sample(byte[] data, int offset, WavFile.Encoding encoding) {
		return switch (encoding) {
			case PCM_UNSIGNED_8 -> ((data[offset] & 0xFF) - 128) / 128f;
			case PCM_SIGNED_16 -> (short) WavFile.uint16(data, offset) / 32768f;
			case PCM_SIGNED_24 -> (int24(data, offset)) / 8388608f;
			case PCM_SIGNED_32 -> (float) (int32(data, offset) / 2147483648.0);
			case FLOAT_32 -> finite(Float.intBitsToFloat(int32(data, offset)));
			case FLOAT_64 -> finite((float) Double
				.longBitsToDouble((int32(data, offset) & 0xFFFF_FFFFL) | ((long) int32(data, offset + 4) << 32)));
			case ULAW -> G711.decodeUlaw(data[offset]) / 32768f;
			case ALAW -> G711.decodeAlaw(data[offset]) / 32768f;
		};
	}

	/** A NaN or infinity would poison the resampling filter; treat it as silence. */
	private static float finite(float value) {
		return Float.isFinite(value) ? value : 0f;
	}

	private static int int24(byte[] data, int offset) {
		// shift up to bit 31 and back to sign-extend
		return ((data[offset] & 0xFF) << 8 | (data[offset + 1] & 0xFF) << 16 | data[offset + 2] << 24) >> 8;
	}

	private static int int32(byte[] data, int offset) {
		return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16
				| data[offset + 3] << 24;
	}

}
