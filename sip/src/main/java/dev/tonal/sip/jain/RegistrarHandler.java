package dev.tonal.sip.jain;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Logger;

import dev.tonal.sip.registrar.Binding;
import dev.tonal.sip.registrar.DigestCredentials;
import dev.tonal.sip.registrar.RegisterOutcome;
import dev.tonal.sip.registrar.RegisterRequest;
import dev.tonal.sip.registrar.Registrar;
import gov.nist.javax.sip.message.SIPRequest;

import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Turns a REGISTER into a {@link RegisterRequest} for the {@link Registrar} and its
 * outcome back into a SIP response. Runs on a virtual thread: the registrar reads and
 * writes the database.
 */
final class RegistrarHandler {

	private static final Logger log = Logger.getLogger(RegistrarHandler.class.getName());

	/** A peer can make answering fail with every REGISTER: one line, rate-limited. */
	private static final RateLimitedWarnings failures = RateLimitedWarnings.of(log);

	private final JainSipServer server;

	private final Registrar registrar;

	RegistrarHandler(JainSipServer server, Registrar registrar) {
		this.server = server;
		this.registrar = registrar;
	}

	void handle(ServerTransaction transaction, Request request) {
		Thread.ofVirtual().name("register").start(() -> {
			try {
				transaction.sendResponse(respond(request));
			}
			catch (Exception ex) {
				failures.warn("could not answer REGISTER", ex);
			}
		});
	}

	private Response respond(Request request) throws Exception {
		RegisterRequest register;
		try {
			register = parse(request);
		}
		catch (IllegalArgumentException ex) {
			return this.server.messageFactory.createResponse(Response.BAD_REQUEST, request);
		}
		RegisterOutcome outcome = this.registrar.register(register);
		return switch (outcome) {
			case RegisterOutcome.Registered ok -> registered(request, ok);
			case RegisterOutcome.Unauthorized challenge -> {
				Response response = this.server.messageFactory.createResponse(Response.UNAUTHORIZED, request);
				response
					.addHeader(this.server.headerFactory.createHeader("WWW-Authenticate", challenge.wwwAuthenticate()));
				yield response;
			}
			case RegisterOutcome.IntervalTooBrief brief -> {
				Response response = this.server.messageFactory.createResponse(Response.INTERVAL_TOO_BRIEF, request);
				response.addHeader(this.server.headerFactory.createMinExpiresHeader(brief.minExpires()));
				yield response;
			}
			case RegisterOutcome.Rejected rejected -> {
				Response response = this.server.messageFactory.createResponse(rejected.status(), request);
				response.setReasonPhrase(rejected.reason());
				yield response;
			}
		};
	}

	private Response registered(Request request, RegisterOutcome.Registered ok) throws Exception {
		Response response = this.server.messageFactory.createResponse(Response.OK, request);
		for (Binding binding : ok.bindings()) {
			ContactHeader contact = this.server.headerFactory
				.createContactHeader(this.server.addressFactory.createAddress(binding.contact()));
			contact.setExpires((int) binding.secondsLeft(ok.now()));
			response.addHeader(contact);
		}
		response.addHeader(this.server.headerFactory.createDateHeader(java.util.Calendar.getInstance()));
		return response;
	}

	private static RegisterRequest parse(Request request) {
		ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
		if (!(to.getAddress().getURI() instanceof SipURI toUri) || toUri.getUser() == null) {
			throw new IllegalArgumentException("To has no user");
		}
		List<RegisterRequest.Contact> contacts = new ArrayList<>();
		boolean wildcard = false;
		for (Iterator<?> it = request.getHeaders(ContactHeader.NAME); it.hasNext();) {
			ContactHeader contact = (ContactHeader) it.next();
			if (contact.isWildCard()) {
				wildcard = true;
			}
			else {
				contacts
					.add(new RegisterRequest.Contact(contact.getAddress().getURI().toString(), contact.getExpires()));
			}
		}
		ExpiresHeader expires = request.getExpires();
		UserAgentHeader userAgent = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
		return new RegisterRequest(toUri.getUser(), credentials(request), contacts, wildcard,
				(expires != null) ? expires.getExpires() : -1,
				((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
				((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber(), source(request),
				(userAgent != null) ? userAgentText(userAgent) : "");
	}

	/**
	 * The digest credentials of an Authorization (or, for INVITE, Proxy-Authorization)
	 * header, or null when there is none.
	 */
	static DigestCredentials credentials(Request request) {
		AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
		if (auth == null) {
			auth = (AuthorizationHeader) request.getHeader(javax.sip.header.ProxyAuthorizationHeader.NAME);
		}
		if (auth == null || !"Digest".equalsIgnoreCase(auth.getScheme())) {
			return null;
		}
		// The raw uri and nc strings: the digest covers them exactly as the phone wrote
		// them, which a parsed-and-reprinted URI need not match.
		return new DigestCredentials(auth.getUsername(), auth.getRealm(), auth.getNonce(), auth.getParameter("uri"),
				auth.getResponse(), auth.getQop(), auth.getParameter("nc"), auth.getCNonce());
	}

	static InetSocketAddress source(Request request) {
		SIPRequest sipRequest = (SIPRequest) request;
		return new InetSocketAddress(sipRequest.getRemoteAddress(), sipRequest.getRemotePort());
	}

	private static String userAgentText(UserAgentHeader header) {
		String encoded = header.toString();
		return encoded.substring(encoded.indexOf(':') + 1).trim();
	}

}
