package dev.tonal.engine;

import java.time.Duration;

/**
 * Server-wide limits of the engine.
 *
 * <table>
 * <caption>Settings and defaults</caption>
 * <tr>
 * <td>{@code maxRulesWithoutInput}</td>
 * <td>1000</td>
 * <td>loop guard, rule 29</td>
 * </tr>
 * <tr>
 * <td>{@code maxContextEntriesWithoutInput}</td>
 * <td>100</td>
 * <td>loop guard, rule 29</td>
 * </tr>
 * <tr>
 * <td>{@code lifetimeCap}</td>
 * <td>4 h</td>
 * <td>upper bound of any IVR's lifetime, and the lifetime of IVRs with
 * {@code lifetime = 0} (rule 2)</td>
 * </tr>
 * <tr>
 * <td>{@code ringTimeout}</td>
 * <td>30 s</td>
 * <td>how long a transfer rings before it fails (rule 16)</td>
 * </tr>
 * <tr>
 * <td>{@code voicemailMaxLength}</td>
 * <td>2 min</td>
 * <td>a voicemail recording stops at this length (docs/voicemail.md)</td>
 * </tr>
 * <tr>
 * <td>{@code voicemailSilence}</td>
 * <td>5 s</td>
 * <td>a voicemail recording stops after this much silence</td>
 * </tr>
 * </table>
 */
public record EngineSettings(int maxRulesWithoutInput, int maxContextEntriesWithoutInput, Duration lifetimeCap,
		Duration ringTimeout, Duration voicemailMaxLength, Duration voicemailSilence) {

	public static final Duration DEFAULT_VOICEMAIL_MAX_LENGTH = Duration.ofMinutes(2);

	public static final Duration DEFAULT_VOICEMAIL_SILENCE = Duration.ofSeconds(5);

	public EngineSettings {
		if (maxRulesWithoutInput < 1 || maxContextEntriesWithoutInput < 1) {
			throw new IllegalArgumentException("loop guard limits must be positive");
		}
		if (lifetimeCap.isNegative() || lifetimeCap.isZero() || ringTimeout.isNegative() || ringTimeout.isZero()) {
			throw new IllegalArgumentException("lifetime cap and ring timeout must be positive");
		}
		if (!voicemailMaxLength.isPositive() || !voicemailSilence.isPositive()) {
			throw new IllegalArgumentException("voicemail max length and silence must be positive");
		}
	}

	/** Settings with the default voicemail limits. */
	public EngineSettings(int maxRulesWithoutInput, int maxContextEntriesWithoutInput, Duration lifetimeCap,
			Duration ringTimeout) {
		this(maxRulesWithoutInput, maxContextEntriesWithoutInput, lifetimeCap, ringTimeout,
				DEFAULT_VOICEMAIL_MAX_LENGTH, DEFAULT_VOICEMAIL_SILENCE);
	}

	/** These settings with other voicemail limits. */
	public EngineSettings withVoicemail(Duration maxLength, Duration silence) {
		return new EngineSettings(this.maxRulesWithoutInput, this.maxContextEntriesWithoutInput, this.lifetimeCap,
				this.ringTimeout, maxLength, silence);
	}

	/** The defaults of the table above. */
	public static EngineSettings defaults() {
		return new EngineSettings(1000, 100, Duration.ofHours(4), Duration.ofSeconds(30));
	}

}
