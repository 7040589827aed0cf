package dev.tonal.sip.b2bua;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import dev.tonal.engine.Command;
import dev.tonal.engine.Event;
import dev.tonal.engine.TransferFailureReasons;
import dev.tonal.media.codec.G711;
import dev.tonal.media.tone.CadencedTone;

/**
 * Carries out one call's transfer commands ({@link Command.Ring},
 * {@link Command.CancelRing}, {@link Command.Bridge}) with real SIP legs and reports the
 * outcomes as engine events (rule 16): every destination rings at once while the caller
 * hears ringback; the first to answer is reported, the others are cancelled; the bridge
 * relays RTP between the caller and the callee until one of them hangs up.
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

		/** Bridged to an IVR destination: run that IVR on this call from now on. */
		void startIvr(String extension);

		/**
		 * The bridged callee hung up; the caller is still there (the session decides: a
		 * quality_rate, or hang up).
		 */
		void calleeHungUp(long transferId);

	}

	private final Dialer dialer;

	private final DestinationResolver resolver;

	private final ScheduledExecutorService timer;

	private final Host host;

	private final Map<Long, Fork> forks = new HashMap<>();

	/** IVR destinations of each ringing transfer, by destination. */
	private final Map<Long, Map<String, String>> ivrs = new HashMap<>();

	private boolean ringback;

	private RtpBridge bridge;

	private long bridgedTransfer = -1;

	public CallTransfers(Dialer dialer, DestinationResolver resolver, ScheduledExecutorService timer, Host host) {
		this.dialer = dialer;
		this.resolver = resolver;
		this.timer = timer;
		this.host = host;
	}

	/** Rings every destination of {@code ring}. */
	public void ring(Command.Ring ring) {
		long id = ring.transferId();
		Map<String, List<LegRequest>> legs = new LinkedHashMap<>();
		Map<String, String> ivrDestinations = new LinkedHashMap<>();
		Map<String, String> failures = new LinkedHashMap<>();
		G711.Law codec = this.host.caller().law();
		for (String destination : ring.destinations()) {
			switch (this.resolver.resolve(destination)) {
				case DestinationResolver.Ring targets -> legs.put(destination,
						targets.targets()
							.stream()
							.map((uri) -> new LegRequest(uri, ring.callerIdNumber(), ring.callerIdName(), codec,
									targets.credentials()))
							.toList());
				case DestinationResolver.Ivr ivr -> ivrDestinations.put(destination, ivr.extension());
				case DestinationResolver.Fails fails -> failures.put(destination, fails.reason());
			}
		}
		// Reported on the executor after this command: the session sees its own order.
		failures.forEach((destination, reason) -> this.host.executor()
			.execute(() -> this.host.deliver(new Event.TransferFailed(id, destination, reason))));
		if (!ivrDestinations.isEmpty()) {
			this.ivrs.put(id, ivrDestinations);
			String first = ivrDestinations.keySet().iterator().next();
			this.host.executor().execute(() -> this.host.deliver(new Event.TransferAnswered(id, first)));
		}
		if (!legs.isEmpty()) {
			// The session cancels the ring itself when its timeout passes; the fork's own
			// timeout, a little later, only guards against a ring left behind.
			this.forks.put(id, Fork.start(this.dialer, legs, ring.timeout().plusSeconds(2), this.timer,
					this.host.executor(), new Reports(id)));
		}
	}

	/** Stops ringing the transfer's legs. */
	public void cancelRing(Command.CancelRing cancel) {
		Fork fork = this.forks.remove(cancel.transferId());
		this.ivrs.remove(cancel.transferId());
		if (fork != null) {
			fork.hangUpAll();
		}
		stopRingback();
	}

	/** Connects the caller to the answered destination; every other leg is cancelled. */
	public void bridge(Command.Bridge command) {
		long id = command.transferId();
		stopRingback();
		Map<String, String> ivrDestinations = this.ivrs.remove(id);
		Fork fork = this.forks.remove(id);
		if (ivrDestinations != null && ivrDestinations.containsKey(command.destination())) {
			if (fork != null) {
				fork.hangUpAll();
			}
			this.host.startIvr(ivrDestinations.get(command.destination()));
			return;
		}
		if (fork == null || fork.winner() == null) {
			this.host.deliver(new Event.TransferFailed(id, command.destination(), TransferFailureReasons.NO_ANSWER));
			return;
		}
		fork.cancelRinging();
		this.bridgedTransfer = id;
		this.forks.put(id, fork);
		this.bridge = RtpBridge.connect(this.host.caller(), fork.winner().media());
	}

	/** The caller hung up: every leg is cancelled or hung up. */
	public void callerHungUp() {
		stopRingback();
		closeBridge();
		for (Fork fork : this.forks.values()) {
			fork.hangUpAll();
		}
		this.forks.clear();
		this.ivrs.clear();
	}

	/** Whether the caller is bridged to a callee now. */
	public boolean isBridged() {
		return this.bridge != null;
	}

	private void closeBridge() {
		if (this.bridge != null) {
			this.bridge.close();
			this.bridge = null;
		}
	}

	private void startRingback() {
		if (!this.ringback) {
			this.ringback = true;
			playRingback();
		}
	}

	private void playRingback() {
		if (this.ringback) {
			this.host.play(RINGBACK, this::playRingback);
		}
	}

	private void stopRingback() {
		if (this.ringback) {
			this.ringback = false;
			this.host.stopPlaying();
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

	/** One transfer's fork reports, turned into engine events. */
	private final class Reports implements Fork.Listener {

		private final long id;

		Reports(long id) {
			this.id = id;
		}

		@Override
		public void ringing() {
			if (CallTransfers.this.forks.containsKey(this.id)) {
				startRingback();
			}
		}

		@Override
		public void answered(String destination, OutboundLeg leg) {
			stopRingback();
			CallTransfers.this.host.deliver(new Event.TransferAnswered(this.id, destination));
		}

		@Override
		public void failed(String destination, String reason) {
			Fork fork = CallTransfers.this.forks.get(this.id);
			if (fork != null && !fork.isRinging()) {
				CallTransfers.this.forks.remove(this.id);
				stopRingback();
			}
			CallTransfers.this.host.deliver(new Event.TransferFailed(this.id, destination, reason));
		}

		@Override
		public void calleeHungUp(String destination) {
			if (CallTransfers.this.bridgedTransfer == this.id) {
				closeBridge();
				CallTransfers.this.bridgedTransfer = -1;
			}
			CallTransfers.this.forks.remove(this.id);
			CallTransfers.this.host.calleeHungUp(this.id);
		}

	}

}
