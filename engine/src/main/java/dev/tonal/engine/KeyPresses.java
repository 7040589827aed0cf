package dev.tonal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * Makes one key press count once when it arrives on more than one transport (semantics
 * rule 32): e.g. a phone that sends RFC 4733 events and also SIP INFO, or leaves the
 * tones in the audio.
 *
 * <p>
 * A reported key is a duplicate when the same key was counted from another transport
 * within {@link #WINDOW} and that press has not already been matched by this transport.
 * Reports from one transport are never merged with each other — each transport's decoder
 * already yields one report per press — so quickly repeated presses of the same key all
 * count. Works on the times it is given: no clock.
 */
final class KeyPresses {

	/** How far apart two transports' reports of one key press may arrive. */
	static final Duration WINDOW = Duration.ofMillis(500);

	private final Deque<Press> recent = new ArrayDeque<>();

	/**
	 * Whether a reported key is a new key press; remembers it either way.
	 * @param digit the key and how it arrived
	 * @param now when it arrived
	 * @return true for a new press; false for another transport's report of a press
	 * already counted
	 */
	boolean isNew(Event.Digit digit, Instant now) {
		Instant oldest = now.minus(WINDOW);
		this.recent.removeIf((press) -> press.at().isBefore(oldest));
		for (Press press : this.recent) {
			if (press.key() == digit.digit() && !press.seenOn().contains(digit.transport())) {
				press.seenOn().add(digit.transport());
				return false;
			}
		}
		this.recent.addLast(new Press(digit.digit(), now, EnumSet.of(digit.transport())));
		return true;
	}

	private record Press(char key, Instant at, Set<DtmfTransport> seenOn) {
	}

}
