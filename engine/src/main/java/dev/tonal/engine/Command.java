package dev.tonal.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tonal.model.PlayDigitsMethod;

/**
 * What the adapter must do for a call, returned by {@link CallSession#handle}. Ids
 * ({@code playbackId}, {@code legId}, {@code requestId}) are chosen by the session and
 * come back in the events that report the outcome.
 */
public sealed interface Command {

	/** Play a sound of the client; report {@link Event.PlaybackFinished} when done. */
	record PlaySound(long playbackId, long soundId) implements Command {
	}

	/**
	 * Play a sound of the client named by file name or title (Call Interactive
	 * {@code <PlaySound>}); an unknown name finishes at once.
	 */
	record PlayNamedSound(long playbackId, String name) implements Command {

		public PlayNamedSound {
			Objects.requireNonNull(name, "name");
		}

	}

	/** Play {@code ms} of silence. */
	record PlaySilence(long playbackId, int ms) implements Command {

		public PlaySilence {
			if (ms < 0) {
				throw new IllegalArgumentException("negative silence: " + ms);
			}
		}

	}

	/** Speak {@code text} (0-9*#) digit by digit or as a number, in {@code language}. */
	record PlayDigits(long playbackId, String text, PlayDigitsMethod method, String language) implements Command {

		public PlayDigits {
			Objects.requireNonNull(text, "text");
			Objects.requireNonNull(method, "method");
			Objects.requireNonNull(language, "language");
		}

	}

	/** Play a greeting made by {@link Synthesise}. */
	record PlaySynthesised(long playbackId, String greeting) implements Command {

		public PlaySynthesised {
			Objects.requireNonNull(greeting, "greeting");
		}

	}

	/**
	 * Play the voicemail beep: a {@value #BEEP_HZ} Hz tone of {@value #BEEP_MS} ms;
	 * report {@link Event.PlaybackFinished} when done.
	 */
	record PlayBeep(long playbackId) implements Command {

		/** The beep's length (the simulator lets it last as long). */
		public static final int BEEP_MS = 500;

		/** The beep's pitch. */
		public static final int BEEP_HZ = 1000;

	}

	/** Stop a playback early (barge-in, lifetime); no PlaybackFinished is expected. */
	record StopPlayback(long playbackId) implements Command {
	}

	/**
	 * Dial one leg per destination, all at once, presenting the caller as given (rule
	 * 16). Report each leg by its id: {@link Event.LegRinging}, then one of
	 * {@link Event.LegAnswered}, {@link Event.LegReachedIvr} or {@link Event.LegFailed}.
	 * The adapter only dials and reports: the session decides who wins, cancels the
	 * others and gives up when its ring timeout passes.
	 */
	record Ring(List<Leg> legs, String callerIdNumber, String callerIdName) implements Command {

		public Ring {
			legs = List.copyOf(legs);
			if (legs.isEmpty()) {
				throw new IllegalArgumentException("a ring needs at least one leg");
			}
		}

		/** The destinations rung, in order. */
		public List<String> destinations() {
			return this.legs.stream().map(Leg::destination).toList();
		}

	}

	/** One leg of a {@link Ring}: a destination as the IVR names it, and its id. */
	record Leg(long legId, String destination) {

		public Leg {
			Objects.requireNonNull(destination, "destination");
		}

	}

	/**
	 * End a leg: CANCEL while it rings, BYE if it answered after all (a 200 crossing the
	 * cancel). No further event for it is expected.
	 */
	record CancelLeg(long legId) implements Command {
	}

	/**
	 * Connect the caller to the answered leg; the session has cancelled every other leg.
	 * The bridge lasts until either side hangs up. If the session is not
	 * {@linkplain CallSession#isEnded() ended} by the bridge (a quality_rate follows),
	 * report {@link Event.CalleeHungUp} and keep the caller; otherwise the IVR is done
	 * with the call.
	 */
	record Bridge(long legId, String destination) implements Command {

		public Bridge {
			Objects.requireNonNull(destination, "destination");
		}

	}

	/**
	 * The transfer reached an IVR ({@link Event.LegReachedIvr}): run that IVR on this
	 * same call, as a call of its own, from now on. This session is over.
	 */
	record ContinueWithIvr(long legId, String extension) implements Command {

		public ContinueWithIvr {
			Objects.requireNonNull(extension, "extension");
		}

	}

	/** Play ringback to the caller, in a loop, until {@link StopRingback}. */
	record StartRingback() implements Command {
	}

	/** Stop the ringback. */
	record StopRingback() implements Command {
	}

	/** End the call. */
	record HangUp(String reason) implements Command {

		public HangUp {
			Objects.requireNonNull(reason, "reason");
		}

	}

	/**
	 * Send a Call Interactive request: {@code params} go into the query string (GET) or a
	 * form body (POST). Report {@link Event.HttpReplied} or {@link Event.HttpFailed}.
	 */
	record HttpRequest(long requestId, String method, String url, Map<String, String> params,
			Duration timeout) implements Command {

		public HttpRequest {
			if (!"GET".equals(method) && !"POST".equals(method)) {
				throw new IllegalArgumentException("method must be GET or POST: " + method);
			}
			Objects.requireNonNull(url, "url");
			params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
			Objects.requireNonNull(timeout, "timeout");
		}

	}

	/**
	 * Synthesise speech; report {@link Event.SpeechSynthesised} or
	 * {@link Event.SynthesisFailed}.
	 */
	record Synthesise(long requestId, String text, String voice) implements Command {

		public Synthesise {
			Objects.requireNonNull(text, "text");
			Objects.requireNonNull(voice, "voice");
		}

	}

	/**
	 * Listen for speech; report {@link Event.SpeechRecognised} or
	 * {@link Event.SpeechFailed}.
	 */
	record Recognise(Duration timeout) implements Command {

		public Recognise {
			Objects.requireNonNull(timeout, "timeout");
		}

	}

	/** Stop listening for speech. */
	record StopRecognising() implements Command {
	}

	/**
	 * Record the caller's voicemail from now on (docs/voicemail.md): keep what the caller
	 * says as 8 kHz audio. When the caller stays silent for {@code silence}, stop, keep
	 * the recording and report {@link Event.RecordingFinished} with why
	 * {@code "silence"}. {@code maxLength} is informative: the session stops the
	 * recording itself when it is reached.
	 */
	record StartRecording(long recordingId, Duration maxLength, Duration silence) implements Command {

		public StartRecording {
			Objects.requireNonNull(maxLength, "maxLength");
			Objects.requireNonNull(silence, "silence");
		}

	}

	/**
	 * Stop the voicemail recording and keep it ({@code why}: {@code "#"},
	 * {@code "max_length"}, or {@code "ended"} when the call leaves it: caller hung up,
	 * lifetime). Nothing is reported back.
	 */
	record StopRecording(long recordingId, String why) implements Command {

		public StopRecording {
			Objects.requireNonNull(why, "why");
		}

	}

	/** Store a quality rating of this call (rule 23). */
	record StoreRating(int rate, int maxRate) implements Command {

		public StoreRating {
			if (rate < 1 || rate > maxRate) {
				throw new IllegalArgumentException("rate " + rate + " outside 1.." + maxRate);
			}
		}

	}

}
