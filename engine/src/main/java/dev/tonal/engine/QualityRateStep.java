package dev.tonal.engine;

import dev.tonal.model.Rule;

/**
 * {@code quality_rate} (semantics.md rule 23): plays the prompt, waits the context's
 * {@code timeout} for one digit; a digit 1..{@code max_rate} (default 5) is stored as the
 * rating, any other digit or none stores nothing. A digit during the prompt stops it and
 * counts as the answer. Then the next rule.
 */
final class QualityRateStep extends PromptedInputStep {

	static final int DEFAULT_MAX_RATE = 5;

	private final Rule rule;

	private final int maxRate;

	QualityRateStep(CallState call, Rule rule) {
		super(call);
		this.rule = rule;
		this.maxRate = (rule.maxRate() != null) ? rule.maxRate() : DEFAULT_MAX_RATE;
	}

	@Override
	Flow start() {
		String kept = this.call.takeKeptDigits();
		if (!kept.isEmpty()) {
			return digit(kept.charAt(0));
		}
		return play(Prompt.ofRule(this.call, this.rule.sound(), this.rule.playSoundFromVariable(), true));
	}

	@Override
	Flow digit(char digit) {
		this.deadline = null;
		int rate = Character.isDigit(digit) ? digit - '0' : -1;
		if (rate >= 1 && rate <= this.maxRate) {
			this.call.emit(new Command.StoreRating(rate, this.maxRate));
			this.call.trace("rating", "rate", rate, "max_rate", this.maxRate);
		}
		return Flow.NEXT;
	}

	@Override
	Flow onDeadline() {
		this.deadline = null;
		this.call.trace("timer_fired", "timer", "timeout");
		return Flow.NEXT;
	}

}
