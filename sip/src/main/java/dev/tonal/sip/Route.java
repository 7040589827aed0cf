package dev.tonal.sip;

import java.util.Objects;

/** The outcome of routing an inbound call (semantics rule 1). */
public sealed interface Route {

	/** An IVR answers the call; {@code listener} receives the call's events. */
	record Ivr(String target, CallListener listener) implements Route {
		public Ivr {
			Objects.requireNonNull(target, "target");
			Objects.requireNonNull(listener, "listener");
		}
	}

	/** Nothing has this name or number: 404. */
	record NotFound() implements Route {
	}

	/** The target exists but is blocked: 403. */
	record Blocked() implements Route {
	}

	static Route ivr(String target, CallListener listener) {
		return new Ivr(target, listener);
	}

	static Route notFound() {
		return new NotFound();
	}

	static Route blocked() {
		return new Blocked();
	}

}
