package dev.tonal.engine;

import java.util.function.Supplier;

/**
 * A rule that completes at once ({@code set_variable}, {@code jump_to_context},
 * {@code hangup}, {@code set_caller_id_*}): its whole behaviour is the flow it returns.
 */
final class InstantStep extends Step {

	private final Supplier<Flow> action;

	InstantStep(CallState call, Supplier<Flow> action) {
		super(call);
		this.action = action;
	}

	@Override
	Flow start() {
		return this.action.get();
	}

}
