package dev.tonal.sip.registrar;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed digest attempts per source address in a sliding window, so a password
 * guesser is refused (403) without its guesses being checked once it has failed too
 * often. Addresses that stop failing are forgotten when their window passes.
 */
public final class FailedAttempts {

	private final int limit;

	private final Duration window;

	private final Clock clock;

	private final Map<InetAddress, Deque<Instant>> failures = new ConcurrentHashMap<>();

	/**
	 * @param limit how many failures within {@code window} an address may make before it
	 * is refused
	 * @param window how far back failures count
	 */
	public FailedAttempts(int limit, Duration window, Clock clock) {
		if (limit < 1) {
			throw new IllegalArgumentException("the failed-attempt limit must be at least 1, got " + limit);
		}
		this.limit = limit;
		this.window = window;
		this.clock = clock;
	}

	/** Whether {@code source} has used up its failures for now. */
	public boolean isBlocked(InetAddress source) {
		Deque<Instant> times = this.failures.get(source);
		if (times == null) {
			return false;
		}
		synchronized (times) {
			prune(times, this.clock.instant());
			return times.size() >= this.limit;
		}
	}

	/** Records one failure of {@code source}. */
	public void record(InetAddress source) {
		Instant now = this.clock.instant();
		if (this.failures.size() > 10_000) {
			forgetQuietAddresses(now);
		}
		Deque<Instant> times = this.failures.computeIfAbsent(source, (address) -> new ArrayDeque<>());
		synchronized (times) {
			prune(times, now);
			times.addLast(now);
		}
	}

	private void forgetQuietAddresses(Instant now) {
		this.failures.values().removeIf((times) -> {
			synchronized (times) {
				prune(times, now);
				return times.isEmpty();
			}
		});
	}

	private void prune(Deque<Instant> times, Instant now) {
		Instant oldest = now.minus(this.window);
		while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
			times.removeFirst();
		}
	}

}
