package dev.tonal.sip.jain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tonal.engine.TransferFailure;
import dev.tonal.sip.b2bua.LegListener;
import dev.tonal.sip.b2bua.LegMedia;
import dev.tonal.sip.b2bua.LegRequest;
import dev.tonal.sip.b2bua.OutboundLeg;
import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.UserCredentials;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One outbound leg on JAIN-SIP: an INVITE (UAC) with our SDP offer to a registered device
 * or through the trunk, answering a digest challenge once when credentials are
 * configured, ACKing the 200 and ending with CANCEL or BYE. Signalling state is guarded
 * by {@code this}, and every decision to end the leg moves it to ENDED under the same
 * lock (a response handled concurrently must never see a leg being ended as still alive);
 * listener events are delivered outside the lock.
 *
 * <pre>
 * CALLING --1xx--> PROCEEDING --2xx/ACK--> ANSWERED --BYE either way--> ENDED
 *    any state --failure / timeout / hangUp()--> ENDED
 * </pre>
 */
final class JainOutboundLeg implements OutboundLeg {

	private static final Logger log = Logger.getLogger(JainOutboundLeg.class.getName());

	private enum State {

		CALLING, PROCEEDING, ANSWERED, ENDED

	}

	private final JainSipServer server;

	private final LegRequest request;

	private final LegListener listener;

	private LegMedia media;

	private String callId;

	private ClientTransaction invite;

	private Dialog dialog;

	private State state = State.CALLING;

	/** Ended by us before any provisional response: CANCEL is sent when one arrives. */
	private boolean cancelWhenProceeding;

	private boolean challengeAnswered;

	/** Whether the RTP socket was closed and the leg forgotten. */
	private boolean closed;

	private JainOutboundLeg(JainSipServer server, LegRequest request, LegListener listener) {
		this.server = server;
		this.request = request;
		this.listener = listener;
	}

	/**
	 * Places a leg; failures to even send it reach the listener as {@code unreachable}.
	 */
	static JainOutboundLeg dial(JainSipServer server, LegRequest request, LegListener listener) {
		JainOutboundLeg leg = new JainOutboundLeg(server, request, listener);
		try {
			leg.send();
		}
		catch (Exception | Error ex) {
			log.log(Level.INFO, "could not place a call to " + request.target() + ": " + ex.getMessage());
			leg.end();
			listener.failed(leg, TransferFailure.UNREACHABLE);
		}
		return leg;
	}

	@Override
	public LegRequest request() {
		return this.request;
	}

	@Override
	public synchronized LegMedia media() {
		return this.media;
	}

	private synchronized void send() throws Exception {
		URI target = this.server.addressFactory.createURI(this.request.target());
		if (!(target instanceof SipURI sipTarget)) {
			throw new IllegalArgumentException("not a SIP URI: " + this.request.target());
		}
		String transport = (sipTarget.getTransportParam() != null) ? sipTarget.getTransportParam() : "udp";
		String host = this.server.config().advertisedAddress();
		int port = this.server.port();
		this.media = new LegMedia(this.server.rtpPorts().allocate());

		String number = this.request.callerNumber().isEmpty() ? "anonymous" : this.request.callerNumber();
		Address from = this.server.addressFactory.createAddress(this.server.addressFactory.createSipURI(number, host));
		if (!this.request.callerName().isEmpty()) {
			from.setDisplayName(this.request.callerName());
		}
		CallIdHeader callIdHeader = this.server.stack().provider().getNewCallId();
		this.callId = callIdHeader.getCallId();
		Request inviteRequest = this.server.messageFactory.createRequest(target, Request.INVITE, callIdHeader,
				this.server.headerFactory.createCSeqHeader(1L, Request.INVITE),
				this.server.headerFactory.createFromHeader(from,
						Long.toHexString(ThreadLocalRandom.current().nextLong())),
				this.server.headerFactory.createToHeader(this.server.addressFactory.createAddress(target), null),
				List.of(this.server.headerFactory.createViaHeader(host, port, transport, null)),
				this.server.headerFactory.createMaxForwardsHeader(70));
		SipURI contact = this.server.addressFactory.createSipURI("tonal", host);
		contact.setPort(port);
		if (!transport.equalsIgnoreCase("udp")) {
			contact.setTransportParam(transport);
		}
		inviteRequest.addHeader(
				this.server.headerFactory.createContactHeader(this.server.addressFactory.createAddress(contact)));
		inviteRequest.addHeader(this.server.headerFactory.createHeader("User-Agent", "Tonal"));
		inviteRequest.setContent(this.media.offer(host, this.request.preferredCodec()),
				this.server.headerFactory.createContentTypeHeader("application", "sdp"));
		this.server.addLeg(this.callId, this);
		this.invite = this.server.stack().provider().getNewClientTransaction(inviteRequest);
		this.invite.setApplicationData(this);
		this.invite.sendRequest();
	}

	@Override
	public void hangUp() {
		synchronized (this) {
			switch (this.state) {
				case CALLING -> this.cancelWhenProceeding = true;
				case PROCEEDING -> sendCancel();
				case ANSWERED -> sendBye();
				case ENDED -> {
					return;
				}
			}
			// ENDED before the lock is released: a 200 handled right after our
			// CANCEL must find the leg ended (and hang up), not answered.
			this.state = State.ENDED;
		}
		end();
	}

	// ---- from the dispatcher

	void onResponse(ResponseEvent event) {
		Response response = event.getResponse();
		int status = response.getStatusCode();
		CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
		if (!cseq.getMethod().equals(Request.INVITE)) {
			return;
		}
		if (status < 200) {
			onProvisional(status);
		}
		else if (status < 300) {
			onSuccess(event, response, cseq.getSeqNumber());
		}
		else {
			onFailure(event, status);
		}
	}

	private void onProvisional(int status) {
		boolean ringing;
		synchronized (this) {
			if (this.cancelWhenProceeding) {
				this.cancelWhenProceeding = false;
				sendCancel();
				return;
			}
			if (this.state == State.CALLING) {
				this.state = State.PROCEEDING;
			}
			ringing = status != 100 && this.state == State.PROCEEDING;
		}
		if (ringing) {
			this.listener.ringing(this);
		}
	}

	private void onSuccess(ResponseEvent event, Response response, long cseq) {
		Dialog answered = (event.getDialog() != null) ? event.getDialog() : event.getClientTransaction().getDialog();
		boolean accepted;
		synchronized (this) {
			try {
				answered.sendAck(answered.createAck(cseq));
			}
			catch (Exception ex) {
				log.log(Level.FINE, "could not ACK the 200 of " + this.callId, ex);
			}
			this.dialog = answered;
			if (this.state == State.ANSWERED) {
				return; // a retransmitted 200
			}
			if (this.state == State.ENDED || this.cancelWhenProceeding) {
				// Our CANCEL crossed the 200: the callee answered anyway, so hang up.
				sendBye();
				return;
			}
			byte[] body = response.getRawContent();
			accepted = body != null && this.media.accept(new String(body, StandardCharsets.UTF_8));
			if (accepted) {
				this.state = State.ANSWERED;
			}
			else {
				sendBye();
				this.state = State.ENDED;
			}
		}
		if (accepted) {
			this.listener.answered(this);
		}
		else {
			end();
			this.listener.failed(this, TransferFailure.REJECTED);
		}
	}

	private void onFailure(ResponseEvent event, int status) {
		if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
				&& answerChallenge(event)) {
			return;
		}
		boolean report;
		synchronized (this) {
			report = this.state != State.ENDED;
			this.state = State.ENDED;
		}
		end();
		if (report) {
			this.listener.failed(this, reasonOf(status));
		}
	}

	/** Resends the INVITE with credentials, once. */
	private synchronized boolean answerChallenge(ResponseEvent event) {
		LegRequest.TrunkCredentials credentials = this.request.credentials();
		if (credentials == null || this.challengeAnswered || this.state == State.ENDED) {
			return false;
		}
		this.challengeAnswered = true;
		try {
			AccountManager account = (transaction, realm) -> new UserCredentials() {
				@Override
				public String getUserName() {
					return credentials.username();
				}

				@Override
				public String getPassword() {
					return credentials.password();
				}

				@Override
				public String getSipDomain() {
					return realm;
				}
			};
			ClientTransaction retry = ((SipStackExt) this.server.stack().sipStack())
				.getAuthenticationHelper(account, this.server.headerFactory)
				.handleChallenge(event.getResponse(), event.getClientTransaction(), this.server.stack().provider(), 5);
			retry.setApplicationData(this);
			this.invite = retry;
			this.state = State.CALLING;
			retry.sendRequest();
			return true;
		}
		catch (Exception ex) {
			log.log(Level.INFO, "could not answer the digest challenge of " + this.request.target(), ex);
			return false;
		}
	}

	void onTimeout() {
		boolean report;
		synchronized (this) {
			report = this.state == State.CALLING || this.state == State.PROCEEDING;
			this.state = State.ENDED;
		}
		end();
		if (report) {
			this.listener.failed(this, TransferFailure.UNREACHABLE);
		}
	}

	/**
	 * A request inside the leg's dialog: BYE ends it; a re-INVITE is refused with 488
	 * (the session stays as negotiated: the bridge does not renegotiate media); anything
	 * else (INFO, OPTIONS) is acknowledged.
	 */
	void onRequest(ServerTransaction transaction, Request request) throws Exception {
		if (request.getMethod().equals(Request.INVITE)) {
			transaction.sendResponse(this.server.messageFactory.createResponse(Response.NOT_ACCEPTABLE_HERE, request));
			return;
		}
		transaction.sendResponse(this.server.messageFactory.createResponse(Response.OK, request));
		if (!request.getMethod().equals(Request.BYE)) {
			return;
		}
		boolean report;
		synchronized (this) {
			report = this.state == State.ANSWERED;
			this.state = State.ENDED;
		}
		end();
		if (report) {
			this.listener.hungUp(this);
		}
	}

	// ---- helpers (called holding the lock where noted)

	/** Holding the lock. */
	private void sendCancel() {
		try {
			Request cancel = this.invite.createCancel();
			this.server.stack().provider().getNewClientTransaction(cancel).sendRequest();
		}
		catch (Exception ex) {
			log.log(Level.FINE, "could not CANCEL " + this.callId, ex);
		}
	}

	/** Holding the lock. */
	private void sendBye() {
		try {
			Request bye = this.dialog.createRequest(Request.BYE);
			this.dialog.sendRequest(this.server.stack().provider().getNewClientTransaction(bye));
		}
		catch (Exception ex) {
			log.log(Level.FINE, "could not send BYE on " + this.callId, ex);
		}
	}

	private void end() {
		synchronized (this) {
			this.state = State.ENDED;
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		// A late 200 of a cancelled leg still finds us through its transaction (to be
		// ACKed and hung up); only in-dialog requests are looked up by Call-ID.
		if (this.callId != null) {
			this.server.forgetLeg(this.callId, this);
		}
		if (this.media != null) {
			this.media.close();
		}
	}

	/** Why a leg failed, for a final failure response to its INVITE. */
	private static TransferFailure reasonOf(int status) {
		return switch (status) {
			case 486, 600 -> TransferFailure.BUSY;
			case 408, 480 -> TransferFailure.NO_ANSWER;
			case 502, 503, 504 -> TransferFailure.UNREACHABLE;
			default -> TransferFailure.REJECTED;
		};
	}

}
