package dev.tonal.sip.b2bua;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import dev.tonal.engine.TransferFailure;

/**
 * One destination reached at every contact it has (all registered devices of a phone; one
 * trunk URI), seen from outside as a single {@link OutboundLeg}. This is what a forking
 * proxy does (RFC 3261 §16.7), not an IVR decision: the leg rings when a device rings,
 * answers with the first device to answer (the others get CANCEL), and fails when every
 * device has failed, busy winning over other reasons. It has no timer: whoever placed it
 * (the engine, through {@link CallTransfers}; a {@link DirectPhoneCall}) decides when to
 * give up and calls {@link #hangUp()}.
 *
 * <p>
 * The devices' events are moved onto {@code events}, the call's serial executor, where
 * all state is touched and the {@link LegListener} is called, once per kind at most
 * (ringing, then answered or failed, then hung up).
 */
public final class ForkedLeg implements OutboundLeg {

	private final Executor events;

	private final LegListener listener;

	private final LegRequest request;

	/** Devices dialled and not yet ended. */
	private final List<OutboundLeg> devices = new ArrayList<>();

	private int devicesLeft;

	private TransferFailure reason;

	private boolean ringing;

	private boolean over;

	private OutboundLeg winner;

	private ForkedLeg(Executor events, LegListener listener, LegRequest request, int devices) {
		this.events = events;
		this.listener = listener;
		this.request = request;
		this.devicesLeft = devices;
	}

	/**
	 * Dials every contact now; call on {@code events}.
	 * @param contacts at least one
	 */
	public static ForkedLeg dial(Dialer dialer, List<LegRequest> contacts, Executor events, LegListener listener) {
		if (contacts.isEmpty()) {
			throw new IllegalArgumentException("a leg needs at least one contact");
		}
		ForkedLeg leg = new ForkedLeg(events, listener, contacts.get(0), contacts.size());
		DeviceEvents deviceEvents = leg.new DeviceEvents();
		for (LegRequest contact : contacts) {
			// A device that fails at once reports on the executor, after it is listed.
			leg.devices.add(dialer.dial(contact, deviceEvents));
		}
		return leg;
	}

	@Override
	public LegRequest request() {
		return (this.winner != null) ? this.winner.request() : this.request;
	}

	@Override
	public LegMedia media() {
		return (this.winner != null) ? this.winner.media() : null;
	}

	/**
	 * Ends every device: CANCEL those ringing, BYE the answered one. No event follows.
	 */
	@Override
	public void hangUp() {
		this.over = true;
		hangUpDevicesBut(null);
		if (this.winner != null) {
			this.winner.hangUp();
		}
	}

	private void hangUpDevicesBut(OutboundLeg keep) {
		for (OutboundLeg device : List.copyOf(this.devices)) {
			if (device != keep) {
				device.hangUp();
			}
		}
		this.devices.clear();
	}

	private void onRinging() {
		if (!this.ringing && !this.over) {
			this.ringing = true;
			this.listener.ringing(this);
		}
	}

	private void onAnswered(OutboundLeg device) {
		if (this.over) {
			// Lost the race (or hung up meanwhile): the 200 crossed our CANCEL.
			device.hangUp();
			return;
		}
		this.over = true;
		this.winner = device;
		hangUpDevicesBut(device);
		this.listener.answered(this);
	}

	private void onFailed(OutboundLeg device, TransferFailure failure) {
		if (!this.devices.remove(device) || this.over) {
			return;
		}
		this.reason = failure.strongest(this.reason);
		if (--this.devicesLeft <= 0) {
			this.over = true;
			this.listener.failed(this, this.reason);
		}
	}

	private void onHungUp(OutboundLeg device) {
		if (device == this.winner) {
			this.listener.hungUp(this);
		}
	}

	/** Every device's events, moved onto the call's executor. */
	private final class DeviceEvents implements LegListener {

		@Override
		public void ringing(OutboundLeg device) {
			ForkedLeg.this.events.execute(ForkedLeg.this::onRinging);
		}

		@Override
		public void answered(OutboundLeg device) {
			ForkedLeg.this.events.execute(() -> onAnswered(device));
		}

		@Override
		public void failed(OutboundLeg device, TransferFailure failure) {
			ForkedLeg.this.events.execute(() -> onFailed(device, failure));
		}

		@Override
		public void hungUp(OutboundLeg device) {
			ForkedLeg.this.events.execute(() -> onHungUp(device));
		}

	}

}
