package dev.tonal.sip;

import dev.tonal.sip.b2bua.Dialer;
import dev.tonal.sip.jain.JainSipServer;
import dev.tonal.sip.registrar.Registrar;

/**
 * A running SIP server: listens on UDP and TCP, answers OPTIONS and turns each inbound
 * INVITE into a {@link SipCall} routed by a {@link CallRouter}. Close it to stop the
 * stack and its threads.
 */
public interface SipServer extends AutoCloseable {

	/**
	 * Starts a server.
	 * @param config where to listen
	 * @param router decides what each inbound call reaches
	 * @return the running server
	 * @throws SipServerException if the stack cannot start (e.g. the port is taken)
	 */
	static SipServer start(SipConfig config, CallRouter router) {
		return JainSipServer.start(config, router, null);
	}

	/**
	 * Starts a server that is also the registrar of phone extensions.
	 * @param registrar answers REGISTER requests
	 * @see #start(SipConfig, CallRouter)
	 */
	static SipServer start(SipConfig config, CallRouter router, Registrar registrar) {
		return JainSipServer.start(config, router, registrar);
	}

	/**
	 * The SIP port actually bound (UDP and TCP), useful when the configuration asked for
	 * 0.
	 */
	int port();

	/** The configuration the server runs with ({@code port} is the bound one). */
	SipConfig config();

	/**
	 * Places outbound legs (transfers to phones and through the trunk) from this server's
	 * address; their responses and the callees' requests arrive on this server's port.
	 */
	Dialer dialer();

	/** The number of calls that have not ended yet. */
	int activeCalls();

	/**
	 * Stops listening. Calls still up are hung up first (BYE, or 503 while ringing) and
	 * their listeners told {@link CallEndReason#SERVER_STOPPED}.
	 */
	@Override
	void close();

}
