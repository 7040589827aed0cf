package dev.tonal.engine;

/**
 * Collects digits until input is complete (semantics.md rule 9): {@code maxLength}
 * digits, {@code #} (unless it may be part of a target), or no target can still be
 * reached by more digits. Timers are the owning step's business.
 */
final class DigitCollector {

	/** What the collected digits may become. */
	interface Targets {

		/** Whether a longer input could select something different. */
		boolean canGrow(String digits);

		/** Whether {@code #} after the digits so far is part of some target. */
		boolean hashContinues(String digitsWithHash);

	}

	/** Free input (record_digits): any digits up to the maximum, {@code #} ends it. */
	static final Targets FREE_INPUT = new Targets() {

		@Override
		public boolean canGrow(String digits) {
			return true;
		}

		@Override
		public boolean hashContinues(String digitsWithHash) {
			return false;
		}

	};

	/** Complete input and why it is complete (trace {@code input_complete}). */
	record Done(String digits, String why) {
	}

	private final StringBuilder digits = new StringBuilder();

	private final int maxLength;

	private final Targets targets;

	DigitCollector(int maxLength, Targets targets) {
		this.maxLength = Math.max(1, maxLength);
		this.targets = targets;
	}

	/** Adds a digit; the complete input, or null when more may come. */
	Done add(char digit) {
		if (digit == '#' && !this.targets.hashContinues(this.digits + "#")) {
			return new Done(this.digits.toString(), "hash");
		}
		this.digits.append(digit);
		String sofar = this.digits.toString();
		if (sofar.length() >= this.maxLength) {
			return new Done(sofar, "digit_len");
		}
		if (!this.targets.canGrow(sofar)) {
			return new Done(sofar, "no_longer_match");
		}
		return null;
	}

	boolean isEmpty() {
		return this.digits.isEmpty();
	}

	/** The input so far, complete because its timer fired. */
	Done timedOut() {
		return new Done(this.digits.toString(), "inter_digit_timeout");
	}

}
