package dev.tonal.sip.b2bua;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import dev.tonal.engine.Command;
import dev.tonal.engine.Event;
import dev.tonal.engine.TransferFailure;
import dev.tonal.media.codec.G711;
import dev.tonal.media.tone.CadencedTone;

/**
 * Carries out one call's transfer commands with real SIP legs (rule 16) and reports what
 * each leg does as engine events keyed by its leg id. It only dials, cancels, bridges and
 * reports: which legs ring, who wins and when to give up are the session's decisions
 * ({@link Command.Ring}, {@link Command.CancelLeg}, {@link Command.Bridge}, ringback
 * on/off), and it runs no timer.
 *
 * <p>
 * Not thread-safe: every method must run on the call's serial executor, where the
 * {@link Host}'s methods are called too.
 */
public final class CallTransfers {

	/** One ringback cadence (1 s tone, 4 s silence), replayed while legs ring. */
	private static final short[] RINGBACK = ringbackCycle();

	/** What the call offers the transfers. */
	public interface Host {

		/** The call's serial executor. */
		Executor executor();

		/** The caller's RTP, as one end of a bridge. */
		BridgeEnd caller();

		/** Plays audio to the caller; {@code whenFinished} runs on the executor. */
		void play(short[] samples, Runnable whenFinished);

		/** Stops what plays to the caller. */
		void stopPlaying();

		/** Hands an event to the call's IVR session. */
		void deliver(Event event);

	}

	private final Dialer dialer;

	private final DestinationResolver resolver;

	private final Host host;

	/** SIP legs dialled and not yet ended, by leg id. */
	private final Map<Long, OutboundLeg> legs = new HashMap<>();

	/** The destination of every leg rung, for the call's trace. */
	private final Map<Long, String> destinations = new HashMap<>();

	private boolean ringback;

	private RtpBridge bridge;

	private long bridgedLeg = -1;

	public CallTransfers(Dialer dialer, DestinationResolver resolver, Host host) {
		this.dialer = dialer;
		this.resolver = resolver;
		this.host = host;
	}

	/**
	 * Dials every leg of {@code ring}. Legs that lead nowhere, and legs to an IVR (which
	 * answer at once), are reported on the executor after this command, so the session
	 * sees its own order.
	 */
	public void ring(Command.Ring ring) {
		G711.Law codec = this.host.caller().law();
		for (Command.Leg leg : ring.legs()) {
			long id = leg.legId();
			this.destinations.put(id, leg.destination());
			switch (this.resolver.resolve(leg.destination())) {
				case DestinationResolver.Ring targets -> {
					List<LegRequest> contacts = targets.targets()
						.stream()
						.map((uri) -> new LegRequest(uri, ring.callerIdNumber(), ring.callerIdName(), codec,
								targets.credentials()))
						.toList();
					this.legs.put(id, ForkedLeg.dial(this.dialer, contacts, this.host.executor(), new Reports(id)));
				}
				case DestinationResolver.Ivr ivr -> later(new Event.LegReachedIvr(id, ivr.extension()));
				case DestinationResolver.Fails fails -> later(new Event.LegFailed(id, fails.reason()));
			}
		}
	}

	/** Ends one leg: CANCEL while it rings, BYE if it answered after all. */
	public void cancel(long legId) {
		OutboundLeg leg = this.legs.remove(legId);
		if (leg != null) {
			leg.hangUp();
		}
	}

	/**
	 * Connects the caller to the answered leg. A leg that is gone by now (it hung up
	 * before the bridge) is reported as the callee hanging up.
	 */
	public void bridge(long legId) {
		OutboundLeg leg = this.legs.get(legId);
		if (leg == null || leg.media() == null) {
			later(new Event.CalleeHungUp(legId));
			return;
		}
		this.bridgedLeg = legId;
		this.bridge = RtpBridge.connect(this.host.caller(), leg.media());
	}

	/** The caller hears ringback until {@link #stopRingback()}. */
	public void startRingback() {
		if (!this.ringback) {
			this.ringback = true;
			playRingback();
		}
	}

	public void stopRingback() {
		if (this.ringback) {
			this.ringback = false;
			this.host.stopPlaying();
		}
	}

	/** The caller is gone (or the IVR moves on): every leg is cancelled or hung up. */
	public void endAll() {
		stopRingback();
		closeBridge();
		for (OutboundLeg leg : List.copyOf(this.legs.values())) {
			leg.hangUp();
		}
		this.legs.clear();
	}

	/** Whether the caller is bridged to a callee now. */
	public boolean isBridged() {
		return this.bridge != null;
	}

	/** The destination leg {@code legId} rings, as the IVR named it. */
	public String destinationOf(long legId) {
		return this.destinations.getOrDefault(legId, "leg " + legId);
	}

	private void later(Event event) {
		this.host.executor().execute(() -> this.host.deliver(event));
	}

	private void closeBridge() {
		if (this.bridge != null) {
			this.bridge.close();
			this.bridge = null;
			this.bridgedLeg = -1;
		}
	}

	private void playRingback() {
		if (this.ringback) {
			this.host.play(RINGBACK, this::playRingback);
		}
	}

	private static short[] ringbackCycle() {
		CadencedTone tone = new CadencedTone(CadencedTone.Spec.RINGBACK);
		short[] cycle = new short[5 * 8000];
		for (int at = 0; at < cycle.length; at += 160) {
			short[] frame = tone.nextFrame();
			System.arraycopy(frame, 0, cycle, at, Math.min(frame.length, cycle.length - at));
		}
		return cycle;
	}

	/** One leg's reports (on the executor), turned into engine events. */
	private final class Reports implements LegListener {

		private final long id;

		Reports(long id) {
			this.id = id;
		}

		@Override
		public void ringing(OutboundLeg leg) {
			CallTransfers.this.host.deliver(new Event.LegRinging(this.id));
		}

		@Override
		public void answered(OutboundLeg leg) {
			CallTransfers.this.host.deliver(new Event.LegAnswered(this.id));
		}

		@Override
		public void failed(OutboundLeg leg, TransferFailure reason) {
			CallTransfers.this.legs.remove(this.id);
			CallTransfers.this.host.deliver(new Event.LegFailed(this.id, reason));
		}

		@Override
		public void hungUp(OutboundLeg leg) {
			CallTransfers.this.legs.remove(this.id);
			if (CallTransfers.this.bridgedLeg == this.id) {
				closeBridge();
			}
			CallTransfers.this.host.deliver(new Event.CalleeHungUp(this.id));
		}

	}

}
