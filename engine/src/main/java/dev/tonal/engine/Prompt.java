package dev.tonal.engine;

import dev.tonal.model.PlayDigitsMethod;

/**
 * One playback of a step: starts it, recognises its end, interrupts it, and traces
 * {@code prompt_started} / {@code prompt_finished} / {@code prompt_interrupted}. Whether
 * digits may interrupt it ({@link #bargeIn}) is for the owning step to apply (rule 11).
 */
final class Prompt {

	private final CallState call;

	private final Command play;

	private final String traceName;

	private final Object traceValue;

	/**
	 * True for background prompts and silence, false for foreground and spoken digits.
	 */
	final boolean bargeIn;

	private final long playbackId;

	private boolean playing;

	private Prompt(CallState call, long playbackId, Command play, String traceName, Object traceValue,
			boolean bargeIn) {
		this.call = call;
		this.playbackId = playbackId;
		this.play = play;
		this.traceName = traceName;
		this.traceValue = traceValue;
		this.bargeIn = bargeIn;
	}

	static Prompt sound(CallState call, long soundId, boolean bargeIn) {
		long id = call.newId();
		return new Prompt(call, id, new Command.PlaySound(id, soundId), "sound", soundId, bargeIn);
	}

	static Prompt namedSound(CallState call, String name, boolean bargeIn) {
		long id = call.newId();
		return new Prompt(call, id, new Command.PlayNamedSound(id, name), "sound", name, bargeIn);
	}

	static Prompt greeting(CallState call, String greeting, boolean bargeIn) {
		long id = call.newId();
		return new Prompt(call, id, new Command.PlaySynthesised(id, greeting), "what", "greeting", bargeIn);
	}

	static Prompt silence(CallState call, int ms) {
		long id = call.newId();
		return new Prompt(call, id, new Command.PlaySilence(id, ms), "what", "silence " + ms + " ms", true);
	}

	/** The voicemail beep; keys do not interrupt it. */
	static Prompt beep(CallState call) {
		long id = call.newId();
		return new Prompt(call, id, new Command.PlayBeep(id), "what", "beep", false);
	}

	static Prompt digits(CallState call, String text, PlayDigitsMethod method) {
		long id = call.newId();
		String language = (call.snapshot.language() != null) ? call.snapshot.language() : "ru";
		return new Prompt(call, id, new Command.PlayDigits(id, text, method, language), "what",
				method.wire() + " " + text, false);
	}

	/**
	 * The prompt of a rule with a {@code sound} that may be replaced by the synthesised
	 * greeting (rule 12), or null when there is nothing to play.
	 */
	static Prompt ofRule(CallState call, Long sound, boolean fromVariable, boolean bargeIn) {
		if (fromVariable && call.greeting != null) {
			return greeting(call, call.greeting, bargeIn);
		}
		return (sound != null) ? sound(call, sound, bargeIn) : null;
	}

	void start() {
		this.playing = true;
		this.call.emit(this.play);
		this.call.trace("prompt_started", this.traceName, this.traceValue);
	}

	boolean isPlaying() {
		return this.playing;
	}

	/** Whether {@code event} ends this prompt; if so, it is traced as finished. */
	boolean finishedBy(Event event) {
		if (this.playing && event instanceof Event.PlaybackFinished finished
				&& finished.playbackId() == this.playbackId) {
			this.playing = false;
			this.call.trace("prompt_finished", this.traceName, this.traceValue);
			return true;
		}
		return false;
	}

	/** Stops the prompt if it is playing. */
	void interrupt() {
		if (this.playing) {
			this.playing = false;
			this.call.emit(new Command.StopPlayback(this.playbackId));
			this.call.trace("prompt_interrupted", this.traceName, this.traceValue);
		}
	}

}
