package dev.tonal.app.support;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Small WAV files made in memory for sound upload tests. */
public final class TestWavs {

	private TestWavs() {
	}

	/** A 16-bit PCM WAV with a 440 Hz tone in every channel. */
	public static byte[] tone(int sampleRate, int channels, int durationMs) {
		int frames = sampleRate * durationMs / 1000;
		int dataSize = frames * channels * 2;
		ByteBuffer wav = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes()).putInt(36 + dataSize).put("WAVE".getBytes());
		wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(sampleRate);
		wav.putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
		wav.put("data".getBytes()).putInt(dataSize);
		for (int i = 0; i < frames; i++) {
			short sample = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / sampleRate));
			for (int c = 0; c < channels; c++) {
				wav.putShort(sample);
			}
		}
		return wav.array();
	}

}
