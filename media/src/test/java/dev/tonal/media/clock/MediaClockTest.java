package dev.tonal.media.clock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One shared 20 ms tick for all streams, on absolute deadlines, driven here by fake time.
 */
class MediaClockTest {

	private static final long MS = 1_000_000L;

	private final FakeTime time = new FakeTime();

	private final MediaClock clock = new MediaClock(this.time);

	@Test
	void everyStreamIsCalledOncePerTickInTickOrder() throws Exception {
		List<String> calls = new ArrayList<>();
		this.clock.register((tick) -> calls.add("a" + tick));
		this.clock.register((tick) -> calls.add("b" + tick));

		tick(3);

		assertThat(calls).containsExactly("a0", "b0", "a1", "b1", "a2", "b2");
	}

	@Test
	void lateWakeUpsDoNotAccumulateIntoDrift() throws Exception {
		// every wake-up comes 7 ms late
		this.time.lateness = 7 * MS;

		tick(100);

		// deadlines stay on the 20 ms grid: tick 99 was due at 1980 ms, not 1980 + 99 × 7
		assertThat(this.time.deadlines).hasSize(100);
		for (int n = 0; n < 100; n++) {
			assertThat(this.time.deadlines.get(n)).isEqualTo(this.time.origin + n * 20 * MS);
		}
		assertThat(this.time.now - this.time.origin).isEqualTo(99 * 20 * MS + 7 * MS);
	}

	@Test
	void aShortStallIsCaughtUpTickByTick() throws Exception {
		List<Long> ticks = new ArrayList<>();
		this.clock.register(ticks::add);
		tick(1);
		this.time.now += 70 * MS;

		tick(4);

		assertThat(ticks).containsExactly(0L, 1L, 2L, 3L, 4L);
		assertThat(this.clock.skippedTicks()).isZero();
	}

	@Test
	void aLongStallSkipsToThePresentInsteadOfBursting() throws Exception {
		List<Long> ticks = new ArrayList<>();
		this.clock.register(ticks::add);
		tick(1);
		this.time.now += 1000 * MS;

		tick(2);

		// ticks 1-49 are skipped; tick 50 is due right now, 1000 ms after tick 0
		assertThat(ticks).containsExactly(0L, 50L, 51L);
		assertThat(this.clock.skippedTicks()).isEqualTo(49);
		assertThat(this.time.deadlines.getLast()).isEqualTo(this.time.origin + 51 * 20 * MS);
	}

	@Test
	void aCancelledStreamIsNoLongerCalled() throws Exception {
		List<Long> ticks = new ArrayList<>();
		MediaClock.Registration registration = this.clock.register(ticks::add);
		tick(2);

		registration.cancel();
		tick(2);

		assertThat(ticks).containsExactly(0L, 1L);
	}

	@Test
	void aStreamMayCancelItselfDuringItsTick() throws Exception {
		List<Long> ticks = new ArrayList<>();
		MediaClock.Registration[] self = new MediaClock.Registration[1];
		self[0] = this.clock.register((tick) -> {
			ticks.add(tick);
			self[0].cancel();
		});

		tick(3);

		assertThat(ticks).containsExactly(0L);
	}

	@Test
	void aFailingStreamDoesNotStopTheOthers() throws Exception {
		List<Long> ticks = new ArrayList<>();
		this.clock.register((tick) -> {
			throw new IllegalStateException("broken stream");
		});
		this.clock.register(ticks::add);

		tick(2);

		assertThat(ticks).containsExactly(0L, 1L);
	}

	@Test
	void startedOnTheSystemClockItTicksInItsOwnThreadUntilClosed() throws Exception {
		CountDownLatch threeTicks = new CountDownLatch(3);
		List<String> threads = new ArrayList<>();
		try (MediaClock real = new MediaClock(MediaClock.TimeSource.SYSTEM)) {
			real.register((tick) -> {
				synchronized (threads) {
					threads.add(Thread.currentThread().getName());
				}
				threeTicks.countDown();
			});
			real.start();

			assertThat(threeTicks.await(10, TimeUnit.SECONDS)).isTrue();
		}
		synchronized (threads) {
			assertThat(threads).containsOnly("tonal-media-clock");
		}
	}

	private void tick(int count) throws InterruptedException {
		for (int i = 0; i < count; i++) {
			this.clock.awaitAndTick();
		}
	}

	/** Time that moves only when the clock sleeps (to the deadline, plus lateness). */
	private static final class FakeTime implements MediaClock.TimeSource {

		final long origin = 5_000_000_000L;

		long now = this.origin;

		long lateness;

		final List<Long> deadlines = new ArrayList<>();

		@Override
		public long nanoTime() {
			return this.now;
		}

		@Override
		public void sleepUntil(long deadlineNanos) {
			this.deadlines.add(deadlineNanos);
			if (deadlineNanos > this.now) {
				this.now = deadlineNanos + this.lateness;
			}
		}

	}

}
