package dev.tonal.engine;

import dev.tonal.model.Context;
import dev.tonal.model.Rule;

/**
 * {@code record_digits} (semantics.md rule 20): plays the optional prompt (background: a
 * digit stops it and is the first recorded digit), collects up to
 * {@code record_digits_max} digits with the context's timeouts and {@code #} as
 * terminator, stores them (possibly "") and goes on. These digits never select an option.
 */
final class RecordDigitsStep extends Step {

	private final Rule rule;

	private final Context context;

	private final DigitCollector collector;

	private Prompt prompt;

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
				Flow flow = add(digit);
				if (flow != Flow.WAIT) {
					return flow;
				}
			}
			return Flow.WAIT;
		}
		if (this.rule.recordDigitsSound() != null) {
			this.prompt = Prompt.sound(this.call, this.rule.recordDigitsSound(), true);
			this.prompt.start();
			return Flow.WAIT;
		}
		this.deadline = this.call.after(this.context.timeout());
		return Flow.WAIT;
	}

	@Override
	Flow on(Event event) {
		if (this.prompt != null && this.prompt.finishedBy(event)) {
			this.deadline = this.call.after(this.context.timeout());
		}
		return Flow.WAIT;
	}

	@Override
	Flow onDigit(Event.Digit digit) {
		this.call.traceDigit(digit, true);
		if (this.prompt != null) {
			this.prompt.interrupt();
		}
		return add(digit.digit());
	}

	private Flow add(char digit) {
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

	@Override
	void cancel() {
		if (this.prompt != null) {
			this.prompt.interrupt();
		}
	}

}
