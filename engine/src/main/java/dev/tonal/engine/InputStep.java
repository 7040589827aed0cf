package dev.tonal.engine;

import java.util.List;

import dev.tonal.model.Action;
import dev.tonal.model.BuiltInOption;
import dev.tonal.model.Context;
import dev.tonal.model.Rule;

/**
 * Waiting for and collecting the caller's choice in the current context (semantics.md
 * rules 8–10): the {@code timeout} timer until the first digit, then the
 * {@code inter_digit_timeout} timer after each digit, until {@link DigitCollector} says
 * the input is complete; the input then selects an option, an extension or
 * {@code invalid}.
 */
final class InputStep extends Step {

	private final Context context;

	private final Menu menu;

	private final DigitCollector collector;

	private final String initialDigits;

	InputStep(CallState call, String initialDigits) {
		super(call);
		this.context = call.context.context();
		this.menu = new Menu(call.snapshot, call.context);
		this.collector = new DigitCollector(this.context.digitLen(), this.menu);
		this.initialDigits = initialDigits;
	}

	@Override
	Flow start() {
		this.deadline = this.call.after(this.context.timeout());
		for (char digit : this.initialDigits.toCharArray()) {
			Flow flow = add(digit);
			if (flow != Flow.WAIT) {
				return flow;
			}
		}
		return Flow.WAIT;
	}

	@Override
	Flow onDigit(Event.Digit digit) {
		this.call.traceDigit(digit, true);
		return add(digit.digit());
	}

	private Flow add(char digit) {
		DigitCollector.Done done = this.collector.add(digit);
		if (done != null) {
			return resolve(done);
		}
		this.deadline = this.call.after(this.context.interDigitTimeout());
		return Flow.WAIT;
	}

	@Override
	Flow onDeadline() {
		this.deadline = null;
		if (this.collector.isEmpty()) {
			this.call.trace("timer_fired", "timer", "timeout");
			return new Flow.RunOption(BuiltInOption.TIMEOUT);
		}
		this.call.trace("timer_fired", "timer", "inter_digit");
		return resolve(this.collector.timedOut());
	}

	private Flow resolve(DigitCollector.Done done) {
		this.deadline = null;
		this.call.trace("input_complete", "digits", done.digits(), "why", done.why());
		return selectionFlow(this.menu.select(done.digits()), done.digits());
	}

	/** Rule 10 as a flow; shared with the voice helper's DTMF input. */
	static Flow selectionFlow(Menu.Selection selection, String digits) {
		if (selection.extension() != null) {
			Rule transfer = Rule.builder(Action.TRANSFER).transferDst(selection.extension()).build();
			return new Flow.RunRules("dial " + digits, List.of(transfer));
		}
		return new Flow.RunOption(selection.option());
	}

}
