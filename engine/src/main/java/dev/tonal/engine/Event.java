package dev.tonal.engine;

import java.util.Objects;

/**
 * Something that happened to a call, fed into {@link CallSession#handle}. Every event
 * checks its own fields; an event that does not fit the session's state (a stale playback
 * id, a reply to a request the session gave up on) is ignored by the session.
 */
public sealed interface Event {

	/** The call was answered: the session starts (semantics.md rule 2). */
	record Answered() implements Event {
	}

	/** A playback started by a play command has ended on its own. */
	record PlaybackFinished(long playbackId) implements Event {
	}

	/** The caller pressed a key. */
	record Digit(char digit, DtmfTransport transport) implements Event {

		public Digit {
			if ("0123456789*#ABCD".indexOf(digit) < 0) {
				throw new IllegalArgumentException("not a DTMF key: '" + digit + "'");
			}
			Objects.requireNonNull(transport, "transport");
		}

	}

	/**
	 * The adapter's single timer fired: it calls {@code handle} at
	 * {@link CallSession#nextDeadline()}.
	 */
	record TimerFired() implements Event {
	}

	/** The Call Interactive request was answered (any status). */
	record HttpReplied(long requestId, int status, String body) implements Event {

		public HttpReplied {
			if (status < 100 || status > 599) {
				throw new IllegalArgumentException("HTTP status out of range: " + status);
			}
			body = (body != null) ? body : "";
		}

	}

	/** The Call Interactive request got no usable reply. */
	record HttpFailed(long requestId, HttpFailure reason) implements Event {

		public HttpFailed {
			Objects.requireNonNull(reason, "reason");
		}

	}

	/** A leg of a {@link Command.Ring} rings (18x): the callee's phone is ringing. */
	record LegRinging(long legId) implements Event {
	}

	/** A leg of a {@link Command.Ring} answered; it waits to be bridged or cancelled. */
	record LegAnswered(long legId) implements Event {
	}

	/**
	 * A leg's destination is an IVR of this server: it answers at once, with no SIP hop,
	 * by running that IVR on this call ({@link Command.ContinueWithIvr}).
	 */
	record LegReachedIvr(long legId, String extension) implements Event {

		public LegReachedIvr {
			Objects.requireNonNull(extension, "extension");
		}

	}

	/** A leg of a {@link Command.Ring} failed before answering. */
	record LegFailed(long legId, TransferFailure reason) implements Event {

		public LegFailed {
			Objects.requireNonNull(reason, "reason");
		}

	}

	/** The bridged callee hung up (rule 16). */
	record CalleeHungUp(long legId) implements Event {
	}

	/** The speech recogniser heard {@code text}. */
	record SpeechRecognised(String text) implements Event {

		public SpeechRecognised {
			Objects.requireNonNull(text, "text");
		}

	}

	/** The speech recogniser gave up (no speech, error). */
	record SpeechFailed(String reason) implements Event {

		public SpeechFailed {
			reason = (reason != null) ? reason : "unknown";
		}

	}

	/**
	 * The adapter ended a voicemail recording by itself ({@code why}: {@code "silence"},
	 * or {@code "error"} when it could not record); the recording so far is kept.
	 */
	record RecordingFinished(long recordingId, long durationMs, String why) implements Event {

		public RecordingFinished {
			if (durationMs < 0) {
				throw new IllegalArgumentException("negative duration: " + durationMs);
			}
			why = (why != null) ? why : "unknown";
		}

	}

	/** The caller hung up (rule 30). */
	record CallerHungUp() implements Event {
	}

	/** Text-to-speech of a {@link Command.Synthesise} is ready, as {@code greeting}. */
	record SpeechSynthesised(long requestId, String greeting) implements Event {

		public SpeechSynthesised {
			Objects.requireNonNull(greeting, "greeting");
		}

	}

	/** Text-to-speech of a {@link Command.Synthesise} failed. */
	record SynthesisFailed(long requestId, String reason) implements Event {

		public SynthesisFailed {
			reason = (reason != null) ? reason : "unknown";
		}

	}

}
