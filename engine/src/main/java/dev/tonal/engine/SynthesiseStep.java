package dev.tonal.engine;

/**
 * Call Interactive's {@code <TextToSpeech>}: synthesises the text; with {@code var} the
 * result becomes the greeting that {@code play_sound_from_variable} plays (rule 12),
 * without it the greeting is played at once (as a background prompt). A failed synthesis
 * is recorded and the next verb runs.
 */
final class SynthesiseStep extends Step {

	private final InteractiveReply.TextToSpeech tts;

	private long requestId;

	private PlayStep playing;

	SynthesiseStep(CallState call, InteractiveReply.TextToSpeech tts) {
		super(call);
		this.tts = tts;
	}

	@Override
	Flow start() {
		this.requestId = this.call.newId();
		this.call.emit(new Command.Synthesise(this.requestId, this.tts.text(), this.tts.voice()));
		return Flow.WAIT;
	}

	@Override
	Flow on(Event event) {
		if (this.playing != null) {
			return this.playing.on(event);
		}
		return switch (event) {
			case Event.SpeechSynthesised done when done.requestId() == this.requestId -> synthesised(done.greeting());
			case Event.SynthesisFailed failed when failed.requestId() == this.requestId -> {
				this.call.trace("verb_skipped", "verb", "TextToSpeech", "why", "synthesis failed: " + failed.reason());
				yield Flow.NEXT;
			}
			default -> Flow.WAIT;
		};
	}

	private Flow synthesised(String greeting) {
		if (this.tts.variable() != null) {
			this.call.greeting = greeting;
			this.call.setVariable(this.tts.variable(), greeting);
			return Flow.NEXT;
		}
		this.playing = new PlayStep(this.call, Prompt.greeting(this.call, greeting, true));
		return this.playing.start();
	}

	@Override
	Flow onDigit(Event.Digit digit) {
		return (this.playing != null) ? this.playing.onDigit(digit) : super.onDigit(digit);
	}

	@Override
	void cancel() {
		if (this.playing != null) {
			this.playing.cancel();
		}
	}

}
