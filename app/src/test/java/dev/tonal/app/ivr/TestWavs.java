package dev.tonal.app.ivr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Small WAV files made in the test, so that no audio fixtures are needed. */
final class TestWavs {

	private static final int RATE = 8000;

	private TestWavs() {
	}

	/** A mono 16-bit 8 kHz sine tone (not silence: silent uploads are refused). */
	static byte[] tone(int durationMs, double frequencyHz) {
		int samples = RATE * durationMs / 1000;
		ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
		wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2);
		wav.putShort((short) 2).putShort((short) 16);
		wav.put("data".getBytes()).putInt(samples * 2);
		for (int i = 0; i < samples; i++) {
			wav.putShort((short) (8000 * Math.sin(2 * Math.PI * frequencyHz * i / RATE)));
		}
		return wav.array();
	}

}
