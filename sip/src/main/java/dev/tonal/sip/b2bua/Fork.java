package dev.tonal.sip.b2bua;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.tonal.engine.TransferFailureReasons;

/**
 * One transfer's parallel ringing (semantics rule 16): every leg of every destination is
 * dialled at once; the first to answer wins and every other leg is cancelled; a
 * destination fails when all its legs have failed; whatever still rings when the ring
 * timeout passes is cancelled and fails with "no answer".
 *
 * <p>
 * A destination may have several legs (every registered device of a phone). All state is
 * touched only on {@code events}, the caller's serial executor, and so are the
 * {@link Listener}'s methods.
 */
public final class Fork {

	/** What the transfer reports, on the caller's executor. */
	public interface Listener {

		/** The first leg rings: time for ringback. */
		void ringing();

		/** {@code destination} answered first; every other leg is being cancelled. */
		void answered(String destination, OutboundLeg leg);

		/** Every leg of {@code destination} failed. */
		void failed(String destination, String reason);

		/** The answered callee hung up. */
		void calleeHungUp(String destination);

	}

	private final Executor events;

	private final Listener listener;

	/** Legs not yet ended, by leg. */
	private final Map<OutboundLeg, String> ringing = new LinkedHashMap<>();

	/** Legs dialled per destination and not yet failed. */
	private final Map<String, Integer> pending = new HashMap<>();

	/** The strongest failure reason seen per destination (busy wins). */
	private final Map<String, String> reasons = new HashMap<>();

	private boolean ringingReported;

	private boolean over;

	private OutboundLeg winner;

	private String winnerDestination;

	private ScheduledFuture<?> timeout;

	private Fork(Executor events, Listener listener) {
		this.events = events;
		this.listener = listener;
	}

	/**
	 * Dials every leg now (call on {@code events}).
	 * @param legsByDestination the legs of each destination, in the order destinations
	 * were given; a destination without legs must be reported failed by the caller
	 * @param ringTimeout how long legs may ring before they fail with "no answer"
	 */
	public static Fork start(Dialer dialer, Map<String, List<LegRequest>> legsByDestination, Duration ringTimeout,
			ScheduledExecutorService timer, Executor events, Listener listener) {
		Fork fork = new Fork(events, listener);
		for (var entry : legsByDestination.entrySet()) {
			fork.pending.put(entry.getKey(), entry.getValue().size());
		}
		for (var entry : legsByDestination.entrySet()) {
			for (LegRequest request : entry.getValue()) {
				OutboundLeg leg = dialer.dial(request, fork.new LegEvents(entry.getKey()));
				if (!fork.over && fork.pending.containsKey(entry.getKey())) {
					fork.ringing.put(leg, entry.getKey());
				}
			}
		}
		fork.timeout = timer.schedule(() -> events.execute(fork::ringTimedOut), ringTimeout.toMillis(),
				TimeUnit.MILLISECONDS);
		return fork;
	}

	/** Stops ringing every leg (CancelRing); an answered leg is kept. */
	public void cancelRinging() {
		this.over = true;
		this.timeout.cancel(false);
		for (OutboundLeg leg : List.copyOf(this.ringing.keySet())) {
			leg.hangUp();
		}
		this.ringing.clear();
	}

	/** Ends the transfer: every leg, answered or not, is hung up. */
	public void hangUpAll() {
		cancelRinging();
		if (this.winner != null) {
			this.winner.hangUp();
			this.winner = null;
		}
	}

	/** Whether legs still ring (nothing answered, not every destination failed yet). */
	public boolean isRinging() {
		return !this.over;
	}

	/** The answered leg, if any. */
	public OutboundLeg winner() {
		return this.winner;
	}

	private void ringTimedOut() {
		if (this.over) {
			return;
		}
		List<String> unanswered = new ArrayList<>(this.pending.keySet());
		cancelRinging();
		for (String destination : unanswered) {
			this.listener.failed(destination, TransferFailureReasons.NO_ANSWER);
		}
		this.pending.clear();
	}

	private void onRinging() {
		if (!this.ringingReported && !this.over) {
			this.ringingReported = true;
			this.listener.ringing();
		}
	}

	private void onAnswered(OutboundLeg leg, String destination) {
		this.ringing.remove(leg);
		if (this.over || this.winner != null) {
			// Lost the race (or the ringing was cancelled): 200 crossed our CANCEL.
			leg.hangUp();
			return;
		}
		this.winner = leg;
		this.winnerDestination = destination;
		this.pending.clear();
		cancelRinging();
		this.listener.answered(destination, leg);
	}

	private void onFailed(OutboundLeg leg, String destination, String reason) {
		if (this.ringing.remove(leg) == null || this.over) {
			return;
		}
		this.reasons.merge(destination, reason, (old, next) -> old.equals(TransferFailureReasons.BUSY) ? old : next);
		int left = this.pending.merge(destination, -1, Integer::sum);
		if (left <= 0) {
			this.pending.remove(destination);
			if (this.pending.isEmpty()) {
				this.over = true;
				this.timeout.cancel(false);
			}
			this.listener.failed(destination, this.reasons.get(destination));
		}
	}

	private void onHungUp(OutboundLeg leg) {
		if (leg == this.winner) {
			this.winner = null;
			this.listener.calleeHungUp(this.winnerDestination);
		}
	}

	/** One leg's events, moved onto the caller's executor. */
	private final class LegEvents implements LegListener {

		private final String destination;

		LegEvents(String destination) {
			this.destination = destination;
		}

		@Override
		public void ringing(OutboundLeg leg) {
			Fork.this.events.execute(Fork.this::onRinging);
		}

		@Override
		public void answered(OutboundLeg leg) {
			Fork.this.events.execute(() -> onAnswered(leg, this.destination));
		}

		@Override
		public void failed(OutboundLeg leg, String reason) {
			Fork.this.events.execute(() -> onFailed(leg, this.destination, reason));
		}

		@Override
		public void hungUp(OutboundLeg leg) {
			Fork.this.events.execute(() -> onHungUp(leg));
		}

	}

}
