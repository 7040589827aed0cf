package dev.tonal.engine;

import dev.tonal.model.Context;
import dev.tonal.model.Rule;

/**
 * {@code record_digits} (semantics.md rule 20): plays the optional prompt (background: a
 * digit stops it and is the first recorded digit), collects up to
 * {@code record_digits_max} digits with the context's timeouts and {@code #} as
 * terminator, stores them (possibly "") and goes on. These digits never select an option.
 */
final class RecordDigitsStep extends PromptedInputStep {

	private final Rule rule;

	private final Context context;

	private final DigitCollector collector;

	RecordDigitsStep(CallState call, Rule rule) {
		super(call);
		this.rule = rule;
		this.context = call.context.context();
		int max = (rule.recordDigitsMax() != null) ? rule.recordDigitsMax() : this.context.digitLen();
		this.collector = new DigitCollector(max, DigitCollector.FREE_INPUT);
	}

	@Override
	Flow start() {
		String kept = this.call.takeKeptDigits();
		if (!kept.isEmpty()) {
			this.deadline = this.call.after(this.context.interDigitTimeout());
			for (char digit : kept.toCharArray()) {
				Flow flow = digit(digit);
				if (flow != Flow.WAIT) {
					return flow;
				}
			}
			return Flow.WAIT;
		}
		Long sound = this.rule.recordDigitsSound();
		return play((sound != null) ? Prompt.sound(this.call, sound, true) : null);
	}

	@Override
	Flow digit(char digit) {
		DigitCollector.Done done = this.collector.add(digit);
		if (done != null) {
			return store(done);
		}
		this.deadline = this.call.after(this.context.interDigitTimeout());
		return Flow.WAIT;
	}

	@Override
	Flow onDeadline() {
		boolean first = this.collector.isEmpty();
		this.call.trace("timer_fired", "timer", first ? "timeout" : "inter_digit");
		return store(first ? new DigitCollector.Done("", "timeout") : this.collector.timedOut());
	}

	private Flow store(DigitCollector.Done done) {
		this.deadline = null;
		this.call.trace("input_complete", "digits", done.digits(), "why", done.why());
		this.call.setVariable(this.rule.recordDigitsVariable(), done.digits());
		return Flow.NEXT;
	}

}
