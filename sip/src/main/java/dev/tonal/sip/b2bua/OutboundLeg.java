package dev.tonal.sip.b2bua;

/**
 * A call Tonal places to a phone or through the trunk, as part of a transfer.
 * Thread-safe; methods return at once.
 */
public interface OutboundLeg {

	/** The request the leg was placed with. */
	LegRequest request();

	/** The leg's RTP; usable once the leg is answered. */
	LegMedia media();

	/**
	 * Ends the leg from our side: CANCEL while it rings, BYE once answered, nothing once
	 * ended. No listener event follows.
	 */
	void hangUp();

}
