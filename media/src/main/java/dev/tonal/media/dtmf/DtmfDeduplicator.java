package dev.tonal.media.dtmf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Makes one key press count once when it arrives on more than one transport (semantics
 * rule 32): e.g. a phone that sends RFC 4733 events and leaves the tones in the audio, or
 * sends both events and SIP INFO.
 *
 * <p>
 * A key reported by a transport is a duplicate when the same key was accepted from
 * another transport within the window and that press has not already been matched by this
 * transport. Reports from one transport are never merged with each other — each
 * transport's own decoder already counts a press once — so quickly repeated presses of
 * the same key still count. Not thread-safe: use one per call, on the call's thread.
 *
 * @param <T> the transport type (e.g. the engine's DtmfTransport)
 */
public final class DtmfDeduplicator<T> {

	private final Duration window;

	private final Deque<Press<T>> recent = new ArrayDeque<>();

	/**
	 * Creates a de-duplicator.
	 * @param window how far apart two transports' reports of one press may be
	 */
	public DtmfDeduplicator(Duration window) {
		this.window = Objects.requireNonNull(window, "window");
	}

	/**
	 * Tells whether a reported key is a new key press, and remembers it.
	 * @param key the key
	 * @param transport how it arrived
	 * @param now when it arrived
	 * @return true for a new press; false for another transport's report of a press
	 * already counted
	 */
	public boolean isNewKeyPress(char key, T transport, Instant now) {
		Instant oldest = now.minus(this.window);
		this.recent.removeIf((press) -> press.at().isBefore(oldest));
		for (Press<T> press : this.recent) {
			if (press.key() == key && !press.seenOn().contains(transport)) {
				press.seenOn().add(transport);
				return false;
			}
		}
		Set<T> seenOn = new HashSet<>();
		seenOn.add(transport);
		this.recent.addLast(new Press<>(key, now, seenOn));
		return true;
	}

	private record Press<T>(char key, Instant at, Set<T> seenOn) {
	}

}
