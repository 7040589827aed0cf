package dev.tonal.sip.b2bua;

import java.util.List;

import dev.tonal.media.codec.G711;
import dev.tonal.media.rtp.RtpPacket;

/** Test audio: a recognisable signal and how alike two recordings are. */
public final class AudioSignals {

	private AudioSignals() {
	}

	/**
	 * A linear sweep from {@code fromHz} to {@code toHz}, 8 kHz: it matches itself only
	 * at lag 0.
	 */
	public static short[] chirp(int level, double fromHz, double toHz, int tenthsOfSecond) {
		int length = tenthsOfSecond * 800;
		short[] samples = new short[length];
		double phase = 0;
		for (int i = 0; i < length; i++) {
			double hz = fromHz + (toHz - fromHz) * i / length;
			phase += 2 * Math.PI * hz / 8000;
			samples[i] = (short) (level * Math.sin(phase));
		}
		return samples;
	}

	/** The audio of packets, in the order given. */
	public static short[] decode(List<RtpPacket> packets, G711.Law law) {
		short[] all = new short[packets.size() * 160];
		int at = 0;
		for (RtpPacket packet : packets) {
			short[] samples = G711.decode(law, packet.payload(), 0, packet.payload().length);
			System.arraycopy(samples, 0, all, at, Math.min(samples.length, all.length - at));
			at += samples.length;
		}
		return all;
	}

	/**
	 * The best normalised cross-correlation of {@code heard} with {@code sent} over lags
	 * of up to one second (the far end may have started late).
	 */
	public static double correlation(short[] sent, short[] heard) {
		double best = 0;
		for (int lag = 0; lag <= Math.min(8000, heard.length - 1); lag++) {
			double dot = 0;
			double sentEnergy = 0;
			double heardEnergy = 0;
			int n = Math.min(sent.length, heard.length - lag);
			for (int i = 0; i < n; i++) {
				dot += (double) sent[i] * heard[i + lag];
				sentEnergy += (double) sent[i] * sent[i];
				heardEnergy += (double) heard[i + lag] * heard[i + lag];
			}
			if (sentEnergy > 0 && heardEnergy > 0) {
				best = Math.max(best, dot / Math.sqrt(sentEnergy * heardEnergy));
			}
		}
		return best;
	}

}
