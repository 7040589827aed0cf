package dev.tonal.engine;

import java.util.List;

/**
 * Whether a transfer rule leads to voicemail (docs/voicemail.md): the destination
 * {@value #DESTINATION} in {@code transfer_dst} (or in the variable of
 * {@code transfer_from_variable}) is never rung; it means "when every other destination
 * has failed, or there is none, the caller leaves a voicemail". With {@code vm_enabled}
 * false it is dropped and the transfer behaves as if it were not there.
 */
public final class VoicemailRoute {

	/** The transfer destination that means voicemail. */
	public static final String DESTINATION = "voicemail";

	private VoicemailRoute() {
	}

	/** Whether a destination, as written, means voicemail (any letter case). */
	public static boolean isVoicemail(String destination) {
		return DESTINATION.equalsIgnoreCase(destination);
	}

	/**
	 * The step of a transfer rule to {@code destinations}, ringing at most {@code max} of
	 * them.
	 */
	static Step transfer(CallState call, List<String> destinations, int max) {
		boolean wanted = destinations.stream().anyMatch(VoicemailRoute::isVoicemail);
		List<String> ring = destinations.stream().filter((d) -> !isVoicemail(d)).limit(max).toList();
		if (!wanted) {
			return new TransferStep(call, ring, call.settings.ringTimeout(), Flow.NEXT);
		}
		if (!call.snapshot.settings().vmEnabled()) {
			// Traced as the rule starts: RuleSteps makes the step right after
			// rule_started.
			call.trace("voicemail_skipped", "why", "vm_enabled is false");
			return ring.isEmpty() ? new InstantStep(call, () -> Flow.NEXT)
					: new TransferStep(call, ring, call.settings.ringTimeout(), Flow.NEXT);
		}
		return ring.isEmpty() ? new InstantStep(call, () -> Flow.VOICEMAIL)
				: new TransferStep(call, ring, call.settings.ringTimeout(), Flow.VOICEMAIL);
	}

}
