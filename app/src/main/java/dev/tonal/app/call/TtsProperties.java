package dev.tonal.app.call;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Text-to-speech settings ({@code tonal.tts.*}) for Call Interactive's
 * {@code <TextToSpeech>}.
 *
 * @param executable the espeak-ng program: a name looked up on the PATH or a path
 * ({@code espeak-ng})
 * @param timeLimit the longest one synthesis may take, waiting for a free slot included
 * (15 s)
 * @param maxConcurrent how many syntheses run at once at most (4)
 */
@ConfigurationProperties("tonal.tts")
public record TtsProperties(@DefaultValue("espeak-ng") String executable, @DefaultValue("15s") Duration timeLimit,
		@DefaultValue("4") int maxConcurrent) {

	public TtsProperties {
		if (timeLimit.isNegative() || timeLimit.isZero()) {
			throw new IllegalArgumentException("tonal.tts.time-limit must be positive: " + timeLimit);
		}
		if (maxConcurrent < 1) {
			throw new IllegalArgumentException("tonal.tts.max-concurrent must be at least 1: " + maxConcurrent);
		}
	}

}
