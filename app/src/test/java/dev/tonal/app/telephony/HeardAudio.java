package dev.tonal.app.telephony;

import java.util.List;

import dev.tonal.media.codec.G711;
import dev.tonal.media.rtp.RtpPacket;

/** What a test phone heard: the audio packets of a call, decoded, in arrival order. */
final class HeardAudio {

	private HeardAudio() {
	}

	/** The PCMU packets among {@code packets}. */
	static List<RtpPacket> audioPackets(List<RtpPacket> packets) {
		return packets.stream().filter((packet) -> packet.payloadType() == G711.Law.ULAW.payloadType()).toList();
	}

	/** The samples of the PCMU packets, one after another. */
	static short[] samples(List<RtpPacket> packets) {
		List<RtpPacket> audio = audioPackets(packets);
		short[] out = new short[audio.stream().mapToInt((packet) -> packet.payload().length).sum()];
		int position = 0;
		for (RtpPacket packet : audio) {
			short[] decoded = G711.decode(G711.Law.ULAW, packet.payload(), 0, packet.payload().length);
			System.arraycopy(decoded, 0, out, position, decoded.length);
			position += decoded.length;
		}
		return out;
	}

	/**
	 * The normalised cross-correlation of {@code heard} with {@code expected} at the best
	 * alignment within {@code maxLag} samples, over the whole of {@code expected}: 1 for
	 * the same audio (at any level), about 0 for unrelated audio or silence.
	 */
	static double correlation(short[] heard, short[] expected, int maxLag) {
		double best = 0;
		for (int lag = -maxLag; lag <= maxLag; lag++) {
			double dot = 0;
			double heardEnergy = 0;
			double expectedEnergy = 0;
			for (int i = 0; i < expected.length; i++) {
				int j = i + lag;
				double h = (j >= 0 && j < heard.length) ? heard[j] : 0;
				dot += h * expected[i];
				heardEnergy += h * h;
				expectedEnergy += (double) expected[i] * expected[i];
			}
			if (heardEnergy > 0 && expectedEnergy > 0) {
				best = Math.max(best, dot / Math.sqrt(heardEnergy * expectedEnergy));
			}
		}
		return best;
	}

	/**
	 * A rising sweep (300 to 3000 Hz): audio that matches itself at one alignment only.
	 */
	static short[] sweep(int durationMs) {
		int count = durationMs * 8;
		short[] samples = new short[count];
		double phase = 0;
		for (int i = 0; i < count; i++) {
			double frequency = 300 + 2700.0 * i / count;
			phase += 2 * Math.PI * frequency / 8000;
			samples[i] = (short) (8000 * Math.sin(phase));
		}
		return samples;
	}

}
