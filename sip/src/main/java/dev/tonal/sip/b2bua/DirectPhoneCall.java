package dev.tonal.sip.b2bua;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.tonal.engine.TransferFailure;
import dev.tonal.sip.CallEndReason;
import dev.tonal.sip.CallListener;
import dev.tonal.sip.SipCall;

/**
 * A call dialled straight to a phone extension (semantics rule 1): every registered
 * device rings at once (the caller already hears 180); the first to answer is answered to
 * the caller and bridged; if none answers within the ring timeout the caller gets 480.
 * Either side hanging up ends the other. The call has one timer, the ring timeout, on the
 * scheduler it is given; it runs on the call's executor like every other event.
 */
public final class DirectPhoneCall implements CallListener {

	private final List<String> contacts;

	private final Duration ringTimeout;

	private final ScheduledExecutorService timers;

	private ForkedLeg phone;

	private ScheduledFuture<?> timer;

	private RtpBridge bridge;

	/**
	 * @param contacts the phone's registered devices' contact URIs; none means the phone
	 * is unregistered and the caller gets 480
	 * @param ringTimeout how long the devices ring
	 * @param timers where the ring timeout is scheduled (it then runs on the call's
	 * executor)
	 */
	public DirectPhoneCall(List<String> contacts, Duration ringTimeout, ScheduledExecutorService timers) {
		this.contacts = List.copyOf(contacts);
		this.ringTimeout = ringTimeout;
		this.timers = timers;
	}

	@Override
	public void offered(SipCall offered) {
		if (this.contacts.isEmpty()) {
			offered.hangUp();
			return;
		}
		List<LegRequest> devices = this.contacts.stream()
			.map((contact) -> new LegRequest(contact, offered.caller().number(), offered.caller().name(),
					offered.media().law(), null))
			.toList();
		this.phone = ForkedLeg.dial(offered.dialer(), devices, offered.executor(), new LegListener() {
			@Override
			public void ringing(OutboundLeg leg) {
				// the caller already hears 180 from us
			}

			@Override
			public void answered(OutboundLeg leg) {
				cancelTimer();
				offered.answer();
			}

			@Override
			public void failed(OutboundLeg leg, TransferFailure reason) {
				offered.hangUp();
			}

			@Override
			public void hungUp(OutboundLeg leg) {
				offered.hangUp();
			}
		});
		this.timer = this.timers.schedule(() -> offered.executor().execute(() -> ringTimedOut(offered)),
				this.ringTimeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void ringTimedOut(SipCall offered) {
		if (this.phone.media() == null) {
			this.phone.hangUp();
			offered.hangUp();
		}
	}

	@Override
	public void answered(SipCall answered) {
		if (this.phone != null && this.phone.media() != null) {
			this.bridge = RtpBridge.connect(answered.media(), this.phone.media());
		}
	}

	@Override
	public void ended(SipCall ended, CallEndReason reason) {
		cancelTimer();
		if (this.bridge != null) {
			this.bridge.close();
		}
		if (this.phone != null) {
			this.phone.hangUp();
		}
	}

	private void cancelTimer() {
		if (this.timer != null) {
			this.timer.cancel(false);
		}
	}

}
