package dev.tonal.sip;

/** Why a call ended. */
public enum CallEndReason {

	/** The caller sent BYE. */
	CALLER_HUNG_UP,

	/**
	 * We sent BYE (or refused the call before answering) through
	 * {@link SipCall#hangUp()}.
	 */
	WE_HUNG_UP,

	/** The caller cancelled before we answered (CANCEL, 487). */
	CALLER_CANCELLED,

	/** The caller never acknowledged our 200 OK. */
	NO_ACK,

	/** The server stopped while the call was up. */
	SERVER_STOPPED,

	/** The SIP dialog failed (transport error, timeout). */
	SIGNALLING_FAILED

}
