package dev.tonal.app.call;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.tonal.sip.ivrcall.IvrCallSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Stores finished calls (semantics.md rule 31) without making calls wait for the
 * database: {@link #record} queues the call and returns at once; one writer thread stores
 * the calls in order. A failed write is logged and retried a few times; nothing is ever
 * thrown at the call.
 *
 * <p>
 * A clean shutdown loses nothing: this is a {@link SmartLifecycle} in a low phase
 * ({@value #PHASE}), so it stops after the SIP runtime and the web server (which stop in
 * higher phases and may still finish calls while stopping), and all lifecycles stop
 * before the datasource is closed. Stopping writes everything still queued; a call
 * recorded after that is written on the caller's thread.
 */
@Component
public class CallRecorder implements SmartLifecycle {

	/** Lifecycle phase: stops after anything that may still finish calls. */
	public static final int PHASE = -1000;

	/** How many times one call's write is tried before it is given up (and logged). */
	static final int ATTEMPTS = 4;

	/** More queued calls than this means the database is far behind: refuse and log. */
	private static final int CAPACITY = 100_000;

	private static final Duration IDLE_POLL = Duration.ofMillis(200);

	private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);

	private final CallStore store;

	private final Duration retryDelay;

	private final BlockingQueue<IvrCallSummary> queue = new LinkedBlockingQueue<>(CAPACITY);

	/**
	 * Guards {@link #accepting} and {@link #pending}; waited on by {@link #awaitIdle}.
	 */
	private final Object lock = new Object();

	/** Whether calls go to the queue (from construction until stop). */
	private boolean accepting = true;

	/** Calls recorded and not yet written (or given up). */
	private int pending;

	/**
	 * Set when a call could not be stored after all attempts: the store looks down, so
	 * later calls get a single attempt until one succeeds (a dead database must not hold
	 * up a shutdown for minutes).
	 */
	private volatile boolean storeDown;

	private volatile Thread writer;

	private volatile boolean stopping;

	@Autowired
	CallRecorder(CallHistoryRepository store) {
		this(store, Duration.ofMillis(250));
	}

	/**
	 * @param store where calls go
	 * @param retryDelay the wait before the first retry; it doubles for each further one
	 */
	CallRecorder(CallStore store, Duration retryDelay) {
		this.store = store;
		this.retryDelay = retryDelay;
	}

	/**
	 * Queues a finished call to be stored, once. Returns at once and never throws: a call
	 * that cannot be stored is logged.
	 */
	public void record(IvrCallSummary call) {
		synchronized (this.lock) {
			if (this.accepting) {
				if (this.queue.offer(call)) {
					this.pending++;
				}
				else {
					log.error("Call {} of client {} not stored: {} calls are already waiting for the database",
							call.callUuid(), call.snapshot().clientId(), CAPACITY);
				}
				return;
			}
		}
		// Stopped already: the datasource is still open until the context is destroyed.
		writeWithRetries(call);
	}

	/**
	 * Waits until every call recorded so far is written (or given up).
	 * @return false when {@code timeout} passed first
	 */
	public boolean awaitIdle(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.lock) {
			while (this.pending > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this.lock, left);
			}
			return true;
		}
	}

	@Override
	public void start() {
		this.stopping = false;
		synchronized (this.lock) {
			this.accepting = true;
		}
		Thread thread = new Thread(this::writeQueued, "call-recorder");
		// Daemon: an unclean exit cannot wait anyway; a clean one drains in stop().
		thread.setDaemon(true);
		this.writer = thread;
		thread.start();
	}

	/**
	 * Stops taking calls into the queue and returns when every queued call is written.
	 */
	@Override
	public void stop() {
		Thread thread = this.writer;
		if (thread == null) {
			return;
		}
		synchronized (this.lock) {
			this.accepting = false;
		}
		this.stopping = true;
		int left = this.queue.size();
		if (left > 0) {
			log.info("Storing {} finished call(s) before shutting down", left);
		}
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.error("Interrupted while storing finished calls; {} call(s) not stored", this.queue.size());
		}
		this.writer = null;
	}

	@Override
	public boolean isRunning() {
		return this.writer != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void writeQueued() {
		try {
			while (!(this.stopping && this.queue.isEmpty())) {
				IvrCallSummary call = this.queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
				if (call != null) {
					writeWithRetries(call);
					synchronized (this.lock) {
						this.pending--;
						this.lock.notifyAll();
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void writeWithRetries(IvrCallSummary call) {
		int attempts = this.storeDown ? 1 : ATTEMPTS;
		Duration delay = this.retryDelay;
		for (int attempt = 1; attempt <= attempts; attempt++) {
			try {
				this.store.write(call);
				this.storeDown = false;
				return;
			}
			catch (DuplicateKeyException ex) {
				log.info("Call {} is already stored; not stored twice", call.callUuid());
				return;
			}
			catch (DataIntegrityViolationException ex) {
				// Retrying cannot help, e.g. the client was deleted during the call.
				log.warn("Call {} of client {} not stored: {}", call.callUuid(), call.snapshot().clientId(),
						ex.getMostSpecificCause().getMessage());
				return;
			}
			catch (RuntimeException ex) {
				if (attempt == attempts) {
					this.storeDown = true;
					log.error("Call {} of client {} not stored after {} attempt(s); its history and trace are lost",
							call.callUuid(), call.snapshot().clientId(), attempts, ex);
					return;
				}
				log.warn("Storing call {} failed (attempt {} of {}), retrying in {} ms: {}", call.callUuid(), attempt,
						attempts, delay.toMillis(), ex.toString());
				if (!pause(delay)) {
					log.error("Call {} of client {} not stored: interrupted while retrying", call.callUuid(),
							call.snapshot().clientId());
					return;
				}
				delay = delay.multipliedBy(2);
			}
		}
	}

	private static boolean pause(Duration delay) {
		try {
			Thread.sleep(delay);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
