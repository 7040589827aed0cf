package dev.tonal.media.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.tonal.media.audio.AudioFormatException;
import dev.tonal.media.audio.TelephoneAudio;
import dev.tonal.media.audio.WavReader;
import dev.tonal.model.PlayDigitsMethod;

/**
 * The built-in prompts (class path resources, 8 kHz mono 16-bit WAV), loaded once and
 * cached, and put together into what a call plays. Thread-safe.
 */
public final class PromptLibrary {

	/** Pause between spoken words, so "two hundred" is not "twohundred". */
	static final int GAP_MS = 60;

	private final Map<String, short[]> cache = new ConcurrentHashMap<>();

	/**
	 * The samples of one prompt.
	 * @param name class path resource name, as from {@link NumberSpeaker}
	 * @return 8 kHz samples (shared: do not modify)
	 * @throws IllegalArgumentException when there is no such prompt
	 */
	public short[] samples(String name) {
		return this.cache.computeIfAbsent(name, PromptLibrary::load);
	}

	/**
	 * Speaks {@code text} as one piece of audio: the prompts from {@link NumberSpeaker}
	 * with a short pause between words.
	 * @param text what to say
	 * @param method one by one or as a number
	 * @param language "ru" or "en"
	 * @return 8 kHz samples (empty when there is nothing to say)
	 */
	public short[] speak(String text, PlayDigitsMethod method, String language) {
		List<short[]> words = NumberSpeaker.prompts(text, method, language).stream().map(this::samples).toList();
		int gap = GAP_MS * TelephoneAudio.SAMPLE_RATE / 1000;
		int length = words.stream().mapToInt((w) -> w.length).sum() + gap * Math.max(0, words.size() - 1);
		short[] out = new short[length];
		int position = 0;
		for (short[] word : words) {
			System.arraycopy(word, 0, out, position, word.length);
			position += word.length + gap;
		}
		return out;
	}

	private static short[] load(String name) {
		try (InputStream in = PromptLibrary.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalArgumentException("no such prompt: " + name);
			}
			return WavReader.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read prompt " + name, ex);
		}
		catch (AudioFormatException ex) {
			throw new IllegalStateException("prompt " + name + " is not 8 kHz mono 16-bit: " + ex.getMessage(), ex);
		}
	}

}
