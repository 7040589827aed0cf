package dev.tonal.sip.b2bua;

import dev.tonal.engine.TransferFailure;

/**
 * What happens to an outbound leg. A device leg calls it on SIP stack threads, one event
 * at a time per leg and at most one terminal event ({@link #failed} or, after
 * {@link #answered}, {@link #hungUp}); implementations hand the work to their own
 * executor. A {@link ForkedLeg} calls it on the call's executor.
 */
public interface LegListener {

	/** The callee rings (18x). */
	void ringing(OutboundLeg leg);

	/** The callee answered (200 OK, ACK sent); {@link OutboundLeg#media()} is ready. */
	void answered(OutboundLeg leg);

	/** The leg failed before being answered: busy, rejected, unreachable or no answer. */
	void failed(OutboundLeg leg, TransferFailure reason);

	/** The answered callee hung up (BYE). */
	void hungUp(OutboundLeg leg);

}
