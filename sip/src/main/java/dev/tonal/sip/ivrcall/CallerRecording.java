package dev.tonal.sip.ivrcall;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executor;

import dev.tonal.media.audio.TelephoneAudio;
import dev.tonal.sip.rtp.CallMedia;

/**
 * One voicemail recording of a call (docs/voicemail.md): what the caller says, as 8 kHz
 * samples, from {@link #start()} until {@link #stop()}. The audio arrives on the RTP
 * receive thread through {@link CallMedia#listenToCaller}, where it is only copied into a
 * buffer and measured; when the caller has been silent for the silence limit the
 * {@code silent} callback runs once, on the call's executor.
 *
 * <p>
 * Silence is counted in received audio (20 ms packets), not wall time: a packet whose
 * average level stays under {@link #SILENT_LEVEL} is silent. A caller who sends no audio
 * at all is stopped by the engine's maximum length instead. The buffer never grows past
 * the maximum length plus a second, whatever arrives.
 */
final class CallerRecording {

	/**
	 * Mean absolute sample value under which a packet counts as silent (about -45 dBFS:
	 * line noise and comfort noise, not speech).
	 */
	static final int SILENT_LEVEL = 180;

	private final CallMedia media;

	private final Executor callThread;

	private final Runnable silent;

	private final int silenceSamples;

	private final int capacity;

	private short[] samples = new short[TelephoneAudio.SAMPLE_RATE * 10];

	private int length;

	private int silentSoFar;

	private boolean silenceReported;

	private boolean stopped;

	/**
	 * @param media the call's media
	 * @param callThread the call's executor, where {@code silent} runs
	 * @param maxLength the longest recording the engine allows
	 * @param silence how much silence ends the recording
	 * @param silent told once when that much silence has been heard
	 */
	CallerRecording(CallMedia media, Executor callThread, Duration maxLength, Duration silence, Runnable silent) {
		this.media = media;
		this.callThread = callThread;
		this.silent = silent;
		this.silenceSamples = (int) Math.min(Integer.MAX_VALUE, silence.toMillis() * TelephoneAudio.SAMPLE_RATE / 1000);
		this.capacity = (int) Math.min(Integer.MAX_VALUE - 8,
				(maxLength.toMillis() + 1000) * TelephoneAudio.SAMPLE_RATE / 1000);
	}

	void start() {
		this.media.listenToCaller(this::heard);
	}

	/** On the RTP receive thread: copy and measure, nothing more. */
	private void heard(short[] packet) {
		boolean reportSilence;
		synchronized (this) {
			if (this.stopped) {
				return;
			}
			int room = Math.min(packet.length, this.capacity - this.length);
			if (room <= 0) {
				return;
			}
			if (this.length + room > this.samples.length) {
				this.samples = Arrays.copyOf(this.samples,
						Math.min(this.capacity, Math.max(this.length + room, this.samples.length * 2)));
			}
			System.arraycopy(packet, 0, this.samples, this.length, room);
			this.length += room;
			this.silentSoFar = isSilent(packet) ? this.silentSoFar + packet.length : 0;
			reportSilence = !this.silenceReported && this.silentSoFar >= this.silenceSamples;
			if (reportSilence) {
				this.silenceReported = true;
			}
		}
		if (reportSilence) {
			this.callThread.execute(this.silent);
		}
	}

	static boolean isSilent(short[] packet) {
		long sum = 0;
		for (short sample : packet) {
			sum += Math.abs(sample);
		}
		return packet.length == 0 || sum / packet.length < SILENT_LEVEL;
	}

	/** Stops listening; the recording so far (empty if nothing arrived). */
	short[] stop() {
		this.media.listenToCaller(null);
		synchronized (this) {
			this.stopped = true;
			return Arrays.copyOf(this.samples, this.length);
		}
	}

}
