package dev.tonal.model;

/**
 * The IVR-wide settings of an {@code ivr} extension (api.md §6).
 *
 * @param entryContext the context a call enters first; null when not yet chosen
 * @param lifetime seconds a call may stay in the IVR; 0 = no limit but the server cap
 * @param lifetimeExpAction what happens when the lifetime expires
 * @param lifetimeExpTransferDst destination when {@code lifetimeExpAction} is transfer
 * @param sleepTime ms of pause after answer before the entry context runs
 * @param vmEnabled voicemail on/off; off by default (docs/voicemail.md: the original
 * documentation does not say, and a recording nobody asked for is worse than none)
 * @param vmGreeting sound id of the voicemail greeting
 * @param vmMailto e-mail for voicemail notifications
 * @param vmAttachFile attach the recording to the e-mail
 */
public record IvrSettings(Long entryContext, int lifetime, LifetimeAction lifetimeExpAction,
		String lifetimeExpTransferDst, int sleepTime, boolean vmEnabled, Long vmGreeting, String vmMailto,
		boolean vmAttachFile) {

	public static final int DEFAULT_LIFETIME_S = 1800;

	/** The settings of a newly created IVR. */
	public static IvrSettings defaults() {
		return new IvrSettings(null, DEFAULT_LIFETIME_S, LifetimeAction.HANGUP, null, 0, false, null, null, false);
	}

}
