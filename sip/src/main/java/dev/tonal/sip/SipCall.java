package dev.tonal.sip;

import dev.tonal.sip.b2bua.Dialer;
import dev.tonal.sip.rtp.CallMedia;
import dev.tonal.sip.rtp.RtpSocket;
import dev.tonal.sip.sdp.SdpAnswer;

import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * One inbound call as the rest of Tonal sees it. It owns the call's SIP dialog and RTP
 * socket; its events reach the {@link CallListener} one at a time on the call's own
 * thread. All methods are thread-safe and return at once.
 */
public interface SipCall {

	/** The SIP Call-ID. */
	String callId();

	/** The user part of the Request-URI the caller dialled. */
	String calledUser();

	/** Who is calling. */
	CallerInfo caller();

	/**
	 * What we answer with: our RTP address, the chosen codec and telephone-event type.
	 */
	SdpAnswer localMedia();

	/** Where the caller wants RTP sent, as last offered (re-INVITEs may change it). */
	RemoteMedia remoteMedia();

	/**
	 * The call's RTP: play audio to the caller with it. Set once the call is offered;
	 * sends from the 200 OK on.
	 */
	CallMedia media();

	/** The call's RTP socket, bound to our address in {@link #localMedia()}. */
	RtpSocket rtp();

	/** Sends 200 OK with the SDP answer. Does nothing if already answered or ended. */
	void answer();

	/**
	 * Ends the call: BYE once answered, or a 480 final response before that. Does nothing
	 * if the call has already ended.
	 */
	void hangUp();

	/**
	 * The call's serial executor: the thread its {@link CallListener} events run on. Hand
	 * work that completes elsewhere (timers, HTTP replies) back to the call through it.
	 */
	Executor executor();

	/**
	 * Places outbound legs (transfers) from the server this call arrived on.
	 */
	Dialer dialer();

	/** Why the call ended, once it has. */
	Optional<CallEndReason> endReason();

}
