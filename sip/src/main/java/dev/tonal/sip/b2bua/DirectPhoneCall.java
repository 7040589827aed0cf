package dev.tonal.sip.b2bua;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.tonal.sip.CallEndReason;
import dev.tonal.sip.CallListener;
import dev.tonal.sip.SipCall;

/**
 * A call dialled straight to a phone extension (semantics rule 1): every registered
 * device rings at once (the caller already hears 180); the first to answer is answered to
 * the caller and bridged; if none answers in time the caller gets 480. Either side
 * hanging up ends the other.
 */
public final class DirectPhoneCall implements CallListener {

	/** One daemon timer for the ring timeouts of every direct call. */
	private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "tonal-direct-call-timer");
		thread.setDaemon(true);
		return thread;
	});

	private final String extension;

	private final List<String> contacts;

	private final Duration ringTimeout;

	private SipCall call;

	private Fork fork;

	private OutboundLeg callee;

	private RtpBridge bridge;

	/**
	 * @param extension the phone's full name (for logs and the fork)
	 * @param contacts its registered devices' contact URIs; none means the phone is
	 * unregistered and the caller gets 480
	 * @param ringTimeout how long the devices ring
	 */
	public DirectPhoneCall(String extension, List<String> contacts, Duration ringTimeout) {
		this.extension = extension;
		this.contacts = List.copyOf(contacts);
		this.ringTimeout = ringTimeout;
	}

	@Override
	public void offered(SipCall offered) {
		this.call = offered;
		if (this.contacts.isEmpty()) {
			offered.hangUp();
			return;
		}
		List<LegRequest> legs = this.contacts.stream()
			.map((contact) -> new LegRequest(contact, offered.caller().number(), offered.caller().name(),
					offered.media().law(), null))
			.toList();
		this.fork = Fork.start(offered.dialer(), Map.of(this.extension, legs), this.ringTimeout, TIMER,
				offered.executor(), new Fork.Listener() {
					@Override
					public void ringing() {
						// the caller already hears 180 from us
					}

					@Override
					public void answered(String destination, OutboundLeg leg) {
						DirectPhoneCall.this.callee = leg;
						offered.answer();
					}

					@Override
					public void failed(String destination, String reason) {
						offered.hangUp();
					}

					@Override
					public void calleeHungUp(String destination) {
						offered.hangUp();
					}
				});
	}

	@Override
	public void answered(SipCall answered) {
		if (this.callee != null) {
			this.bridge = RtpBridge.connect(answered.media(), this.callee.media());
		}
	}

	@Override
	public void ended(SipCall ended, CallEndReason reason) {
		if (this.bridge != null) {
			this.bridge.close();
		}
		if (this.fork != null) {
			this.fork.hangUpAll();
		}
	}

}
