package dev.tonal.engine;

import java.time.Instant;

/**
 * A running piece of IVR behaviour: usually one rule's action, or the wait for input. The
 * session feeds it events and its deadline; each answer is a {@link Flow}. A step never
 * sees the clock or does I/O: it emits commands through {@link CallState}.
 *
 * <p>
 * The default answers describe a rule that takes no input: events that do not concern it
 * are ignored and digits are kept for the next input collection (rule 11).
 */
abstract class Step {

	protected final CallState call;

	/**
	 * When the step wants {@link #onDeadline()}, or null: steps that wait for a timer set
	 * it, and clear or move it when it fires.
	 */
	protected Instant deadline;

	Step(CallState call) {
		this.call = call;
	}

	/** Starts the step; a value other than {@link Flow#WAIT} means it is already over. */
	abstract Flow start();

	/** An event other than a digit, the caller's hang-up or a timer. */
	Flow on(Event event) {
		return Flow.WAIT;
	}

	Flow onDigit(Event.Digit digit) {
		this.call.keepDigit(digit);
		return Flow.WAIT;
	}

	/** When the step wants {@link #onDeadline()}, or null. */
	Instant deadline() {
		return this.deadline;
	}

	/** Called once {@link #deadline()} has passed; the step must move or clear it. */
	Flow onDeadline() {
		return Flow.WAIT;
	}

	/**
	 * Stops whatever the step started (playback, ringing, listening) because the call
	 * leaves it for good: lifetime expired, the caller hung up.
	 */
	void cancel() {
	}

}
