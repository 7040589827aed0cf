package dev.tonal.engine;

/**
 * Plays one prompt and goes on with the next rule: {@code play_sound},
 * {@code play_silence}, {@code play_digits}, {@code play_digits_from_variable} (rules
 * 12–14) and Call Interactive's {@code <PlaySound>}. Digits during a barge-in prompt stop
 * it and start input collection; during other prompts they are discarded (rule 11). With
 * a {@code digitVariable} (Call Interactive {@code digitvar}) digits typed during a
 * barge-in prompt are appended to that variable instead, and the prompt plays on.
 */
final class PlayStep extends Step {

	private final Prompt prompt;

	private final String digitVariable;

	PlayStep(CallState call, Prompt prompt) {
		this(call, prompt, null);
	}

	PlayStep(CallState call, Prompt prompt, String digitVariable) {
		super(call);
		this.prompt = prompt;
		this.digitVariable = digitVariable;
	}

	@Override
	Flow start() {
		if (this.prompt == null) {
			return Flow.NEXT;
		}
		if (this.digitVariable != null && this.prompt.bargeIn) {
			this.call.setVariable(this.digitVariable, "");
		}
		this.prompt.start();
		return Flow.WAIT;
	}

	@Override
	Flow on(Event event) {
		return this.prompt.finishedBy(event) ? Flow.NEXT : Flow.WAIT;
	}

	@Override
	Flow onDigit(Event.Digit digit) {
		if (!this.prompt.bargeIn) {
			this.call.traceDigit(digit, false);
			return Flow.WAIT;
		}
		this.call.traceDigit(digit, true);
		if (this.digitVariable != null) {
			String sofar = this.call.variables.get(this.digitVariable);
			this.call.setVariable(this.digitVariable, ((sofar != null) ? sofar : "") + digit.digit());
			return Flow.WAIT;
		}
		this.prompt.interrupt();
		return new Flow.Collect(digit.digit());
	}

	@Override
	void cancel() {
		this.prompt.interrupt();
	}

}
