package dev.tonal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Rings every destination at once and bridges the first that answers (semantics.md rule
 * 16): {@code transfer}, {@code simple_transfer}, {@code transfer_from_variable}, the
 * allow_any_dial transfer, Call Interactive's {@code <SimpleTransfer>} and the lifetime
 * transfer. When every leg has failed, or the ring timeout passes, the step ends with
 * {@code ifAllFail} (usually the next rule). Digits typed while ringing are kept.
 */
final class TransferStep extends Step {

	private final List<String> destinations;

	private final Duration ringTimeout;

	private final Flow ifAllFail;

	private final List<String> ringing = new ArrayList<>();

	private long transferId;

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
		this.transferId = this.call.newId();
		this.ringing.addAll(this.destinations);
		this.call.emit(new Command.Ring(this.transferId, this.destinations, this.call.presentedNumber,
				this.call.presentedName, this.ringTimeout));
		this.call.trace("transfer_started", "destinations", this.destinations);
		this.deadline = this.call.now().plus(this.ringTimeout);
		return Flow.WAIT;
	}

	@Override
	Flow on(Event event) {
		switch (event) {
			case Event.TransferAnswered answered when answered.transferId() == this.transferId
					&& this.ringing.contains(answered.destination()) -> {
				this.deadline = null;
				this.ringing.clear();
				this.call.emit(new Command.Bridge(this.transferId, answered.destination()));
				this.call.trace("transfer_answered", "destination", answered.destination());
				return new Flow.Bridged(this.transferId, answered.destination());
			}
			case Event.TransferFailed failed when failed.transferId() == this.transferId
					&& this.ringing.remove(failed.destination()) -> {
				this.call.trace("transfer_failed", "destination", failed.destination(), "why", failed.reason());
				if (this.ringing.isEmpty()) {
					this.deadline = null;
					return this.ifAllFail;
				}
				return Flow.WAIT;
			}
			default -> {
				return Flow.WAIT;
			}
		}
	}

	@Override
	Flow onDeadline() {
		this.deadline = null;
		this.call.trace("timer_fired", "timer", "ring");
		this.call.emit(new Command.CancelRing(this.transferId));
		for (String destination : this.ringing) {
			this.call.trace("transfer_failed", "destination", destination, "why", TransferFailureReasons.NO_ANSWER);
		}
		this.ringing.clear();
		return this.ifAllFail;
	}

	@Override
	void cancel() {
		if (!this.ringing.isEmpty()) {
			this.ringing.clear();
			this.deadline = null;
			this.call.emit(new Command.CancelRing(this.transferId));
		}
	}

}
