package dev.tonal.app.call;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tonal.app.support.TestSummaries;
import dev.tonal.sip.ivrcall.IvrCallSummary;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The recorder stores each finished call once, off the call's thread, retries failed
 * writes and loses nothing on a clean stop (semantics.md rule 31).
 */
class CallRecorderTest {

	@Test
	void rule31_recordReturnsAtOnceAndTheWriterStoresTheCall() throws Exception {
		CountDownLatch open = new CountDownLatch(1);
		List<IvrCallSummary> stored = new CopyOnWriteArrayList<>();
		CallRecorder recorder = new CallRecorder((call) -> {
			await(open);
			stored.add(call);
		}, Duration.ofMillis(1));
		recorder.start();
		IvrCallSummary call = call("a");
		// The store is blocked, yet record returns: the call never waits for the
		// database.
		recorder.record(call);
		assertThat(stored).isEmpty();
		open.countDown();
		assertThat(recorder.awaitIdle(Duration.ofSeconds(10))).isTrue();
		assertThat(stored).containsExactly(call);
		recorder.stop();
	}

	@Test
	void rule31_aFailedWriteIsRetried() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		List<IvrCallSummary> stored = new CopyOnWriteArrayList<>();
		CallRecorder recorder = new CallRecorder((call) -> {
			if (attempts.incrementAndGet() < 3) {
				throw new TransientDataAccessResourceException("database restarting");
			}
			stored.add(call);
		}, Duration.ofMillis(1));
		recorder.start();
		recorder.record(call("b"));
		assertThat(recorder.awaitIdle(Duration.ofSeconds(10))).isTrue();
		assertThat(attempts).hasValue(3);
		assertThat(stored).extracting(IvrCallSummary::callUuid).containsExactly("b");
		recorder.stop();
	}

	@Test
	void rule31_aCallThatCannotBeStoredIsGivenUpAndLaterCallsStillGetStored() throws Exception {
		List<IvrCallSummary> stored = new CopyOnWriteArrayList<>();
		AtomicInteger attemptsForBad = new AtomicInteger();
		CallRecorder recorder = new CallRecorder((call) -> {
			if (call.callUuid().equals("bad")) {
				attemptsForBad.incrementAndGet();
				throw new TransientDataAccessResourceException("disk full");
			}
			stored.add(call);
		}, Duration.ofMillis(1));
		recorder.start();
		assertThatNoException().isThrownBy(() -> recorder.record(call("bad")));
		recorder.record(call("good"));
		assertThat(recorder.awaitIdle(Duration.ofSeconds(10))).isTrue();
		assertThat(attemptsForBad).hasValue(CallRecorder.ATTEMPTS);
		assertThat(stored).extracting(IvrCallSummary::callUuid).containsExactly("good");
		recorder.stop();
	}

	@Test
	void rule31_aCallAlreadyStoredOrRefusedByTheDatabaseIsNotRetried() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		CallRecorder recorder = new CallRecorder((call) -> {
			attempts.incrementAndGet();
			throw call.callUuid().equals("twice") ? new DuplicateKeyException("uq_call_history_call_uuid")
					: new DataIntegrityViolationException("client deleted");
		}, Duration.ofMillis(1));
		recorder.start();
		recorder.record(call("twice"));
		recorder.record(call("orphan"));
		assertThat(recorder.awaitIdle(Duration.ofSeconds(10))).isTrue();
		assertThat(attempts).hasValue(2);
		recorder.stop();
	}

	@Test
	void rule31_stopWaitsUntilEveryQueuedCallIsStored() throws Exception {
		CountDownLatch open = new CountDownLatch(1);
		List<IvrCallSummary> stored = new CopyOnWriteArrayList<>();
		CallRecorder recorder = new CallRecorder((call) -> {
			await(open);
			stored.add(call);
		}, Duration.ofMillis(1));
		recorder.start();
		for (int i = 0; i < 100; i++) {
			recorder.record(call("call-" + i));
		}
		Thread stopping = Thread.ofPlatform().start(recorder::stop);
		// stop cannot return while the writer is held up with 100 calls queued
		assertThat(stopping.join(Duration.ofMillis(200))).isFalse();
		open.countDown();
		assertThat(stopping.join(Duration.ofSeconds(30))).isTrue();
		assertThat(stored).hasSize(100);
		assertThat(stored.get(99).callUuid()).isEqualTo("call-99");
		assertThat(recorder.isRunning()).isFalse();
	}

	@Test
	void rule31_aCallFinishedAfterStopIsStillStored() {
		List<IvrCallSummary> stored = new CopyOnWriteArrayList<>();
		CallRecorder recorder = new CallRecorder(stored::add, Duration.ofMillis(1));
		recorder.start();
		recorder.stop();
		recorder.record(call("late"));
		assertThat(stored).extracting(IvrCallSummary::callUuid).containsExactly("late");
	}

	static IvrCallSummary call(String uuid) {
		return TestSummaries.call(uuid, 1, Instant.parse("2026-11-23T07:00:00Z"));
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
