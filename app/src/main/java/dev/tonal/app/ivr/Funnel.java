package dev.tonal.app.ivr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where callers go in an IVR, counted from stored call traces (semantics.md rule 33 wire
 * format). Every figure counts <em>calls</em>, not events: a caller who enters a context
 * twice is one call that entered it. Per context: calls that entered it, that ran each of
 * its options (custom digits = chosen; {@code timeout} = timed out; {@code invalid} =
 * invalid input), whose caller hung up while there, and transfer attempts started there
 * with how many were answered. Per pair of contexts: calls that went from one option to
 * another context (a jump, or a Call Interactive jump).
 *
 * <p>
 * Pure: fed one trace at a time with {@link #add(List)}, read with {@link #contexts()}
 * and {@link #moves()}. Unknown entry types are ignored, so traces of older versions
 * still count.
 */
public final class Funnel {

	/** The {@code why} of the {@code hangup} entry when the caller hung up. */
	static final String CALLER_HUNG_UP = "caller hung up";

	private final Map<Long, ContextCounts> contexts = new TreeMap<>();

	private final Map<Move, Integer> moves = new LinkedHashMap<>();

	private int calls;

	/** Counts one call's trace: a list of entries {@code {"at", "type", ...}}. */
	public void add(List<Map<String, Object>> trace) {
		this.calls++;
		CallWalk walk = new CallWalk();
		for (Map<String, Object> entry : trace) {
			walk.step(entry);
		}
		walk.finish();
	}

	/** How many traces were counted. */
	public int calls() {
		return this.calls;
	}

	/** The counts per context id, in id order. */
	public Map<Long, ContextCounts> contexts() {
		return this.contexts;
	}

	/** Calls per move from a context's option to another context, most first. */
	public List<Map.Entry<Move, Integer>> moves() {
		List<Map.Entry<Move, Integer>> list = new ArrayList<>(this.moves.entrySet());
		list.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
		return list;
	}

	private ContextCounts counts(long context) {
		return this.contexts.computeIfAbsent(context, (id) -> new ContextCounts());
	}

	/** A move from option {@code fromOption} of context {@code from} into {@code to}. */
	public record Move(long from, String fromOption, long to, String toOption) {

		public Move {
			Objects.requireNonNull(fromOption, "fromOption");
			Objects.requireNonNull(toOption, "toOption");
		}

	}

	/** One context's counts. */
	public static final class ContextCounts {

		ContextCounts() {
		}

		private int entered;

		private int hungUp;

		private int transfers;

		private int transfersAnswered;

		private final Map<String, Integer> options = new LinkedHashMap<>();

		/** Calls that entered the context. */
		public int entered() {
			return this.entered;
		}

		/** Calls that ran each option (built-in ones included), in first-seen order. */
		public Map<String, Integer> options() {
			return this.options;
		}

		/** Calls that ran the option {@code digits}. */
		public int option(String digits) {
			return this.options.getOrDefault(digits, 0);
		}

		/** Calls whose caller hung up while in this context. */
		public int hungUp() {
			return this.hungUp;
		}

		/**
		 * Transfer attempts started here (one per transfer rule run, any number of legs).
		 */
		public int transfers() {
			return this.transfers;
		}

		/** Transfer attempts started here that a destination answered. */
		public int transfersAnswered() {
			return this.transfersAnswered;
		}

		/** Transfer attempts started here that no destination answered. */
		public int transfersFailed() {
			return this.transfers - this.transfersAnswered;
		}

	}

	/** One call's way through the trace; counts each thing once per call. */
	private final class CallWalk {

		private final Set<Long> entered = new HashSet<>();

		private final Set<String> optionsRun = new HashSet<>();

		private final Set<Move> moved = new HashSet<>();

		private Long context;

		private String option;

		private Long transferContext;

		private boolean transferAnswered;

		private boolean callerHungUp;

		/** A caller who hangs up after being bridged did not drop out of the menu. */
		private boolean bridgedSinceEntered;

		void step(Map<String, Object> entry) {
			String type = String.valueOf(entry.get("type"));
			switch (type) {
				case "context_entered" -> contextEntered(entry);
				case "transfer_started" -> transferStarted();
				case "transfer_answered" -> {
					this.transferAnswered = true;
					this.bridgedSinceEntered = true;
				}
				case "hangup" -> this.callerHungUp = CALLER_HUNG_UP.equals(entry.get("why"));
				default -> {
				}
			}
		}

		private void contextEntered(Map<String, Object> entry) {
			Long next = number(entry.get("context"));
			if (next == null) {
				return;
			}
			String nextOption = String.valueOf(entry.getOrDefault("option", "start"));
			if (this.context != null && !this.context.equals(next)
					&& this.moved.add(new Move(this.context, this.option, next, nextOption))) {
				Funnel.this.moves.merge(new Move(this.context, this.option, next, nextOption), 1, Integer::sum);
			}
			if (this.entered.add(next)) {
				counts(next).entered++;
			}
			if (this.optionsRun.add(next + "/" + nextOption)) {
				counts(next).options.merge(nextOption, 1, Integer::sum);
			}
			this.context = next;
			this.option = nextOption;
			this.bridgedSinceEntered = false;
		}

		private void transferStarted() {
			closeTransfer();
			if (this.context != null) {
				this.transferContext = this.context;
				this.transferAnswered = false;
			}
		}

		private void closeTransfer() {
			if (this.transferContext != null) {
				ContextCounts counts = counts(this.transferContext);
				counts.transfers++;
				if (this.transferAnswered) {
					counts.transfersAnswered++;
				}
				this.transferContext = null;
			}
		}

		void finish() {
			closeTransfer();
			if (this.callerHungUp && !this.bridgedSinceEntered && this.context != null) {
				counts(this.context).hungUp++;
			}
		}

		private static Long number(Object value) {
			if (value instanceof Number number) {
				return number.longValue();
			}
			try {
				return (value != null) ? Long.valueOf(value.toString()) : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
