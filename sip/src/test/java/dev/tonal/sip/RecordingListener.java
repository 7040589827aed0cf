package dev.tonal.sip;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.tonal.sip.testphone.TestPhone;

/** A call listener for tests: records every event as a line of text, in order. */
class RecordingListener implements CallListener {

	private final boolean answerAtOnce;

	private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

	final CompletableFuture<SipCall> call = new CompletableFuture<>();

	RecordingListener(boolean answerAtOnce) {
		this.answerAtOnce = answerAtOnce;
	}

	/** Answers as soon as the call is offered, like an IVR. */
	static RecordingListener answering() {
		return new RecordingListener(true);
	}

	/** Leaves the call ringing until the test calls {@link SipCall#answer()}. */
	static RecordingListener ringingOnly() {
		return new RecordingListener(false);
	}

	@Override
	public void offered(SipCall call) {
		this.events.add("offered");
		this.call.complete(call);
		if (this.answerAtOnce) {
			call.answer();
		}
	}

	@Override
	public void answered(SipCall call) {
		this.events.add("answered");
	}

	@Override
	public void dtmf(SipCall call, Dtmf dtmf) {
		this.events.add("dtmf " + dtmf.digit() + " " + dtmf.transport());
	}

	@Override
	public void remoteMediaChanged(SipCall call, RemoteMedia media) {
		this.events.add("media " + media.address().getPort() + " " + media.direction());
	}

	@Override
	public void ended(SipCall call, CallEndReason reason) {
		this.events.add("ended " + reason);
	}

	/** Records an event of the test's own (e.g. "played"). */
	void recordEvent(String event) {
		this.events.add(event);
	}

	/** The next event, waiting at most the test phone's timeout. */
	String next() throws InterruptedException {
		String event = this.events.poll(TestPhone.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		if (event == null) {
			throw new AssertionError("no call event within " + TestPhone.TIMEOUT);
		}
		return event;
	}

	SipCall awaitCall() throws Exception {
		return this.call.get(TestPhone.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** An IVR whose set-up fails: it throws when offered the call. */
	static final class Failing implements CallListener {

		@Override
		public void offered(SipCall call) {
			throw new IllegalStateException("IVR set-up failed (expected by this test)");
		}

		@Override
		public void ended(SipCall call, CallEndReason reason) {
		}

	}

}
