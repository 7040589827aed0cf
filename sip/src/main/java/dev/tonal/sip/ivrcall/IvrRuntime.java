package dev.tonal.sip.ivrcall;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.tonal.engine.CallInfo;
import dev.tonal.engine.EngineSettings;
import dev.tonal.media.prompt.PromptLibrary;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.sip.CallListener;
import dev.tonal.sip.b2bua.DirectPhoneCall;

/**
 * What all IVR calls share: one scheduler thread for every call's timer (architecture: no
 * thread or timer per call), the built-in prompts, the engine's limits and the clock.
 * Make one per SIP server, get a {@link CallListener} per routed call from
 * {@link #newCall}, and {@link #close()} it after the server has stopped: closing waits
 * for the calls still ending to hand over their summaries.
 */
public final class IvrRuntime implements AutoCloseable {

	private final EngineSettings settings;

	private final InstantSource clock;

	private final PromptLibrary prompts = new PromptLibrary();

	private final ScheduledThreadPoolExecutor timers;

	private final Set<IvrCall> calls = ConcurrentHashMap.newKeySet();

	/**
	 * @param settings the engine's limits
	 * @param clock the time calls run on
	 */
	public IvrRuntime(EngineSettings settings, InstantSource clock) {
		this.settings = settings;
		this.clock = clock;
		this.timers = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "tonal-ivr-timers");
			thread.setDaemon(true);
			return thread;
		});
		// A timer re-armed on every event is cancelled far more often than it fires.
		this.timers.setRemoveOnCancelPolicy(true);
	}

	/**
	 * The runtime of one call routed to an IVR.
	 * @param snapshot the IVR, as it is now (rule 3)
	 * @param info who calls, and the DID dialled
	 * @param ports the application's services for this call
	 */
	public CallListener newCall(IvrSnapshot snapshot, CallInfo info, IvrCallPorts ports) {
		return new IvrCall(this, snapshot, info, ports);
	}

	/**
	 * A call dialled straight to a phone (rule 1): its devices ring for the engine's ring
	 * timeout, timed on this runtime's scheduler like every IVR call.
	 * @param contacts the phone's registered devices; none gets the caller 480
	 */
	public CallListener directCall(List<String> contacts) {
		return new DirectPhoneCall(contacts, this.settings.ringTimeout(), this.timers);
	}

	/**
	 * Calls that have not finished ending. A call leaves this count just after it has
	 * handed over its summary (on its own thread), so whoever has seen the summary must
	 * still wait for the count: {@link #close(Duration)} does.
	 */
	public int activeCalls() {
		return this.calls.size();
	}

	/**
	 * Waits (at most {@code timeout}) for the calls still ending to finish, then stops
	 * the timer thread.
	 * @return whether every call finished in time
	 */
	public boolean close(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.calls) {
			while (!this.calls.isEmpty() && System.nanoTime() < deadline) {
				try {
					TimeUnit.NANOSECONDS.timedWait(this.calls, deadline - System.nanoTime());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		this.timers.shutdownNow();
		return this.calls.isEmpty();
	}

	@Override
	public void close() {
		close(Duration.ofSeconds(5));
	}

	EngineSettings settings() {
		return this.settings;
	}

	InstantSource clock() {
		return this.clock;
	}

	PromptLibrary prompts() {
		return this.prompts;
	}

	ScheduledThreadPoolExecutor timers() {
		return this.timers;
	}

	void started(IvrCall call) {
		this.calls.add(call);
	}

	void finished(IvrCall call) {
		synchronized (this.calls) {
			this.calls.remove(call);
			this.calls.notifyAll();
		}
	}

}
