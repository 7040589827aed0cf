package dev.tonal.sip.jain;

import dev.tonal.engine.DtmfTransport;
import dev.tonal.media.dtmf.SipInfoDtmf;
import dev.tonal.sip.CallEndReason;
import dev.tonal.sip.CallListener;
import dev.tonal.sip.CallerInfo;
import dev.tonal.sip.Dtmf;
import dev.tonal.sip.RemoteMedia;
import dev.tonal.sip.Route;
import dev.tonal.sip.SerialExecutor;
import dev.tonal.sip.SipCall;
import dev.tonal.sip.rtp.CallMedia;
import dev.tonal.sip.rtp.RtpPortAllocator.NoRtpPortException;
import dev.tonal.sip.rtp.RtpSocket;
import dev.tonal.sip.sdp.MediaLine;
import dev.tonal.sip.sdp.SdpAnswer;
import dev.tonal.sip.sdp.SdpException;
import dev.tonal.sip.sdp.SdpOffer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One inbound call on JAIN-SIP. SIP events arrive on stack threads, possibly
 * concurrently; the signalling state below is guarded by {@code this} and only ever does
 * quick work (build and send a message). Everything the application sees — routing and
 * {@link CallListener} events — runs on the call's {@link SerialExecutor}.
 *
 * <pre>
 * ROUTING --route: ivr--> RINGING --answer()--> ANSWERED --ACK--> CONFIRMED
 *    any state --BYE / CANCEL (before 200) / hangUp() / rejection / timeout--> ENDED
 * </pre>
 */
final class JainSipCall implements SipCall {

	private static final Logger log = Logger.getLogger(JainSipCall.class.getName());

	/** Peers that close their connection make sending fail: one line, rate-limited. */
	private static final RateLimitedWarnings sendFailures = RateLimitedWarnings.of(log);

	/**
	 * What an INVITE without SDP (late offer, RFC 3261 §13.2.1) is treated as offering:
	 * our 200 then offers PCMU and telephone-event, and the caller's answer arrives in
	 * the ACK. Until then the caller's address is unknown (0.0.0.0) and no audio is sent.
	 */
	private static final String LATE_OFFER = "v=0\r\nc=IN IP4 0.0.0.0\r\nm=audio 9 RTP/AVP 0 101\r\n"
			+ "a=rtpmap:101 telephone-event/8000\r\n";

	private enum State {

		ROUTING, RINGING, ANSWERED, CONFIRMED, ENDED

	}

	private final JainSipServer server;

	private final ServerTransaction invite;

	private final Request inviteRequest;

	private final String calledUser;

	private final CallerInfo caller;

	private final String localTag = Long.toHexString(ThreadLocalRandom.current().nextLong());

	private final SerialExecutor events;

	private State state = State.ROUTING;

	private CallEndReason endReason;

	private SdpAnswer answer;

	private RemoteMedia remoteMedia;

	private RtpSocket rtp;

	private CallMedia media;

	/** Set and read only on the executor. */
	private CallListener listener;

	JainSipCall(JainSipServer server, ServerTransaction invite, Request inviteRequest, String calledUser,
			CallerInfo caller) {
		this.server = server;
		this.invite = invite;
		this.inviteRequest = inviteRequest;
		this.calledUser = calledUser;
		this.caller = caller;
		this.events = new SerialExecutor("call-" + caller.callId());
	}

	@Override
	public String callId() {
		return this.caller.callId();
	}

	@Override
	public String calledUser() {
		return this.calledUser;
	}

	@Override
	public CallerInfo caller() {
		return this.caller;
	}

	@Override
	public synchronized SdpAnswer localMedia() {
		return this.answer;
	}

	@Override
	public synchronized RemoteMedia remoteMedia() {
		return this.remoteMedia;
	}

	@Override
	public synchronized CallMedia media() {
		return this.media;
	}

	@Override
	public synchronized RtpSocket rtp() {
		return this.rtp;
	}

	@Override
	public java.util.concurrent.Executor executor() {
		return this.events;
	}

	@Override
	public dev.tonal.sip.b2bua.Dialer dialer() {
		return this.server.dialer();
	}

	@Override
	public synchronized Optional<CallEndReason> endReason() {
		return Optional.ofNullable(this.endReason);
	}

	@Override
	public String toString() {
		return "call " + callId() + " to " + this.calledUser + " from " + this.caller.number();
	}

	// ---- routing and answering

	/** Routes the call on its own thread (the router may look things up). */
	void route() {
		this.events.execute(this::routeNow);
	}

	private void routeNow() {
		Route route;
		try {
			route = this.server.router().route(this.calledUser, this.caller);
		}
		catch (RuntimeException ex) {
			log.log(Level.WARNING, "routing failed for " + this, ex);
			reject(Response.SERVER_INTERNAL_ERROR, "Routing failed");
			return;
		}
		switch (route) {
			case Route.NotFound notFound -> reject(Response.NOT_FOUND, null);
			case Route.Blocked blocked -> reject(Response.FORBIDDEN, null);
			case Route.Ivr ivr -> offerToIvr(ivr.listener());
		}
	}

	private void offerToIvr(CallListener ivrListener) {
		this.listener = ivrListener;
		Optional<SdpAnswer> negotiated;
		RtpSocket socket;
		try {
			String offered = body(this.inviteRequest);
			SdpOffer offer = SdpOffer.parse(offered.isBlank() ? LATE_OFFER : offered);
			socket = this.server.rtpPorts().allocate();
			negotiated = SdpAnswer.negotiate(offer, this.server.config().advertisedAddress(), socket.port(),
					ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
			if (negotiated.isEmpty()) {
				socket.close();
				reject(Response.NOT_ACCEPTABLE_HERE, "Only PCMU and PCMA over RTP/AVP are supported");
				return;
			}
		}
		catch (SdpException ex) {
			reject(Response.NOT_ACCEPTABLE_HERE, "Unreadable SDP offer: " + ex.getMessage());
			return;
		}
		catch (NoRtpPortException ex) {
			log.warning(ex.getMessage());
			reject(Response.SERVICE_UNAVAILABLE, "No RTP port available");
			return;
		}
		synchronized (this) {
			if (this.state != State.ROUTING) {
				// Cancelled while routing: end() already told the listener.
				socket.close();
				return;
			}
			this.rtp = socket;
			this.answer = negotiated.get();
			this.remoteMedia = remoteMediaOf(this.answer);
			this.media = new CallMedia(socket, this.answer, this.events, this::keyPressed, this::rtpLatched);
			this.state = State.RINGING;
			send(this.invite, response(Response.RINGING, this.inviteRequest));
		}
		try {
			this.listener.offered(this);
		}
		catch (RuntimeException ex) {
			log.log(Level.WARNING, "the IVR failed to take " + this + "; refusing it", ex);
			hangUp();
		}
	}

	@Override
	public void answer() {
		synchronized (this) {
			if (this.state != State.RINGING) {
				return;
			}
			this.state = State.ANSWERED;
			send(this.invite, responseWithSdp(Response.OK, this.inviteRequest, this.answer));
			this.media.start(this.server.mediaClock(), this.remoteMedia);
		}
	}

	private void reject(int status, String reasonPhrase) {
		reject(status, reasonPhrase, CallEndReason.WE_HUNG_UP);
	}

	private void reject(int status, String reason, CallEndReason endReason) {
		synchronized (this) {
			if (this.state == State.ENDED) {
				return;
			}
			Response response = response(status, this.inviteRequest);
			if (reason != null) {
				setReason(response, reason);
			}
			// End first: the stack may report the dialog's end from inside sendResponse.
			end(endReason);
			send(this.invite, response);
		}
	}

	@Override
	public void hangUp() {
		hangUp(CallEndReason.WE_HUNG_UP, Response.TEMPORARILY_UNAVAILABLE);
	}

	/**
	 * Ends the call from our side: BYE once answered, else the given final response.
	 */
	synchronized void hangUp(CallEndReason reason, int statusBeforeAnswer) {
		switch (this.state) {
			case ROUTING, RINGING -> reject(statusBeforeAnswer, null, reason);
			case ANSWERED, CONFIRMED -> {
				end(reason);
				sendBye();
			}
			case ENDED -> {
			}
		}
	}

	private void sendBye() {
		try {
			Dialog dialog = this.invite.getDialog();
			Request bye = dialog.createRequest(Request.BYE);
			ClientTransaction transaction = this.server.stack().provider().getNewClientTransaction(bye);
			dialog.sendRequest(transaction);
		}
		catch (Exception ex) {
			sendFailures.warn("could not send BYE for " + this, ex);
		}
	}

	// ---- requests from the caller

	synchronized void onAck(Request ack) {
		if (this.state == State.ANSWERED && this.remoteMedia.address().getAddress().isAnyLocalAddress()) {
			takeLateAnswer(body(ack));
		}
		confirm();
	}

	/**
	 * The ACK of a late-offer call carries the caller's answer: where to send our RTP.
	 */
	private void takeLateAnswer(String sdp) {
		if (sdp.isBlank()) {
			return; // not a late offer: the caller offered c=0.0.0.0 (on hold from the
					// start)
		}
		try {
			SdpOffer.parse(sdp).firstAudio().ifPresent((audio) -> {
				this.remoteMedia = new RemoteMedia(audio.rtpAddress(), audio.direction());
				this.media.sendTo(this.remoteMedia);
			});
		}
		catch (SdpException ex) {
			log.warning(() -> "unreadable SDP answer in the ACK of " + this + ": " + ex.getMessage());
		}
	}

	/**
	 * ANSWERED to CONFIRMED. Also called for an in-dialog request that overtakes the ACK
	 * (the stack handles messages concurrently): it proves the caller has our 200, and
	 * the listener must hear "answered" before that request's event.
	 */
	private void confirm() {
		if (this.state == State.ANSWERED) {
			this.state = State.CONFIRMED;
			notifyListener((l) -> l.answered(this));
		}
	}

	synchronized void onCancel(ServerTransaction cancel) {
		send(cancel, plain(Response.OK, cancel.getRequest()));
		if (this.state == State.ROUTING || this.state == State.RINGING) {
			end(CallEndReason.CALLER_CANCELLED);
			send(this.invite, response(Response.REQUEST_TERMINATED, this.inviteRequest));
		}
	}

	synchronized void onBye(ServerTransaction bye, Request request) {
		boolean unanswered = this.state == State.ROUTING || this.state == State.RINGING;
		confirm();
		end(CallEndReason.CALLER_HUNG_UP);
		send(bye, plain(Response.OK, request));
		if (unanswered) {
			// A BYE in the early dialog: the INVITE still needs its final response.
			send(this.invite, response(Response.REQUEST_TERMINATED, this.inviteRequest));
		}
	}

	synchronized void onInfo(ServerTransaction info, Request request) {
		ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
		String contentType = (type != null) ? type.getContentType() + "/" + type.getContentSubType() : "";
		boolean dtmfType = contentType.equalsIgnoreCase(SipInfoDtmf.DTMF_RELAY)
				|| contentType.equalsIgnoreCase(SipInfoDtmf.DTMF);
		if (!dtmfType) {
			send(info, plain(Response.UNSUPPORTED_MEDIA_TYPE, request));
			return;
		}
		Optional<Character> key = SipInfoDtmf.parse(contentType, body(request));
		if (key.isEmpty()) {
			Response bad = plain(Response.BAD_REQUEST, request);
			setReason(bad, "No DTMF key in the INFO body");
			send(info, bad);
			return;
		}
		send(info, plain(Response.OK, request));
		confirm();
		this.events.execute(() -> keyPressed(key.get(), DtmfTransport.SIP_INFO));
	}

	synchronized void onReInvite(ServerTransaction reInvite, Request request) {
		if (this.answer == null || this.state == State.ENDED) {
			send(reInvite, plain(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
			return;
		}
		confirm();
		String sdp = body(request);
		if (sdp.isBlank()) {
			// An offerless re-INVITE: our 200 carries the offer and its ACK the answer
			// (ignored).
			send(reInvite, responseWithSdp(Response.OK, request, this.answer));
			return;
		}
		Optional<SdpAnswer> next;
		SdpOffer offer;
		try {
			offer = SdpOffer.parse(sdp);
			next = this.answer.answerAgain(offer);
		}
		catch (SdpException ex) {
			next = Optional.empty();
		}
		if (next.isEmpty()) {
			send(reInvite, plain(Response.NOT_ACCEPTABLE_HERE, request));
			return;
		}
		this.answer = next.get();
		send(reInvite, responseWithSdp(Response.OK, request, this.answer));
		RemoteMedia media = remoteMediaOf(this.answer);
		if (!media.equals(this.remoteMedia)) {
			this.remoteMedia = media;
			this.media.sendTo(media);
			notifyListener((l) -> l.remoteMediaChanged(this, media));
		}
	}

	/**
	 * A key from any transport, on the executor. Every report is passed on: a press seen
	 * by two transports is counted once by the engine, whose trace shows both (rule 32).
	 */
	private void keyPressed(char key, DtmfTransport transport) {
		if (this.listener != null && endReason().isEmpty()) {
			this.listener.dtmf(this, new Dtmf(key, transport));
		}
	}

	/** Where the caller's RTP comes from (symmetric RTP), on the executor. */
	private void rtpLatched(InetSocketAddress source) {
		if (this.listener != null && endReason().isEmpty()) {
			this.listener.rtpLatched(this, source);
		}
	}

	// ---- stack events

	synchronized void onAckTimeout() {
		if (this.state == State.ANSWERED) {
			end(CallEndReason.NO_ACK);
			sendBye();
		}
	}

	synchronized void onDialogTerminated() {
		end(CallEndReason.SIGNALLING_FAILED);
	}

	/**
	 * Moves to ENDED once: releases the RTP port and tells the listener. Caller holds the
	 * lock.
	 */
	private void end(CallEndReason reason) {
		if (this.state == State.ENDED) {
			return;
		}
		this.state = State.ENDED;
		this.endReason = reason;
		this.server.forget(this);
		if (this.media != null) {
			this.media.stop();
		}
		if (this.rtp != null) {
			this.rtp.close();
		}
		notifyListener((l) -> l.ended(this, reason));
	}

	// ---- message building

	private static String body(Request request) {
		byte[] raw = request.getRawContent();
		return (raw != null) ? new String(raw, StandardCharsets.UTF_8) : "";
	}

	private static RemoteMedia remoteMediaOf(SdpAnswer answer) {
		MediaLine line = answer.offeredMedia().get(answer.audioIndex());
		return new RemoteMedia(line.rtpAddress(), line.direction());
	}

	/** A response to the INVITE (or a re-INVITE) carrying our To tag and Contact. */
	private Response response(int status, Request request) {
		try {
			Response response = this.server.messageFactory.createResponse(status, request);
			ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
			if (status > Response.TRYING && to.getTag() == null) {
				to.setTag(this.localTag);
			}
			if (status < 300) {
				response.addHeader(contact(request));
			}
			return response;
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot build a " + status + " response", ex);
		}
	}

	private Response responseWithSdp(int status, Request request, SdpAnswer sdp) {
		Response response = response(status, request);
		try {
			response.setContent(sdp.toSdp(), this.server.headerFactory.createContentTypeHeader("application", "sdp"));
			this.server.addAllowAndAccept(response);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot attach SDP", ex);
		}
		return response;
	}

	private ContactHeader contact(Request request) throws Exception {
		ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
		SipURI uri = this.server.addressFactory.createSipURI(this.calledUser.isEmpty() ? null : this.calledUser,
				this.server.config().advertisedAddress());
		uri.setPort(this.server.port());
		uri.setTransportParam(via.getTransport().toLowerCase(java.util.Locale.ROOT));
		Address address = this.server.addressFactory.createAddress(uri);
		return this.server.headerFactory.createContactHeader(address);
	}

	/**
	 * A response without our tag or Contact (CANCEL, BYE, INFO, errors on in-dialog
	 * requests).
	 */
	private Response plain(int status, Request request) {
		try {
			return this.server.messageFactory.createResponse(status, request);
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException("cannot build a " + status + " response", ex);
		}
	}

	/** Hands an event to the listener on the call's thread. */
	private void notifyListener(java.util.function.Consumer<CallListener> event) {
		this.events.execute(() -> {
			if (this.listener != null) {
				event.accept(this.listener);
			}
		});
	}

	private static void setReason(Response response, String reason) {
		try {
			response.setReasonPhrase(reason);
		}
		catch (java.text.ParseException ex) {
			// keep the standard phrase
		}
	}

	private void send(ServerTransaction transaction, Response response) {
		try {
			transaction.sendResponse(response);
		}
		catch (Exception ex) {
			sendFailures.warn("could not send " + response.getStatusCode() + " for " + this, ex);
		}
	}

}
