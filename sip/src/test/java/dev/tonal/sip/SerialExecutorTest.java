package dev.tonal.sip;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Architecture, runtime model: a call's events run serially; calls never wait for each
 * other.
 */
class SerialExecutorTest {

	@Test
	void tasksRunOneAtATimeInOrder() throws Exception {
		SerialExecutor executor = new SerialExecutor("test");
		List<Integer> seen = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(1000);
		for (int i = 0; i < 1000; i++) {
			int n = i;
			executor.execute(() -> {
				seen.add(n);
				done.countDown();
			});
		}

		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(seen).isSorted().hasSize(1000);
	}

	@Test
	void aBlockedCallDoesNotDelayAnother() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch otherRan = new CountDownLatch(1);
		new SerialExecutor("slow").execute(() -> awaitQuietly(release));

		new SerialExecutor("fast").execute(otherRan::countDown);

		assertThat(otherRan.await(10, TimeUnit.SECONDS)).isTrue();
		release.countDown();
	}

	@Test
	void aFailingTaskDoesNotStopTheNextOne() throws Exception {
		SerialExecutor executor = new SerialExecutor("test");
		CountDownLatch next = new CountDownLatch(1);
		executor.execute(() -> {
			throw new IllegalStateException("listener bug (expected by this test)");
		});
		executor.execute(next::countDown);

		assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
