package dev.tonal.sip.jain;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.EventObject;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;

import javax.sip.ListeningPoint;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;

/**
 * Creates JAIN-SIP stacks the way Tonal needs them: our JUL logger instead of log4j, a
 * reentrant listener on a thread pool, and one provider listening on UDP and TCP on the
 * same port. Used by the server and by the test phone.
 */
public final class JainStacks {

	private static final AtomicInteger counter = new AtomicInteger();

	private JainStacks() {
	}

	/** A stack together with its single UDP+TCP provider. */
	public record Stack(SipStack sipStack, SipProvider provider, int port) {

		/** Stops the stack and all its threads. */
		public void stop() {
			EventScanner scanner = ((SipStackImpl) this.sipStack).getEventScanner();
			this.sipStack.stop();
			if (scanner != null) {
				// stop() only flags the (non-daemon) event scanner thread, which stays
				// blocked
				// waiting for an event and keeps the JVM alive; one empty event wakes it
				// to exit.
				scanner.addEvent(new EventWrapper(new EventObject(this.provider), null));
			}
		}

	}

	/**
	 * Creates and starts a stack listening on {@code host:port} over UDP and TCP.
	 * @param namePrefix prefix of the stack name (stack names must be unique in a JVM)
	 * @param port the port, or 0 for a free one
	 * @param threads how many threads handle incoming messages
	 */
	public static Stack start(String namePrefix, String host, int port, int threads) throws Exception {
		return start(namePrefix, host, host, port, threads);
	}

	/**
	 * Creates and starts a stack listening on {@code host:port} over UDP and TCP whose
	 * Via headers name {@code advertisedHost} (needed when {@code host} is a wildcard
	 * address).
	 */
	public static Stack start(String namePrefix, String host, String advertisedHost, int port, int threads)
			throws Exception {
		// Started from a thread of StackThreadGroup, every thread of the stack inherits
		// the group and with it one-line logging of what kills them.
		var result = new java.util.concurrent.CompletableFuture<Stack>();
		Thread starter = new Thread(StackThreadGroup.INSTANCE, () -> {
			try {
				result.complete(startHere(namePrefix, host, advertisedHost, port, threads));
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		}, namePrefix + "-start");
		starter.start();
		try {
			return result.get();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			if (ex.getCause() instanceof Exception cause) {
				throw cause;
			}
			throw (Error) ex.getCause();
		}
	}

	private static Stack startHere(String namePrefix, String host, String advertisedHost, int port, int threads)
			throws Exception {
		int boundPort = (port != 0) ? port : freeUdpAndTcpPort(host);
		SipStack sipStack = SipFactory.getInstance().createSipStack(properties(namePrefix, threads));
		try {
			ListeningPoint udp = sipStack.createListeningPoint(host, boundPort, ListeningPoint.UDP);
			ListeningPoint tcp = sipStack.createListeningPoint(host, boundPort, ListeningPoint.TCP);
			if (!advertisedHost.equals(host)) {
				udp.setSentBy(advertisedHost + ":" + boundPort);
				tcp.setSentBy(advertisedHost + ":" + boundPort);
			}
			SipProvider provider = sipStack.createSipProvider(udp);
			provider.addListeningPoint(tcp);
			sipStack.start();
			return new Stack(sipStack, provider, boundPort);
		}
		catch (Exception | Error ex) {
			// A half-built stack keeps non-daemon threads alive: stop it before giving
			// up.
			sipStack.stop();
			throw ex;
		}
	}

	private static Properties properties(String namePrefix, int threads) throws PeerUnavailableException {
		SipFactory.getInstance().setPathName("gov.nist");
		Properties p = new Properties();
		p.setProperty("javax.sip.STACK_NAME", namePrefix + "-" + counter.incrementAndGet());
		p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
		p.setProperty("gov.nist.javax.sip.STACK_LOGGER", JulStackLogger.class.getName());
		p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JulStackLogger.class.getName());
		// Callbacks run concurrently on a pool; our handlers only hand work to per-call
		// executors.
		p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
		p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(threads));
		p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
		return p;
	}

	/** A port free for both UDP and TCP on {@code host} right now. */
	static int freeUdpAndTcpPort(String host) throws IOException {
		IOException last = null;
		for (int attempt = 0; attempt < 50; attempt++) {
			try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(host, 0));
					ServerSocket tcp = new ServerSocket()) {
				tcp.bind(new InetSocketAddress(host, udp.getLocalPort()));
				return udp.getLocalPort();
			}
			catch (IOException ex) {
				last = ex;
			}
		}
		throw new IOException("no port free for both UDP and TCP on " + host, last);
	}

}
