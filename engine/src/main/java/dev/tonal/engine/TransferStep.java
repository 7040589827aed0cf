package dev.tonal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Rings every destination at once and bridges the first that answers (semantics.md rule
 * 16): {@code transfer}, {@code simple_transfer}, {@code transfer_from_variable}, the
 * allow_any_dial transfer, Call Interactive's {@code <SimpleTransfer>} and the lifetime
 * transfer. Digits typed while ringing are kept.
 *
 * <h2>Theory of operation</h2>
 *
 * <pre>
 *  start --Ring(one leg per destination)--> RINGING
 *  RINGING --LegRinging (first)----------> RINGING + StartRingback
 *  RINGING --LegAnswered(live leg)-------> over: CancelLeg(every other live leg), Bridge(leg)
 *  RINGING --LegReachedIvr(live leg)-----> over: CancelLeg(every other live leg), ContinueWithIvr
 *  RINGING --LegFailed(live leg), legs left--> RINGING
 *  RINGING --LegFailed(last live leg)----> over: ifAllFail
 *  RINGING --ring timeout----------------> over: CancelLeg(every live leg), each fails "no answer", ifAllFail
 *  RINGING --cancel (lifetime, hang-up)--> over: CancelLeg(every live leg)
 * </pre>
 *
 * Invariants: the session alone decides which legs ring, who wins and when to give up;
 * the adapter only dials, cancels and reports, keyed by leg id, and runs no timer of its
 * own. Every leg that is live when the step ends gets a {@link Command.CancelLeg}, except
 * the winner. A report for a leg that is no longer live (it lost the race, or was
 * cancelled while its report was on the way) changes nothing: the adapter has already
 * been told to end it. Ringback starts at the first ringing leg and always stops before
 * the step ends.
 */
final class TransferStep extends Step {

	private final List<String> destinations;

	private final Duration ringTimeout;

	private final Flow ifAllFail;

	/** Legs dialled and not yet answered, failed or cancelled: destination by leg id. */
	private final Map<Long, String> live = new LinkedHashMap<>();

	private boolean ringback;

	TransferStep(CallState call, List<String> destinations, Duration ringTimeout, Flow ifAllFail) {
		super(call);
		this.destinations = List.copyOf(new LinkedHashSet<>(destinations));
		this.ringTimeout = ringTimeout;
		this.ifAllFail = ifAllFail;
	}

	/** Destinations as written in a rule: separated by spaces (or commas). */
	static List<String> split(String destinations) {
		List<String> out = new ArrayList<>();
		if (destinations != null) {
			for (String part : destinations.trim().split("[\\s,]+")) {
				if (!part.isEmpty()) {
					out.add(part);
				}
			}
		}
		return out;
	}

	@Override
	Flow start() {
		if (this.destinations.isEmpty()) {
			this.call.trace("transfer_failed", "why", "no destinations");
			return this.ifAllFail;
		}
		List<Command.Leg> legs = new ArrayList<>();
		for (String destination : this.destinations) {
			Command.Leg leg = new Command.Leg(this.call.newId(), destination);
			legs.add(leg);
			this.live.put(leg.legId(), destination);
		}
		this.call.emit(new Command.Ring(legs, this.call.presentedNumber, this.call.presentedName));
		this.call.trace("transfer_started", "destinations", this.destinations);
		this.deadline = this.call.now().plus(this.ringTimeout);
		return Flow.WAIT;
	}

	@Override
	Flow on(Event event) {
		return switch (event) {
			case Event.LegRinging ringing when this.live.containsKey(ringing.legId()) -> {
				if (!this.ringback) {
					this.ringback = true;
					this.call.emit(new Command.StartRingback());
				}
				yield Flow.WAIT;
			}
			case Event.LegAnswered answered when this.live.containsKey(answered.legId()) -> {
				String destination = won(answered.legId());
				this.call.emit(new Command.Bridge(answered.legId(), destination));
				this.call.trace("transfer_answered", "destination", destination);
				yield new Flow.Bridged(answered.legId(), destination);
			}
			case Event.LegReachedIvr ivr when this.live.containsKey(ivr.legId()) -> {
				String destination = won(ivr.legId());
				this.call.emit(new Command.ContinueWithIvr(ivr.legId(), ivr.extension()));
				this.call.trace("transfer_answered", "destination", destination);
				yield new Flow.ContinuedInIvr(destination);
			}
			case Event.LegFailed failed when this.live.containsKey(failed.legId()) -> {
				String destination = this.live.remove(failed.legId());
				this.call.trace("transfer_failed", "destination", destination, "why", failed.reason().wire());
				yield this.live.isEmpty() ? over() : Flow.WAIT;
			}
			default -> Flow.WAIT;
		};
	}

	@Override
	Flow onDeadline() {
		this.call.trace("timer_fired", "timer", "ring");
		List<String> unanswered = List.copyOf(this.live.values());
		cancelLiveLegs();
		for (String destination : unanswered) {
			this.call.trace("transfer_failed", "destination", destination, "why", TransferFailure.NO_ANSWER.wire());
		}
		return over();
	}

	@Override
	void cancel() {
		cancelLiveLegs();
		stopRingback();
		this.deadline = null;
	}

	/** {@code legId} won: every other live leg is cancelled; its destination. */
	private String won(long legId) {
		String destination = this.live.remove(legId);
		cancelLiveLegs();
		stopRingback();
		this.deadline = null;
		return destination;
	}

	/** Every leg failed or timed out. */
	private Flow over() {
		stopRingback();
		this.deadline = null;
		return this.ifAllFail;
	}

	private void cancelLiveLegs() {
		for (long legId : this.live.keySet()) {
			this.call.emit(new Command.CancelLeg(legId));
		}
		this.live.clear();
	}

	private void stopRingback() {
		if (this.ringback) {
			this.ringback = false;
			this.call.emit(new Command.StopRingback());
		}
	}

}
