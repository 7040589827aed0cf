package dev.tonal.engine;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.tonal.model.BuiltInOption;
import dev.tonal.model.Rule;
import dev.tonal.model.VoiceHelperRule;

/**
 * {@code voice_helper} (semantics.md rule 24): plays the prompt, then listens up to
 * {@code voice_helper_timeout} for speech. Recognised text selects the first alternative
 * it matches (a whole word or a word stem, case-insensitive); DTMF (up to
 * {@code voice_helper_digits_max} digits) is still accepted and resolves as rule 10. No
 * match after {@code voice_helper_final_count} attempts runs {@code invalid}.
 */
final class VoiceHelperStep extends Step {

	private enum Phase {

		PROMPT, LISTENING, DIGITS

	}

	private final Rule rule;

	private final Menu menu;

	private final int finalCount;

	private final Duration listenFor;

	private DigitCollector digits;

	private Phase phase;

	private Prompt prompt;

	private int attempts;

	VoiceHelperStep(CallState call, Rule rule) {
		super(call);
		this.rule = rule;
		this.menu = new Menu(call.snapshot, call.context);
		this.finalCount = Math.max(1, (rule.voiceHelperFinalCount() != null) ? rule.voiceHelperFinalCount() : 1);
		this.listenFor = Duration.ofMillis((rule.voiceHelperTimeout() != null) ? rule.voiceHelperTimeout() : 10000);
	}

	@Override
	Flow start() {
		String kept = this.call.takeKeptDigits();
		if (!kept.isEmpty()) {
			for (char digit : kept.toCharArray()) {
				Flow flow = addDigit(digit);
				if (flow != Flow.WAIT) {
					return flow;
				}
			}
			return Flow.WAIT;
		}
		return attempt();
	}

	private Flow attempt() {
		this.attempts++;
		this.prompt = Prompt.ofRule(this.call, this.rule.sound(), this.rule.playSoundFromVariable(), true);
		if (this.prompt == null) {
			listen();
		}
		else {
			this.phase = Phase.PROMPT;
			this.prompt.start();
		}
		return Flow.WAIT;
	}

	private void listen() {
		this.phase = Phase.LISTENING;
		this.call.emit(new Command.Recognise(this.listenFor));
		this.deadline = this.call.now().plus(this.listenFor);
	}

	@Override
	Flow on(Event event) {
		if (this.phase == Phase.PROMPT && this.prompt.finishedBy(event)) {
			listen();
			return Flow.WAIT;
		}
		if (this.phase != Phase.LISTENING) {
			return Flow.WAIT;
		}
		return switch (event) {
			case Event.SpeechRecognised speech -> recognised(speech.text());
			case Event.SpeechFailed failed -> {
				this.call.trace("speech_failed", "why", failed.reason());
				yield failedAttempt();
			}
			default -> Flow.WAIT;
		};
	}

	private Flow recognised(String text) {
		this.deadline = null;
		List<VoiceHelperRule> alternatives = (this.rule.voiceHelperRules() != null) ? this.rule.voiceHelperRules()
				: List.of();
		for (VoiceHelperRule alternative : alternatives) {
			if (matches(text, alternative.transcription())) {
				this.call.trace("input_complete", "speech", text, "why", "speech");
				return new Flow.RunOption(alternative.toOption());
			}
		}
		this.call.trace("speech_unmatched", "speech", text);
		return failedAttempt();
	}

	/** Whether a word of {@code text} equals or starts with one of the alternatives. */
	static boolean matches(String text, String transcription) {
		String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
		for (String alternative : transcription.toLowerCase(Locale.ROOT).split("\\|")) {
			String stem = alternative.trim();
			if (stem.isEmpty()) {
				continue;
			}
			if (stem.contains(" ")) {
				if (text.toLowerCase(Locale.ROOT).contains(stem)) {
					return true;
				}
				continue;
			}
			for (String word : words) {
				if (word.startsWith(stem)) {
					return true;
				}
			}
		}
		return false;
	}

	private Flow failedAttempt() {
		this.deadline = null;
		if (this.attempts < this.finalCount) {
			return attempt();
		}
		return new Flow.RunOption(BuiltInOption.INVALID);
	}

	@Override
	Flow onDigit(Event.Digit digit) {
		this.call.traceDigit(digit, true);
		if (this.phase == Phase.PROMPT) {
			this.prompt.interrupt();
		}
		else if (this.phase == Phase.LISTENING) {
			this.call.emit(new Command.StopRecognising());
			if (digit.digit() == '#' && Boolean.TRUE.equals(this.rule.voiceHelperClassicTerm())) {
				return failedAttempt();
			}
		}
		return addDigit(digit.digit());
	}

	private Flow addDigit(char digit) {
		if (this.digits == null) {
			int max = (this.rule.voiceHelperDigitsMax() != null) ? this.rule.voiceHelperDigitsMax() : 1;
			this.digits = new DigitCollector(max, this.menu);
		}
		this.phase = Phase.DIGITS;
		DigitCollector.Done done = this.digits.add(digit);
		if (done != null) {
			return resolve(done);
		}
		this.deadline = this.call.after(this.call.context.context().interDigitTimeout());
		return Flow.WAIT;
	}

	private Flow resolve(DigitCollector.Done done) {
		this.deadline = null;
		this.call.trace("input_complete", "digits", done.digits(), "why", done.why());
		return InputStep.selectionFlow(this.menu.select(done.digits()), done.digits());
	}

	@Override
	Flow onDeadline() {
		this.deadline = null;
		if (this.phase == Phase.DIGITS) {
			this.call.trace("timer_fired", "timer", "inter_digit");
			return resolve(this.digits.timedOut());
		}
		this.call.trace("timer_fired", "timer", "voice_helper");
		this.call.emit(new Command.StopRecognising());
		return failedAttempt();
	}

	@Override
	void cancel() {
		if (this.phase == Phase.PROMPT) {
			this.prompt.interrupt();
		}
		else if (this.phase == Phase.LISTENING) {
			this.call.emit(new Command.StopRecognising());
		}
	}

}
