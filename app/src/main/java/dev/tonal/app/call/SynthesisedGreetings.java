package dev.tonal.app.call;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.tonal.engine.Command;
import dev.tonal.engine.Event;

/**
 * The speech synthesised for one call, by the reference the session got in
 * {@link Event.SpeechSynthesised#greeting()} and plays with
 * {@link Command.PlaySynthesised}. The call's runtime makes one per call and drops it
 * with the call, so nothing outlives the call. Keeps the latest {@value #MAX_GREETINGS}
 * greetings (a webhook that synthesises in a loop cannot fill the memory); playing an
 * older one finds nothing. Thread-safe.
 */
public final class SynthesisedGreetings {

	/** Most greetings kept for one call. */
	public static final int MAX_GREETINGS = 16;

	private final Map<String, short[]> greetings = new LinkedHashMap<>();

	private int made;

	/** The 8 kHz mono samples of a greeting, if this call has it. */
	public synchronized Optional<short[]> samples(String greeting) {
		return Optional.ofNullable(this.greetings.get(greeting));
	}

	/** Keeps a new greeting; returns its reference ("tts-1", "tts-2", …). */
	synchronized String add(short[] samples) {
		String reference = "tts-" + (++this.made);
		this.greetings.put(reference, samples);
		if (this.greetings.size() > MAX_GREETINGS) {
			this.greetings.remove(this.greetings.keySet().iterator().next());
		}
		return reference;
	}

}
