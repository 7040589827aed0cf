package dev.tonal.engine;

import java.util.List;

import dev.tonal.model.Rule;

/**
 * What a step tells the session to do next. {@link Wait} means "I am still running";
 * every other value means the step is over.
 */
sealed interface Flow {

	Flow WAIT = new Wait();

	Flow NEXT = new Next();

	Flow VOICEMAIL = new Voicemail();

	/** The step is still running: wait for the next event or deadline. */
	record Wait() implements Flow {
	}

	/** The rule is done: run the next rule of the option (rule 5). */
	record Next() implements Flow {
	}

	/** Enter a context at an option (rules 4, 15). */
	record Enter(long contextId, String option) implements Flow {
	}

	/** Run an option of the current context (input resolved, timeout, voice helper). */
	record RunOption(String option) implements Flow {
	}

	/** Run these rules as if they were an option (allow_any_dial transfer, rule 10). */
	record RunRules(String label, List<Rule> rules) implements Flow {
	}

	/**
	 * Abandon the option and collect input, {@code firstDigit} being its first digit
	 * (barge-in, rule 11).
	 */
	record Collect(char firstDigit) implements Flow {
	}

	/** A transfer was answered and bridged (rule 16). */
	record Bridged(long legId, String destination) implements Flow {
	}

	/**
	 * A transfer reached an IVR, which runs on this call from now on: this IVR is over.
	 */
	record ContinuedInIvr(String destination) implements Flow {
	}

	/** Every destination of a transfer failed: the caller leaves a voicemail. */
	record Voicemail() implements Flow {
	}

	/** The call ends. */
	record End(CallResult.End end, String reason) implements Flow {
	}

}
