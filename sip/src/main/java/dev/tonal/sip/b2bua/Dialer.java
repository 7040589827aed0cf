package dev.tonal.sip.b2bua;

/** Places outbound legs (UAC INVITEs) from the SIP server's own address. */
@FunctionalInterface
public interface Dialer {

	/**
	 * Sends the INVITE and returns at once; the outcome reaches {@code listener}. A leg
	 * that cannot even be sent (bad URI, no RTP port) fails through the listener too.
	 */
	OutboundLeg dial(LegRequest request, LegListener listener);

}
