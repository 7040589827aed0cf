package dev.tonal.app.voicemail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Voicemail recording limits ({@code tonal.voicemail.*}).
 *
 * @param maxLength a recording stops at this length (2 min)
 * @param silence a recording stops after this much silence (5 s)
 */
@ConfigurationProperties("tonal.voicemail")
public record VoicemailProperties(@DefaultValue("2m") Duration maxLength, @DefaultValue("5s") Duration silence) {

	public VoicemailProperties {
		if (!maxLength.isPositive()) {
			throw new IllegalArgumentException("tonal.voicemail.max-length must be positive: " + maxLength);
		}
		if (!silence.isPositive()) {
			throw new IllegalArgumentException("tonal.voicemail.silence must be positive: " + silence);
		}
	}

}
