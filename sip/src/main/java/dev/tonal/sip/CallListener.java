package dev.tonal.sip;

import java.net.InetSocketAddress;

/**
 * Receives one call's events, always one at a time and in order, on the call's own
 * virtual thread: a slow listener delays only its own call. Exceptions thrown here are
 * logged and do not affect the SIP signalling.
 */
public interface CallListener {

	/**
	 * The call was routed here and 180 Ringing was sent. Call {@link SipCall#answer()} to
	 * answer (now or later) or {@link SipCall#hangUp()} to refuse it.
	 */
	void offered(SipCall call);

	/** The caller acknowledged our 200 OK: the call is up and media may flow. */
	default void answered(SipCall call) {
	}

	/**
	 * The caller pressed a key (RFC 4733, SIP INFO or in-band); a press seen on two
	 * transports is reported once.
	 */
	default void dtmf(SipCall call, Dtmf dtmf) {
	}

	/**
	 * A re-INVITE changed where or whether the caller wants RTP (address change, hold).
	 */
	default void remoteMediaChanged(SipCall call, RemoteMedia media) {
	}

	/**
	 * The caller's RTP comes from {@code source}, so our RTP now goes there (symmetric
	 * RTP: the caller may be behind NAT); reported when it first arrives and when it
	 * moves.
	 */
	default void rtpLatched(SipCall call, InetSocketAddress source) {
	}

	/** The call is over; no other event follows. */
	void ended(SipCall call, CallEndReason reason);

}
