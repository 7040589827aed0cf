package dev.tonal.sip.testphone;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tonal.sip.jain.JainStacks;
import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.UserCredentials;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A registered phone for tests: registers an extension with digest authentication (the
 * stack's own client-side helper, independent of our registrar's code) and takes the
 * calls Tonal sends it, behaving as told: answer, ring until answered by the test, or be
 * busy. One call at a time. Its audio goes through a {@link PhoneRtp}.
 */
public final class TestDevice implements SipListener, AutoCloseable {

	private static final Logger log = Logger.getLogger(TestDevice.class.getName());

	/** What the device does with an incoming INVITE. */
	public enum Behaviour {

		/** 180, then 200 at once. */
		ANSWER,
		/** 180, then waits for {@link TestDevice#answer()}. */
		RING,
		/** 486 Busy Here. */
		BUSY,
		/**
		 * 401 with a digest challenge unless the INVITE carries credentials (a trunk);
		 * then 180 and 200.
		 */
		CHALLENGE

	}

	/**
	 * An INVITE as the device saw it.
	 *
	 * @param authorization the Authorization header's value, or null
	 */
	public record Invite(String requestUri, String from, String fromUser, String fromDisplayName, String sdp,
			String authorization) {
	}

	private final JainStacks.Stack stack;

	private final AddressFactory addresses;

	private final HeaderFactory headers;

	private final MessageFactory messages;

	private final String user;

	private final String password;

	private final PhoneRtp rtp = PhoneRtp.open();

	private volatile Behaviour behaviour = Behaviour.ANSWER;

	private volatile String answerCodec = "PCMU";

	private final BlockingQueue<Invite> invites = new LinkedBlockingQueue<>();

	private final BlockingQueue<String> endings = new LinkedBlockingQueue<>();

	private final BlockingQueue<Reply> registerReplies = new LinkedBlockingQueue<>();

	private volatile ServerTransaction ringing;

	private volatile Dialog dialog;

	private volatile String lastOffer;

	private long cseq = 1;

	private final String registerCallId;

	private TestDevice(JainStacks.Stack stack, String user, String password) throws Exception {
		this.stack = stack;
		this.user = user;
		this.password = password;
		SipFactory factory = SipFactory.getInstance();
		this.addresses = factory.createAddressFactory();
		this.headers = factory.createHeaderFactory();
		this.messages = factory.createMessageFactory();
		this.registerCallId = stack.provider().getNewCallId().getCallId();
	}

	/**
	 * Starts a device for extension {@code user} ({@code prefix*name}) on a free loopback
	 * port.
	 */
	public static TestDevice start(String user, String password) {
		JainStacks.Stack stack = null;
		try {
			stack = JainStacks.start("test-device", TestPhone.HOST, 0, 1);
			TestDevice device = new TestDevice(stack, user, password);
			stack.provider().addSipListener(device);
			return device;
		}
		catch (Exception ex) {
			if (stack != null) {
				stack.stop();
			}
			throw new IllegalStateException("test device could not start: " + ex.getMessage(), ex);
		}
	}

	/** The device's SIP port (its Contact). */
	public int port() {
		return this.stack.port();
	}

	/** The device's RTP. */
	public PhoneRtp rtp() {
		return this.rtp;
	}

	/** How to treat the next INVITEs. */
	public void behave(Behaviour next) {
		this.behaviour = next;
	}

	/** The codec the device answers with: {@code PCMU} (default) or {@code PCMA}. */
	public void answerWith(String codec) {
		this.answerCodec = codec;
	}

	/**
	 * Registers this device's contact for {@code expires} seconds, answering a digest
	 * challenge once; returns the final reply.
	 */
	public Reply register(int serverPort, int expires) {
		return register(serverPort, expires, "<sip:" + this.user + "@" + TestPhone.HOST + ":" + port() + ">");
	}

	/**
	 * Registers with an explicit Contact header value ({@code *} to remove every
	 * binding).
	 */
	public synchronized Reply register(int serverPort, int expires, String contact) {
		try {
			SipURI registrar = this.addresses.createSipURI(null, TestPhone.HOST);
			registrar.setPort(serverPort);
			Address aor = this.addresses.createAddress(this.addresses.createSipURI(this.user, TestPhone.HOST));
			Request request = this.messages.createRequest(registrar, Request.REGISTER,
					this.headers.createCallIdHeader(this.registerCallId),
					this.headers.createCSeqHeader(this.cseq++, Request.REGISTER),
					this.headers.createFromHeader(aor, Long.toHexString(ThreadLocalRandom.current().nextLong())),
					this.headers.createToHeader(aor, null),
					List.of(this.headers.createViaHeader(TestPhone.HOST, port(), "udp", null)),
					this.headers.createMaxForwardsHeader(70));
			request.addHeader(this.headers.createHeader("Contact", contact));
			request.addHeader(this.headers.createExpiresHeader(expires));
			request.addHeader(this.headers.createHeader("User-Agent", "Tonal TestDevice"));
			this.registerReplies.clear();
			ClientTransaction transaction = this.stack.provider().getNewClientTransaction(request);
			transaction.sendRequest();
			Reply reply = TestPhone.awaitFinal(this.registerReplies, "REGISTER");
			if (reply.status() == 401 && this.lastChallenge != null) {
				ClientTransaction retry = ((SipStackExt) this.stack.sipStack())
					.getAuthenticationHelper(new Account(), this.headers)
					.handleChallenge(this.lastChallenge, transaction, this.stack.provider(), 5);
				this.cseq++;
				retry.sendRequest();
				reply = TestPhone.awaitFinal(this.registerReplies, "REGISTER with credentials");
			}
			return reply;
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not REGISTER: " + ex.getMessage(), ex);
		}
	}

	private volatile Response lastChallenge;

	private final BlockingQueue<Reply> callReplies = new LinkedBlockingQueue<>();

	private volatile Response lastCallChallenge;

	/**
	 * Calls {@code user} (a bare name, a full name or a number) at the server as this
	 * phone, answering one digest challenge (407) with the device's credentials; a 200 is
	 * ACKed and the call can then be ended with {@link #hangUp()}.
	 * @return the final reply
	 */
	public Reply call(String user, int serverPort) {
		try {
			SipURI target = this.addresses.createSipURI(user, TestPhone.HOST);
			target.setPort(serverPort);
			Address from = this.addresses.createAddress(this.addresses.createSipURI(this.user, TestPhone.HOST));
			Request invite = this.messages.createRequest(target, Request.INVITE, this.stack.provider().getNewCallId(),
					this.headers.createCSeqHeader(1L, Request.INVITE),
					this.headers.createFromHeader(from, Long.toHexString(ThreadLocalRandom.current().nextLong())),
					this.headers.createToHeader(this.addresses.createAddress(target), null),
					List.of(this.headers.createViaHeader(TestPhone.HOST, port(), "udp", null)),
					this.headers.createMaxForwardsHeader(70));
			SipURI contact = this.addresses.createSipURI(this.user, TestPhone.HOST);
			contact.setPort(port());
			invite.addHeader(this.headers.createContactHeader(this.addresses.createAddress(contact)));
			invite.setContent(Sdp.offer(this.rtp.port(), "PCMU", "telephone-event"),
					this.headers.createContentTypeHeader("application", "sdp"));
			this.callReplies.clear();
			ClientTransaction transaction = this.stack.provider().getNewClientTransaction(invite);
			transaction.sendRequest();
			Reply reply = TestPhone.awaitFinal(this.callReplies, "INVITE");
			if ((reply.status() == 407 || reply.status() == 401) && this.lastCallChallenge != null) {
				ClientTransaction retry = ((SipStackExt) this.stack.sipStack())
					.getAuthenticationHelper(new Account(), this.headers)
					.handleChallenge(this.lastCallChallenge, transaction, this.stack.provider(), 5);
				retry.sendRequest();
				reply = TestPhone.awaitFinal(this.callReplies, "INVITE with credentials");
			}
			return reply;
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not call " + user + ": " + ex.getMessage(), ex);
		}
	}

	private final class Account implements AccountManager {

		@Override
		public UserCredentials getCredentials(ClientTransaction challenged, String realm) {
			return new UserCredentials() {
				@Override
				public String getUserName() {
					return TestDevice.this.user;
				}

				@Override
				public String getPassword() {
					return TestDevice.this.password;
				}

				@Override
				public String getSipDomain() {
					return realm;
				}
			};
		}

	}

	/** Forgets INVITEs and call ends not awaited yet (between tests sharing a device). */
	public void clearHistory() {
		this.invites.clear();
		this.endings.clear();
	}

	/** Waits for the next INVITE Tonal sends. */
	public Invite awaitInvite() {
		return poll(this.invites, "an INVITE");
	}

	/** Waits until the current call ends; returns {@code CANCEL} or {@code BYE}. */
	public String awaitEnd() {
		return poll(this.endings, "a CANCEL or BYE");
	}

	/** Whether a call ended without {@link #awaitEnd} having seen it. */
	public List<String> endingsSoFar() {
		return List.copyOf(this.endings);
	}

	/** Answers the ringing call (behaviour {@link Behaviour#RING}). */
	public void answer() {
		try {
			ServerTransaction transaction = this.ringing;
			if (transaction == null) {
				throw new AssertionError("no call is ringing on " + this.user);
			}
			this.ringing = null;
			transaction.sendResponse(ok(transaction.getRequest()));
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not answer: " + ex.getMessage(), ex);
		}
	}

	/** Hangs up the answered call with BYE. */
	public void hangUp() {
		try {
			Dialog current = this.dialog;
			Request bye = current.createRequest(Request.BYE);
			current.sendRequest(this.stack.provider().getNewClientTransaction(bye));
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not hang up: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Where Tonal wants this device's RTP: from the last INVITE's offer, or the answer to
	 * the device's own last call.
	 */
	public java.net.InetSocketAddress tonalRtp() {
		return Sdp.mediaAddress(this.lastOffer);
	}

	private Response ok(Request invite) throws Exception {
		Response ok = this.messages.createResponse(Response.OK, invite);
		SipURI contactUri = this.addresses.createSipURI(this.user, TestPhone.HOST);
		contactUri.setPort(port());
		ok.addHeader(this.headers.createContactHeader(this.addresses.createAddress(contactUri)));
		ok.setContent(Sdp.offer(this.rtp.port(), this.answerCodec, "telephone-event"),
				this.headers.createContentTypeHeader("application", "sdp"));
		return ok;
	}

	private static <T> T poll(BlockingQueue<T> queue, String what) {
		try {
			T item = queue.poll(TestPhone.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (item == null) {
				throw new AssertionError("no " + what + " within " + TestPhone.TIMEOUT);
			}
			return item;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted waiting for " + what);
		}
	}

	@Override
	public void close() {
		this.rtp.close();
		this.stack.provider().removeSipListener(this);
		this.stack.stop();
	}

	// ---- stack callbacks

	@Override
	public void processRequest(RequestEvent event) {
		Request request = event.getRequest();
		if (request.getMethod().equals(Request.ACK)) {
			return;
		}
		try {
			ServerTransaction transaction = (event.getServerTransaction() != null) ? event.getServerTransaction()
					: this.stack.provider().getNewServerTransaction(request);
			switch (request.getMethod()) {
				case Request.INVITE -> onInvite(transaction, request);
				case Request.CANCEL -> {
					transaction.sendResponse(this.messages.createResponse(Response.OK, request));
					ServerTransaction invite = this.ringing;
					this.ringing = null;
					if (invite != null) {
						invite.sendResponse(
								this.messages.createResponse(Response.REQUEST_TERMINATED, invite.getRequest()));
					}
					this.endings.add(Request.CANCEL);
				}
				case Request.BYE -> {
					transaction.sendResponse(this.messages.createResponse(Response.OK, request));
					this.endings.add(Request.BYE);
				}
				default -> transaction.sendResponse(this.messages.createResponse(Response.OK, request));
			}
		}
		catch (Exception ex) {
			log.log(Level.FINE, "test device could not answer " + request.getMethod(), ex);
		}
	}

	private void onInvite(ServerTransaction transaction, Request request) throws Exception {
		FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
		String fromUser = (from.getAddress().getURI() instanceof SipURI uri) ? uri.getUser() : "";
		String sdp = (request.getRawContent() != null) ? new String(request.getRawContent(), StandardCharsets.UTF_8)
				: "";
		this.lastOffer = sdp;
		this.dialog = transaction.getDialog();
		javax.sip.header.Header authorization = request.getHeader(javax.sip.header.AuthorizationHeader.NAME);
		Invite invite = new Invite(request.getRequestURI().toString(), from.getAddress().toString(), fromUser,
				from.getAddress().getDisplayName(), sdp,
				(authorization != null) ? authorization.toString().substring(15).trim() : null);
		try {
			respond(transaction, request, authorization != null);
		}
		finally {
			// Seen only once answered as told: a test may then answer a ringing call.
			this.invites.add(invite);
		}
	}

	private void respond(ServerTransaction transaction, Request request, boolean withCredentials) throws Exception {
		Behaviour now = this.behaviour;
		if (now == Behaviour.CHALLENGE) {
			if (!withCredentials) {
				Response challenge = this.messages.createResponse(Response.UNAUTHORIZED, request);
				challenge.addHeader(this.headers.createHeader("WWW-Authenticate",
						"Digest realm=\"trunk.test\", nonce=\"abc123\", algorithm=MD5"));
				transaction.sendResponse(challenge);
				return;
			}
			now = Behaviour.ANSWER;
		}
		switch (now) {
			case BUSY -> transaction.sendResponse(this.messages.createResponse(Response.BUSY_HERE, request));
			case ANSWER -> {
				transaction.sendResponse(ringing(request));
				transaction.sendResponse(ok(request));
			}
			case RING -> {
				this.ringing = transaction;
				transaction.sendResponse(ringing(request));
			}
			case CHALLENGE -> throw new IllegalStateException("handled above");
		}
	}

	private Response ringing(Request request) throws Exception {
		Response ringing = this.messages.createResponse(Response.RINGING, request);
		((javax.sip.header.ToHeader) ringing.getHeader(javax.sip.header.ToHeader.NAME))
			.setTag(Long.toHexString(ThreadLocalRandom.current().nextLong()));
		return ringing;
	}

	@Override
	public void processResponse(ResponseEvent event) {
		Response response = event.getResponse();
		CSeqHeader cseqHeader = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
		if (cseqHeader.getMethod().equals(Request.INVITE)) {
			onCallResponse(event, response, cseqHeader.getSeqNumber());
			return;
		}
		if (cseqHeader.getMethod().equals(Request.REGISTER)) {
			if (response.getStatusCode() == 401) {
				this.lastChallenge = response;
			}
			this.registerReplies.add(reply(response));
		}
	}

	private void onCallResponse(ResponseEvent event, Response response, long cseq) {
		int status = response.getStatusCode();
		if (status == 401 || status == 407) {
			this.lastCallChallenge = response;
		}
		if (status >= 200 && status < 300) {
			try {
				Dialog answered = event.getDialog();
				answered.sendAck(answered.createAck(cseq));
				this.dialog = answered;
				this.lastOffer = TestPhone.body(response);
			}
			catch (Exception ex) {
				log.log(Level.FINE, "test device could not ACK", ex);
			}
		}
		if (event.getClientTransaction() != null) {
			this.callReplies.add(reply(response));
		}
	}

	@Override
	public void processTimeout(TimeoutEvent event) {
		if (!event.isServerTransaction()) {
			this.registerReplies.add(Reply.local(408, "Timeout (no reply at all)"));
		}
	}

	@Override
	public void processIOException(IOExceptionEvent event) {
	}

	@Override
	public void processTransactionTerminated(TransactionTerminatedEvent event) {
	}

	@Override
	public void processDialogTerminated(DialogTerminatedEvent event) {
	}

	private static Reply reply(Response response) {
		java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
		for (var names = response.getHeaderNames(); names.hasNext();) {
			String name = (String) names.next();
			List<String> values = new java.util.ArrayList<>();
			for (var it = response.getHeaders(name); it.hasNext();) {
				String encoded = it.next().toString();
				values.add(encoded.substring(encoded.indexOf(':') + 1).trim());
			}
			headers.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values));
		}
		return new Reply(response.getStatusCode(), response.getReasonPhrase(), "", TestPhone.body(response),
				java.util.Map.copyOf(headers));
	}

}
