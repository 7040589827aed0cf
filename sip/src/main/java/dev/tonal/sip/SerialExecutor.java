package dev.tonal.sip;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one call's tasks one at a time, in submission order, on a virtual thread that
 * exists only while there is work. Each call has its own, so a slow call never delays
 * another, and a call's events never run concurrently (architecture: runtime model).
 */
public final class SerialExecutor implements Executor {

	private static final Logger log = Logger.getLogger(SerialExecutor.class.getName());

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final String name;

	/**
	 * @param name the name of the virtual thread, for thread dumps (e.g. the Call-ID)
	 */
	public SerialExecutor(String name) {
		this.name = name;
	}

	@Override
	public void execute(Runnable task) {
		this.tasks.add(task);
		startDrainingIfIdle();
	}

	private void startDrainingIfIdle() {
		if (this.draining.compareAndSet(false, true)) {
			Thread.ofVirtual().name(this.name).start(this::drain);
		}
	}

	private void drain() {
		try {
			Runnable task;
			while ((task = this.tasks.poll()) != null) {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					log.log(Level.WARNING, "task of " + this.name + " failed", ex);
				}
			}
		}
		finally {
			this.draining.set(false);
		}
		// A task added after the last poll but before draining was cleared would be
		// stranded.
		if (!this.tasks.isEmpty()) {
			startDrainingIfIdle();
		}
	}

}
