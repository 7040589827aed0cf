package dev.tonal.media.clock;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tonal.media.audio.TelephoneAudio;

/**
 * The one 20 ms tick that paces the media of all calls (architecture: no thread or timer
 * per call). Every registered stream is called once per tick, in one thread.
 *
 * <p>
 * Deadlines are absolute — tick n is due at start + n × 20 ms — so late wake-ups do not
 * add up to drift: after a late tick the next one simply comes sooner. When the clock
 * falls more than {@value #MAX_LAG_TICKS} ticks behind (a long GC pause, a suspended VM),
 * it does not fire the missed ticks in a burst; it skips to the present, and the jump in
 * tick numbers tells streams how many slots passed.
 *
 * <p>
 * Streams must return quickly and never block (hand anything slow to another thread): one
 * slow stream delays all calls. A stream that throws is reported and keeps being called.
 * Time comes from a {@link TimeSource}, so tests drive the clock with fake time by
 * calling {@link #awaitAndTick()} themselves instead of {@link #start()}.
 */
public final class MediaClock implements AutoCloseable {

	/** The tick period. */
	public static final long TICK_NANOS = TelephoneAudio.FRAME_MS * 1_000_000L;

	/** How far behind the clock may fall before it skips instead of catching up. */
	static final int MAX_LAG_TICKS = 5;

	private static final System.Logger LOG = System.getLogger(MediaClock.class.getName());

	private final TimeSource time;

	private final List<Stream> streams = new CopyOnWriteArrayList<>();

	private final long startNanos;

	private long nextTick;

	private long skippedTicks;

	private volatile Thread thread;

	private volatile boolean closed;

	/**
	 * Creates a clock whose tick 0 is due now.
	 * @param time the time source ({@link TimeSource#SYSTEM} in production)
	 */
	public MediaClock(TimeSource time) {
		this.time = Objects.requireNonNull(time, "time");
		this.startNanos = time.nanoTime();
	}

	/**
	 * Adds a stream; it is called from the next tick on.
	 * @param stream the stream
	 * @return the registration, to remove the stream again
	 */
	public Registration register(Stream stream) {
		Objects.requireNonNull(stream, "stream");
		this.streams.add(stream);
		return () -> this.streams.remove(stream);
	}

	/**
	 * Starts ticking in a dedicated platform thread (virtual threads are not meant for
	 * precise timing).
	 * @throws IllegalStateException when already started or closed
	 */
	public synchronized void start() {
		if (this.thread != null || this.closed) {
			throw new IllegalStateException("the media clock was already started or closed");
		}
		this.thread = Thread.ofPlatform().name("tonal-media-clock").daemon().unstarted(this::run);
		this.thread.setPriority(Thread.MAX_PRIORITY);
		this.thread.start();
	}

	/**
	 * Waits for the next tick's deadline and calls every stream.
	 * @throws InterruptedException when interrupted while waiting
	 */
	public void awaitAndTick() throws InterruptedException {
		long behind = (this.time.nanoTime() - deadline(this.nextTick)) / TICK_NANOS;
		if (behind > MAX_LAG_TICKS) {
			this.skippedTicks += behind;
			this.nextTick += behind;
		}
		this.time.sleepUntil(deadline(this.nextTick));
		long tick = this.nextTick++;
		for (Stream stream : this.streams) {
			try {
				stream.onTick(tick);
			}
			catch (RuntimeException ex) {
				LOG.log(System.Logger.Level.WARNING, "media stream " + stream + " failed on tick " + tick, ex);
			}
		}
	}

	/**
	 * Ticks skipped so far because the clock fell too far behind.
	 * @return count
	 */
	public long skippedTicks() {
		return this.skippedTicks;
	}

	/**
	 * Stops the ticking thread (if started) and waits for it to end.
	 */
	@Override
	public void close() {
		this.closed = true;
		Thread running = this.thread;
		if (running != null) {
			running.interrupt();
			try {
				running.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private long deadline(long tick) {
		return this.startNanos + tick * TICK_NANOS;
	}

	private void run() {
		while (!this.closed) {
			try {
				awaitAndTick();
			}
			catch (InterruptedException ex) {
				// close() interrupts; the loop condition ends the thread
			}
		}
	}

	/** Something paced by the clock: typically a call's RTP sender. */
	@FunctionalInterface
	public interface Stream {

		/**
		 * One 20 ms slot. Must return quickly and never block.
		 * @param tick the tick number, counting from 0; consecutive unless ticks were
		 * skipped
		 */
		void onTick(long tick);

	}

	/** A stream's place on the clock. */
	@FunctionalInterface
	public interface Registration {

		/** Stops calling the stream (from the next tick; may be called from a tick). */
		void cancel();

	}

	/** Where the clock gets the time and how it waits. */
	public interface TimeSource {

		/** The JVM's monotonic clock, waiting with parkNanos. */
		TimeSource SYSTEM = new TimeSource() {

			@Override
			public long nanoTime() {
				return System.nanoTime();
			}

			@Override
			public void sleepUntil(long deadlineNanos) throws InterruptedException {
				for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos
						- System.nanoTime()) {
					java.util.concurrent.locks.LockSupport.parkNanos(left);
					if (Thread.interrupted()) {
						throw new InterruptedException();
					}
				}
			}

		};

		/**
		 * Monotonic time.
		 * @return nanoseconds from an arbitrary origin
		 */
		long nanoTime();

		/**
		 * Waits until {@link #nanoTime()} reaches the deadline (returns at once when it
		 * has passed).
		 * @param deadlineNanos the deadline
		 * @throws InterruptedException when interrupted
		 */
		void sleepUntil(long deadlineNanos) throws InterruptedException;

	}

}
