package dev.tonal.engine;

/** Call Interactive's {@code <Pause>}: waits; digits meanwhile are kept (rule 11). */
final class PauseStep extends Step {

	private final long ms;

	PauseStep(CallState call, long ms) {
		super(call);
		this.ms = ms;
	}

	@Override
	Flow start() {
		if (this.ms <= 0) {
			return Flow.NEXT;
		}
		this.deadline = this.call.after(this.ms);
		return Flow.WAIT;
	}

	@Override
	Flow onDeadline() {
		this.deadline = null;
		this.call.trace("timer_fired", "timer", "pause");
		return Flow.NEXT;
	}

}
