package dev.tonal.sip.testphone;

import dev.tonal.sip.jain.JainStacks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sip.ClientTransaction;
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
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A SIP phone for tests, on its own JAIN-SIP stack over loopback (UDP and TCP on one free
 * port). It places calls to a server ({@link #call}), pings it ({@link #options}) and
 * answers the server's in-dialog requests (BYE, INFO) with 200. Every wait is bounded by
 * {@link #TIMEOUT} and fails the test with an {@link AssertionError} when it runs out.
 *
 * <p>
 * Reused by the application's end-to-end tests through this module's test-jar.
 */
public final class TestPhone implements SipListener, AutoCloseable {

	/** How long any wait for the server may take before the test fails. */
	public static final Duration TIMEOUT = Duration.ofSeconds(10);

	static final String HOST = "127.0.0.1";

	private static final Logger log = Logger.getLogger(TestPhone.class.getName());

	private final JainStacks.Stack stack;

	final AddressFactory addresses;

	final HeaderFactory headers;

	final MessageFactory messages;

	private final Map<String, PhoneCall> calls = new ConcurrentHashMap<>();

	private TestPhone(JainStacks.Stack stack) throws Exception {
		this.stack = stack;
		SipFactory factory = SipFactory.getInstance();
		this.addresses = factory.createAddressFactory();
		this.headers = factory.createHeaderFactory();
		this.messages = factory.createMessageFactory();
	}

	/** Starts a phone on a free loopback port. */
	public static TestPhone start() {
		JainStacks.Stack stack = null;
		try {
			// One thread: responses reach the test in the order they arrived (100, 180,
			// 200).
			stack = JainStacks.start("test-phone", HOST, 0, 1);
			TestPhone phone = new TestPhone(stack);
			stack.provider().addSipListener(phone);
			return phone;
		}
		catch (Exception ex) {
			if (stack != null) {
				stack.stop();
			}
			throw new IllegalStateException("test phone could not start: " + ex.getMessage(), ex);
		}
	}

	/** The phone's own SIP port. */
	public int port() {
		return this.stack.port();
	}

	/**
	 * Sends an INVITE to {@code user@127.0.0.1:serverPort} with the given SDP offer; read
	 * the server's answers from the returned call.
	 * @param callerNumber the user part of our From URI
	 * @param extraHeaders more headers for the INVITE, as {@code "Name: value"}
	 */
	public PhoneCall call(String user, int serverPort, Transport transport, String callerNumber, String sdpOffer,
			String... extraHeaders) {
		try {
			Request invite = newRequest(Request.INVITE, user, serverPort, transport, callerNumber);
			for (String header : extraHeaders) {
				int colon = header.indexOf(':');
				invite.addHeader(this.headers.createHeader(header.substring(0, colon).trim(),
						header.substring(colon + 1).trim()));
			}
			if (!sdpOffer.isEmpty()) {
				invite.setContent(sdpOffer, this.headers.createContentTypeHeader("application", "sdp"));
			}
			PhoneCall call = new PhoneCall(this, transport);
			this.calls.put(callId(invite), call);
			call.sendInvite(invite);
			return call;
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not send INVITE: " + ex.getMessage(), ex);
		}
	}

	/** {@link #call} from caller {@code 100}. */
	public PhoneCall call(String user, int serverPort, Transport transport, String sdpOffer) {
		return call(user, serverPort, transport, "100", sdpOffer);
	}

	/** Sends OPTIONS outside any dialog and waits for the final reply. */
	public Reply options(int serverPort, Transport transport) {
		try {
			Request options = newRequest(Request.OPTIONS, "ping", serverPort, transport, "100");
			BlockingQueue<Reply> replies = send(options);
			return awaitFinal(replies, "OPTIONS");
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not send OPTIONS: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		this.stack.provider().removeSipListener(this);
		this.stack.stop();
	}

	// ---- message plumbing shared with PhoneCall

	private Request newRequest(String method, String user, int serverPort, Transport transport, String callerNumber)
			throws Exception {
		SipURI target = this.addresses.createSipURI(user, HOST);
		target.setPort(serverPort);
		SipURI requestUri = (SipURI) target.clone();
		requestUri.setTransportParam(transport.sipName());
		Address from = this.addresses.createAddress("Test Phone", this.addresses.createSipURI(callerNumber, HOST));
		ViaHeader via = this.headers.createViaHeader(HOST, port(), transport.sipName(), null);
		Request request = this.messages.createRequest(requestUri, method, this.stack.provider().getNewCallId(),
				this.headers.createCSeqHeader(1L, method),
				this.headers.createFromHeader(from, Long.toHexString(ThreadLocalRandom.current().nextLong())),
				this.headers.createToHeader(this.addresses.createAddress(target), null), List.of(via),
				this.headers.createMaxForwardsHeader(70));
		request.addHeader(contact(callerNumber, transport));
		return request;
	}

	javax.sip.header.ContactHeader contact(String user, Transport transport) throws Exception {
		SipURI uri = this.addresses.createSipURI(user, HOST);
		uri.setPort(port());
		uri.setTransportParam(transport.sipName());
		return this.headers.createContactHeader(this.addresses.createAddress(uri));
	}

	/**
	 * Sends a request in a new client transaction; its replies arrive on the returned
	 * queue.
	 */
	BlockingQueue<Reply> send(Request request) throws Exception {
		ClientTransaction transaction = newClientTransaction(request);
		BlockingQueue<Reply> replies = repliesOf(transaction);
		transaction.sendRequest();
		return replies;
	}

	ClientTransaction newClientTransaction(Request request) throws Exception {
		ClientTransaction transaction = this.stack.provider().getNewClientTransaction(request);
		transaction.setApplicationData(new LinkedBlockingQueue<Reply>());
		return transaction;
	}

	@SuppressWarnings("unchecked")
	static BlockingQueue<Reply> repliesOf(ClientTransaction transaction) {
		return (BlockingQueue<Reply>) transaction.getApplicationData();
	}

	static Reply await(BlockingQueue<Reply> replies, String what) {
		try {
			Reply reply = replies.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (reply == null) {
				throw new AssertionError("no reply to " + what + " within " + TIMEOUT);
			}
			return reply;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted waiting for a reply to " + what);
		}
	}

	static Reply awaitFinal(BlockingQueue<Reply> replies, String what) {
		Reply reply;
		do {
			reply = await(replies, what);
		}
		while (!reply.isFinal());
		return reply;
	}

	static String body(Message message) {
		byte[] raw = message.getRawContent();
		return (raw != null) ? new String(raw, StandardCharsets.UTF_8) : "";
	}

	private static Map<String, List<String>> headers(Message message) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (Iterator<String> names = message.getHeaderNames(); names.hasNext();) {
			String name = names.next();
			List<String> values = new ArrayList<>();
			for (Iterator<?> it = message.getHeaders(name); it.hasNext();) {
				String encoded = it.next().toString();
				values.add(encoded.substring(encoded.indexOf(':') + 1).trim());
			}
			headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values));
		}
		return Map.copyOf(headers);
	}

	private static String callId(Message message) {
		return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
	}

	// ---- stack callbacks

	@Override
	public void processResponse(ResponseEvent event) {
		ClientTransaction transaction = event.getClientTransaction();
		if (transaction == null || transaction.getApplicationData() == null) {
			return; // a retransmitted 2xx; the stack re-sends our ACK
		}
		Response response = event.getResponse();
		ContentTypeHeader type = (ContentTypeHeader) response.getHeader(ContentTypeHeader.NAME);
		String contentType = (type != null) ? type.getContentType() + "/" + type.getContentSubType() : "";
		repliesOf(transaction).add(new Reply(response.getStatusCode(), response.getReasonPhrase(), contentType,
				body(response), headers(response)));
	}

	@Override
	public void processRequest(RequestEvent event) {
		Request request = event.getRequest();
		if (request.getMethod().equals(Request.ACK)) {
			return;
		}
		try {
			ServerTransaction transaction = (event.getServerTransaction() != null) ? event.getServerTransaction()
					: this.stack.provider().getNewServerTransaction(request);
			boolean known = this.calls.containsKey(callId(request));
			int status = switch (request.getMethod()) {
				case Request.BYE, Request.INFO -> known ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST;
				case Request.OPTIONS -> Response.OK;
				default -> Response.NOT_IMPLEMENTED;
			};
			PhoneCall call = this.calls.get(callId(request));
			if (call != null && request.getMethod().equals(Request.BYE)) {
				// Received is what counts: a server that stops right after its BYE may be
				// gone
				// before our 200 can reach it.
				call.byeReceived();
			}
			transaction.sendResponse(this.messages.createResponse(status, request));
		}
		catch (Exception ex) {
			log.log(Level.FINE, "test phone could not answer " + request.getMethod(), ex);
		}
	}

	@Override
	public void processTimeout(TimeoutEvent event) {
		if (!event.isServerTransaction()) {
			ClientTransaction transaction = event.getClientTransaction();
			if (transaction.getApplicationData() != null) {
				repliesOf(transaction).add(Reply.local(408, "Timeout (no reply at all)"));
			}
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

}
