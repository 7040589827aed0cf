package dev.tonal.sip.ivrcall;

import java.time.Instant;
import java.util.Objects;

import dev.tonal.model.IvrSnapshot;

/**
 * A voicemail a caller left (docs/voicemail.md), handed to {@link IvrCallPorts#voicemail}
 * to be stored.
 *
 * @param callUuid the call's uuid (as in its history)
 * @param snapshot the IVR it was left in (client, extension, vm_* settings)
 * @param callerIdNumber the caller's number ("" when withheld)
 * @param callerIdName the caller's name
 * @param calledDid the {@code called_did} of the call
 * @param start when the recording started
 * @param samples 8 kHz mono 16-bit audio
 * @param why what ended it: {@code #}, {@code silence}, {@code max_length} or
 * {@code ended} (the caller hung up, the lifetime expired)
 */
public record RecordedVoicemail(String callUuid, IvrSnapshot snapshot, String callerIdNumber, String callerIdName,
		String calledDid, Instant start, short[] samples, String why) {

	public RecordedVoicemail {
		Objects.requireNonNull(callUuid, "callUuid");
		Objects.requireNonNull(snapshot, "snapshot");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(samples, "samples");
		Objects.requireNonNull(why, "why");
	}

	/** The length of the recording, in ms. */
	public long durationMs() {
		return this.samples.length * 1000L / dev.tonal.media.audio.TelephoneAudio.SAMPLE_RATE;
	}

}
