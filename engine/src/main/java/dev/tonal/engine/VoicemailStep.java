package dev.tonal.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The caller leaves a voicemail (docs/voicemail.md): the greeting ({@code vm_greeting},
 * or a default one synthesised in the IVR's language), a beep, then the recording until
 * {@code #}, silence (the adapter detects it) or the maximum length; then the call ends
 * as {@code voicemail}. A key pressed during the greeting skips to the beep. The caller
 * hanging up, or the lifetime expiring, stops the recording, which is kept.
 */
final class VoicemailStep extends Step {

	static final String DEFAULT_GREETING_RU = "Оставьте сообщение после сигнала. Когда закончите, нажмите решётку.";

	static final String DEFAULT_GREETING_EN = "Please leave a message after the tone. Press the hash key when you are done.";

	private enum Phase {

		GREETING, BEEP, RECORDING, DONE

	}

	private Phase phase = Phase.GREETING;

	private Prompt prompt;

	private long synthesisId = -1;

	private long recordingId = -1;

	private Instant recordingStarted;

	VoicemailStep(CallState call) {
		super(call);
	}

	@Override
	Flow start() {
		Long greeting = this.call.snapshot.settings().vmGreeting();
		this.call.trace("voicemail_started", "greeting", (greeting != null) ? greeting : "default");
		if (greeting != null) {
			return play(Prompt.sound(this.call, greeting, true));
		}
		String language = this.call.snapshot.language();
		boolean english = "en".equals(language);
		this.synthesisId = this.call.newId();
		this.call.emit(new Command.Synthesise(this.synthesisId, english ? DEFAULT_GREETING_EN : DEFAULT_GREETING_RU,
				english ? "en" : "ru"));
		return Flow.WAIT;
	}

	@Override
	Flow on(Event event) {
		switch (event) {
			case Event.SpeechSynthesised done when done.requestId() == this.synthesisId -> {
				this.synthesisId = -1;
				return play(Prompt.greeting(this.call, done.greeting(), true));
			}
			case Event.SynthesisFailed failed when failed.requestId() == this.synthesisId -> {
				this.synthesisId = -1;
				this.call.trace("voicemail_greeting_failed", "why", failed.reason());
				return beep();
			}
			case Event.RecordingFinished finished when this.phase == Phase.RECORDING
					&& finished.recordingId() == this.recordingId -> {
				return recorded(finished.durationMs(), finished.why());
			}
			default -> {
				if (this.prompt != null && this.prompt.finishedBy(event)) {
					return (this.phase == Phase.GREETING) ? beep() : record();
				}
				return Flow.WAIT;
			}
		}
	}

	@Override
	Flow onDigit(Event.Digit digit) {
		if (this.phase == Phase.GREETING) {
			// Callers who know the greeting skip it.
			this.call.traceDigit(digit, true);
			this.synthesisId = -1;
			if (this.prompt != null) {
				this.prompt.interrupt();
			}
			return beep();
		}
		if (this.phase == Phase.RECORDING && digit.digit() == '#') {
			this.call.traceDigit(digit, true);
			return stop("#");
		}
		this.call.traceDigit(digit, false);
		return Flow.WAIT;
	}

	@Override
	Flow onDeadline() {
		this.call.trace("timer_fired", "timer", "voicemail_max_length");
		return stop("max_length");
	}

	@Override
	void cancel() {
		if (this.phase == Phase.RECORDING) {
			stop("ended");
		}
		else if (this.prompt != null) {
			this.prompt.interrupt();
		}
	}

	private Flow play(Prompt greeting) {
		this.prompt = greeting;
		greeting.start();
		return Flow.WAIT;
	}

	private Flow beep() {
		this.phase = Phase.BEEP;
		return play(Prompt.beep(this.call));
	}

	private Flow record() {
		this.phase = Phase.RECORDING;
		this.prompt = null;
		this.recordingId = this.call.newId();
		this.recordingStarted = this.call.now();
		Duration max = this.call.settings.voicemailMaxLength();
		Duration silence = this.call.settings.voicemailSilence();
		this.call.emit(new Command.StartRecording(this.recordingId, max, silence));
		this.call.trace("recording_started", "max_length_ms", max.toMillis(), "silence_ms", silence.toMillis());
		this.deadline = this.recordingStarted.plus(max);
		return Flow.WAIT;
	}

	/** The session ends the recording. */
	private Flow stop(String why) {
		this.call.emit(new Command.StopRecording(this.recordingId, why));
		return recorded(Duration.between(this.recordingStarted, this.call.now()).toMillis(), why);
	}

	private Flow recorded(long durationMs, String why) {
		this.phase = Phase.DONE;
		this.deadline = null;
		this.call.trace("voicemail_recorded", "duration_ms", durationMs, "why", why);
		return new Flow.End(CallResult.End.VOICEMAIL, "voicemail recorded");
	}

}
