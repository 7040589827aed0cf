package dev.tonal.sip.jain;

import dev.tonal.media.clock.MediaClock;
import dev.tonal.sip.CallEndReason;
import dev.tonal.sip.CallRouter;
import dev.tonal.sip.CallerInfo;
import dev.tonal.sip.SipConfig;
import dev.tonal.sip.SipServer;
import dev.tonal.sip.SipServerException;
import dev.tonal.sip.b2bua.Dialer;
import dev.tonal.sip.registrar.DigestAuthenticator;
import dev.tonal.sip.registrar.Registrar;
import dev.tonal.sip.rtp.RtpPortAllocator;
import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import gov.nist.javax.sip.message.SIPRequest;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.AllowHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The SIP server on JAIN-SIP: owns the stack, dispatches each incoming request to the
 * call it belongs to (by Call-ID) and answers what belongs to no call (OPTIONS, unknown
 * dialogs, unsupported methods). Every callback returns at once; call work runs on the
 * calls' own executors.
 */
public final class JainSipServer implements SipServer, SipListenerExt {

	private static final Logger log = Logger.getLogger(JainSipServer.class.getName());

	static final List<String> ALLOWED_METHODS = List.of(Request.INVITE, Request.ACK, Request.CANCEL, Request.BYE,
			Request.OPTIONS, Request.INFO);

	/**
	 * SIP methods we know but do not serve (405 with Allow); any other method is unknown
	 * to us (501, RFC 3261 §8.2.1 and §21.5.2).
	 */
	static final List<String> KNOWN_METHODS = List.of(Request.PRACK, Request.SUBSCRIBE, Request.NOTIFY, Request.UPDATE,
			Request.MESSAGE, Request.REFER, Request.PUBLISH, Request.REGISTER);

	/**
	 * A peer can make handling fail with every request it sends: one line, rate-limited.
	 */
	private static final RateLimitedWarnings failures = RateLimitedWarnings.of(log);

	private final SipConfig config;

	private final CallRouter router;

	private final JainStacks.Stack stack;

	private final RtpPortAllocator rtpPorts;

	/** The one 20 ms tick that paces every call's RTP. */
	private final MediaClock mediaClock = new MediaClock(MediaClock.TimeSource.SYSTEM);

	private final Map<String, JainSipCall> calls = new ConcurrentHashMap<>();

	/** Outbound legs (transfers) by Call-ID, for the callee's in-dialog requests. */
	private final Map<String, JainOutboundLeg> legs = new ConcurrentHashMap<>();

	/** Answers REGISTER; null when this server is no registrar (405). */
	private final RegistrarHandler registrar;

	/** Checks INVITEs from phones; null when this server is no registrar. */
	private final DigestAuthenticator phoneAuthenticator;

	final AddressFactory addressFactory;

	final HeaderFactory headerFactory;

	final MessageFactory messageFactory;

	private JainSipServer(SipConfig config, CallRouter router, Registrar registrar, JainStacks.Stack stack)
			throws Exception {
		this.config = config;
		this.router = router;
		this.stack = stack;
		this.rtpPorts = new RtpPortAllocator(config.host(), config.rtpPortMin(), config.rtpPortMax());
		SipFactory factory = SipFactory.getInstance();
		this.addressFactory = factory.createAddressFactory();
		this.headerFactory = factory.createHeaderFactory();
		this.messageFactory = factory.createMessageFactory();
		this.registrar = (registrar != null) ? new RegistrarHandler(this, registrar) : null;
		this.phoneAuthenticator = (registrar != null) ? registrar.authenticator() : null;
	}

	/**
	 * Starts the stack; see {@link SipServer#start}.
	 * @param registrar answers REGISTER, or null to refuse it (405)
	 */
	public static JainSipServer start(SipConfig config, CallRouter router, Registrar registrar) {
		JainStacks.Stack stack;
		try {
			stack = JainStacks.start("tonal-sip", config.host(), config.advertisedAddress(), config.port(), 8);
		}
		catch (Exception ex) {
			throw new SipServerException("Cannot start SIP on " + config.host() + ":" + config.port()
					+ " (UDP and TCP): " + ex.getMessage() + ". Is another process using the port?", ex);
		}
		try {
			JainSipServer server = new JainSipServer(config.withPort(stack.port()), router, registrar, stack);
			stack.provider().addSipListener(server);
			server.mediaClock.start();
			log.info(() -> "SIP listening on " + config.host() + ":" + stack.port() + " (UDP, TCP)");
			return server;
		}
		catch (Exception ex) {
			stack.stop();
			throw new SipServerException("Cannot start SIP: " + ex.getMessage(), ex);
		}
	}

	@Override
	public int port() {
		return this.stack.port();
	}

	@Override
	public SipConfig config() {
		return this.config;
	}

	@Override
	public int activeCalls() {
		return this.calls.size();
	}

	@Override
	public Dialer dialer() {
		return (request, listener) -> JainOutboundLeg.dial(this, request, listener);
	}

	@Override
	public void close() {
		// Callers hear the call end instead of silence: BYE (or 503 while ringing). The
		// stack
		// sends them at once; their retransmissions and replies die with it.
		for (JainSipCall call : List.copyOf(this.calls.values())) {
			call.hangUp(CallEndReason.SERVER_STOPPED, Response.SERVICE_UNAVAILABLE);
		}
		for (JainOutboundLeg leg : List.copyOf(this.legs.values())) {
			leg.hangUp();
		}
		this.stack.provider().removeSipListener(this);
		this.stack.stop();
		this.mediaClock.close();
	}

	JainStacks.Stack stack() {
		return this.stack;
	}

	MediaClock mediaClock() {
		return this.mediaClock;
	}

	RtpPortAllocator rtpPorts() {
		return this.rtpPorts;
	}

	CallRouter router() {
		return this.router;
	}

	void forget(JainSipCall call) {
		this.calls.remove(call.callId(), call);
	}

	void addLeg(String callId, JainOutboundLeg leg) {
		this.legs.put(callId, leg);
	}

	void forgetLeg(String callId, JainOutboundLeg leg) {
		this.legs.remove(callId, leg);
	}

	// ---- incoming requests

	@Override
	public void processRequest(RequestEvent event) {
		Request request = event.getRequest();
		try {
			switch (request.getMethod()) {
				case Request.INVITE -> onInvite(event);
				case Request.ACK -> findCall(request).ifPresent((call) -> call.onAck(request));
				case Request.CANCEL -> onCancel(event);
				case Request.BYE -> inCall(event, JainSipCall::onBye);
				case Request.INFO -> inCall(event, JainSipCall::onInfo);
				case Request.OPTIONS -> onOptions(event);
				case Request.REGISTER -> onRegister(event);
				default -> respond(event, KNOWN_METHODS.contains(request.getMethod()) ? Response.METHOD_NOT_ALLOWED
						: Response.NOT_IMPLEMENTED);
			}
		}
		catch (Exception ex) {
			failures.warn("could not handle " + request.getMethod() + " " + callId(request), ex);
		}
	}

	private void onInvite(RequestEvent event) throws Exception {
		Request request = event.getRequest();
		ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
		if (to.getTag() != null) {
			inCall(event, JainSipCall::onReInvite);
			return;
		}
		ServerTransaction transaction = serverTransaction(event);
		if (transaction == null) {
			return;
		}
		transaction.sendResponse(this.messageFactory.createResponse(Response.TRYING, request));
		if (this.phoneAuthenticator != null && fromPhone(request)) {
			// Checking credentials reads the database: not on the stack's thread.
			Thread.ofVirtual().name("invite-auth").start(() -> authenticateThenStart(transaction, request));
			return;
		}
		startCall(transaction, request, callerInfo(request));
	}

	private void startCall(ServerTransaction transaction, Request request, CallerInfo caller) {
		JainSipCall call = new JainSipCall(this, transaction, request, requestUriUser(request), caller);
		this.calls.put(call.callId(), call);
		call.route();
	}

	/**
	 * Whether an INVITE claims to come from a phone extension: it carries credentials, or
	 * its From user is a full extension name ({@code prefix*name}), which only phones
	 * registered with us use. Such calls must prove it (407) before they may dial bare
	 * names of their client (rule 1).
	 */
	private static boolean fromPhone(Request request) {
		if (RegistrarHandler.credentials(request) != null) {
			return true;
		}
		FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
		return from.getAddress().getURI() instanceof SipURI uri && uri.getUser() != null && uri.getUser().contains("*");
	}

	private void authenticateThenStart(ServerTransaction transaction, Request request) {
		try {
			var result = this.phoneAuthenticator.authenticate(RegistrarHandler.credentials(request), Request.INVITE,
					null, RegistrarHandler.source(request).getAddress());
			switch (result) {
				case DigestAuthenticator.Result.Accepted accepted ->
					startCall(transaction, request, callerInfo(request).asPhone(accepted.account().name()));
				case DigestAuthenticator.Result.Challenge challenge -> {
					Response response = this.messageFactory.createResponse(Response.PROXY_AUTHENTICATION_REQUIRED,
							request);
					response.addHeader(this.headerFactory.createHeader("Proxy-Authenticate", challenge.header()));
					transaction.sendResponse(response);
				}
				case DigestAuthenticator.Result.Forbidden forbidden -> {
					Response response = this.messageFactory.createResponse(Response.FORBIDDEN, request);
					response.setReasonPhrase(forbidden.reason());
					transaction.sendResponse(response);
				}
			}
		}
		catch (Exception ex) {
			failures.warn("could not authenticate INVITE " + callId(request), ex);
		}
	}

	private void onCancel(RequestEvent event) throws Exception {
		ServerTransaction transaction = serverTransaction(event);
		if (transaction == null) {
			return;
		}
		var call = findCall(event.getRequest());
		if (call.isEmpty()) {
			transaction.sendResponse(this.messageFactory.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
					event.getRequest()));
			return;
		}
		call.get().onCancel(transaction);
	}

	private void onOptions(RequestEvent event) throws Exception {
		ServerTransaction transaction = serverTransaction(event);
		if (transaction == null) {
			return;
		}
		Response ok = this.messageFactory.createResponse(Response.OK, event.getRequest());
		addAllowAndAccept(ok);
		transaction.sendResponse(ok);
	}

	private void onRegister(RequestEvent event) throws Exception {
		if (this.registrar == null) {
			respond(event, Response.METHOD_NOT_ALLOWED);
			return;
		}
		ServerTransaction transaction = serverTransaction(event);
		if (transaction != null) {
			this.registrar.handle(transaction, event.getRequest());
		}
	}

	void addAllowAndAccept(Response response) throws Exception {
		for (String method : ALLOWED_METHODS) {
			AllowHeader allow = this.headerFactory.createAllowHeader(method);
			response.addHeader(allow);
		}
		response.addHeader(this.headerFactory.createAcceptHeader("application", "sdp"));
	}

	/** A request inside a dialog: BYE, INFO, re-INVITE. Unknown calls get 481. */
	private void inCall(RequestEvent event, InCallHandler handler) throws Exception {
		ServerTransaction transaction = serverTransaction(event);
		if (transaction == null) {
			return;
		}
		var call = findCall(event.getRequest());
		if (call.isEmpty()) {
			JainOutboundLeg leg = this.legs.get(callId(event.getRequest()));
			if (leg != null) {
				leg.onRequest(transaction, event.getRequest());
				return;
			}
			transaction.sendResponse(this.messageFactory.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
					event.getRequest()));
			return;
		}
		handler.handle(call.get(), transaction, event.getRequest());
	}

	@FunctionalInterface
	private interface InCallHandler {

		void handle(JainSipCall call, ServerTransaction transaction, Request request) throws Exception;

	}

	private void respond(RequestEvent event, int status) throws Exception {
		Response response = this.messageFactory.createResponse(status, event.getRequest());
		if (status == Response.METHOD_NOT_ALLOWED) {
			addAllowAndAccept(response);
		}
		ServerTransaction transaction;
		try {
			transaction = serverTransaction(event);
		}
		catch (TransactionUnavailableException ex) {
			// The stack refuses a transaction for a request it finds incomplete (PUBLISH
			// or SUBSCRIBE without Event): answer it statelessly all the same.
			this.stack.provider().sendResponse(response);
			return;
		}
		if (transaction != null) {
			transaction.sendResponse(response);
		}
	}

	/**
	 * The request's server transaction, or null for a retransmission the stack already
	 * handles.
	 */
	private ServerTransaction serverTransaction(RequestEvent event) throws SipException {
		if (event.getServerTransaction() != null) {
			return event.getServerTransaction();
		}
		try {
			return this.stack.provider().getNewServerTransaction(event.getRequest());
		}
		catch (TransactionAlreadyExistsException ex) {
			return null;
		}
	}

	private java.util.Optional<JainSipCall> findCall(Request request) {
		return java.util.Optional.ofNullable(this.calls.get(callId(request)));
	}

	private static String callId(Request request) {
		var header = (javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME);
		return (header != null) ? header.getCallId() : "?";
	}

	private static String requestUriUser(Request request) {
		if (request.getRequestURI() instanceof SipURI uri && uri.getUser() != null) {
			return uri.getUser();
		}
		if (request.getRequestURI() instanceof javax.sip.address.TelURL tel) {
			return tel.getPhoneNumber();
		}
		return "";
	}

	private static CallerInfo callerInfo(Request request) {
		FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
		String number = "";
		if (from.getAddress().getURI() instanceof SipURI uri && uri.getUser() != null) {
			number = uri.getUser();
		}
		else if (from.getAddress().getURI() instanceof javax.sip.address.TelURL tel) {
			number = tel.getPhoneNumber();
		}
		String name = (from.getAddress().getDisplayName() != null) ? from.getAddress().getDisplayName() : "";
		ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
		String transport = via.getTransport().toLowerCase(java.util.Locale.ROOT);
		InetSocketAddress source = null;
		if (request instanceof SIPRequest sipRequest && sipRequest.getRemoteAddress() != null) {
			source = new InetSocketAddress(sipRequest.getRemoteAddress(), sipRequest.getRemotePort());
		}
		return new CallerInfo(number, name, callId(request), transport, source);
	}

	// ---- other stack events

	@Override
	public void processResponse(ResponseEvent event) {
		if (event.getClientTransaction() != null
				&& event.getClientTransaction().getApplicationData() instanceof JainOutboundLeg leg) {
			leg.onResponse(event);
			return;
		}
		// Otherwise only our BYEs and CANCELs get responses; nothing waits for them.
		log.fine(() -> "response " + event.getResponse().getStatusCode() + " to our "
				+ ((javax.sip.header.CSeqHeader) event.getResponse().getHeader("CSeq")).getMethod());
	}

	@Override
	public void processTimeout(TimeoutEvent event) {
		if (!event.isServerTransaction()
				&& event.getClientTransaction().getApplicationData() instanceof JainOutboundLeg leg) {
			leg.onTimeout();
			return;
		}
		log.fine(() -> "transaction timeout: " + (event.isServerTransaction() ? "server" : "client"));
	}

	@Override
	public void processIOException(IOExceptionEvent event) {
		log.fine(() -> "I/O error towards " + event.getHost() + ":" + event.getPort() + "/" + event.getTransport());
	}

	@Override
	public void processTransactionTerminated(TransactionTerminatedEvent event) {
	}

	@Override
	public void processDialogTerminated(DialogTerminatedEvent event) {
		var dialog = event.getDialog();
		if (dialog != null && dialog.getCallId() != null) {
			JainSipCall call = this.calls.get(dialog.getCallId().getCallId());
			if (call != null) {
				call.onDialogTerminated();
			}
		}
	}

	@Override
	public void processDialogTimeout(DialogTimeoutEvent event) {
		var dialog = event.getDialog();
		if (dialog != null && dialog.getCallId() != null) {
			JainSipCall call = this.calls.get(dialog.getCallId().getCallId());
			if (call != null) {
				call.onAckTimeout();
			}
		}
	}

}
