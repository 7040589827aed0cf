package dev.tonal.engine;

/**
 * A rule that plays an optional prompt and then waits the context's {@code timeout} for
 * the caller's digits ({@code quality_rate}, {@code record_digits}). The prompt is
 * background: a digit stops it and is taken as input (rule 11).
 */
abstract class PromptedInputStep extends Step {

	private Prompt prompt;

	PromptedInputStep(CallState call) {
		super(call);
	}

	/** Plays {@code prompt}, or starts waiting for the first digit at once when null. */
	final Flow play(Prompt prompt) {
		this.prompt = prompt;
		if (prompt != null) {
			prompt.start();
		}
		else {
			waitForFirstDigit();
		}
		return Flow.WAIT;
	}

	private void waitForFirstDigit() {
		this.deadline = this.call.after(this.call.context.context().timeout());
	}

	/** A digit the caller pressed, during the prompt or after it. */
	abstract Flow digit(char digit);

	@Override
	final Flow on(Event event) {
		if (this.prompt != null && this.prompt.finishedBy(event)) {
			waitForFirstDigit();
		}
		return Flow.WAIT;
	}

	@Override
	final Flow onDigit(Event.Digit digit) {
		this.call.traceDigit(digit, true);
		if (this.prompt != null) {
			this.prompt.interrupt();
		}
		return digit(digit.digit());
	}

	@Override
	final void cancel() {
		if (this.prompt != null) {
			this.prompt.interrupt();
		}
	}

}
