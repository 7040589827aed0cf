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

	/** One destination of a transfer answered. */
	record TransferAnswered(long transferId, String destination) implements Event {

		public TransferAnswered {
			Objects.requireNonNull(destination, "destination");
		}

	}

	/**
	 * One destination of a transfer failed, with one of the
	 * {@link TransferFailureReasons}.
	 */
	record TransferFailed(long transferId, String destination, String reason) implements Event {

		public TransferFailed {
			Objects.requireNonNull(destination, "destination");
			Objects.requireNonNull(reason, "reason");
		}

	}

	/** The bridged callee hung up (rule 16). */
	record CalleeHungUp(long transferId) implements Event {
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
