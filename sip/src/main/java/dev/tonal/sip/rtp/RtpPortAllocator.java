package dev.tonal.sip.rtp;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out RTP sockets on even ports of a range (RFC 3550 §11: RTP even, RTCP the odd
 * port above). It keeps no table of its own: a port is free exactly when binding it
 * succeeds, so ports used by other processes, or by calls that ended, need no
 * bookkeeping. A rotating cursor spreads calls over the range so a just-released port is
 * not reused at once (late packets of the old call would reach the new one).
 */
public final class RtpPortAllocator {

	private final String host;

	private final int firstEven;

	private final int pairs;

	private final AtomicInteger cursor = new AtomicInteger();

	/**
	 * @param host the address to bind
	 * @param min lowest port of the range
	 * @param max highest port of the range
	 */
	public RtpPortAllocator(String host, int min, int max) {
		this.host = host;
		this.firstEven = (min % 2 == 0) ? min : min + 1;
		this.pairs = (max - this.firstEven + 1) / 2;
		if (this.pairs < 1) {
			throw new IllegalArgumentException("RTP port range " + min + ".." + max + " holds no even/odd port pair");
		}
	}

	/**
	 * Binds a socket on the next free even port.
	 * @throws NoRtpPortException when every port in the range is taken
	 */
	public RtpSocket allocate() {
		for (int attempt = 0; attempt < this.pairs; attempt++) {
			int port = this.firstEven + 2 * Math.floorMod(this.cursor.getAndIncrement(), this.pairs);
			DatagramChannel channel = null;
			try {
				channel = DatagramChannel.open();
				channel.bind(new InetSocketAddress(this.host, port));
				return new RtpSocket(channel);
			}
			catch (BindException ex) {
				closeQuietly(channel);
			}
			catch (IOException ex) {
				closeQuietly(channel);
				throw new NoRtpPortException("cannot open an RTP socket on " + this.host + ": " + ex.getMessage());
			}
		}
		throw new NoRtpPortException("all " + this.pairs + " RTP ports of the range starting at " + this.firstEven
				+ " on " + this.host + " are in use");
	}

	private static void closeQuietly(DatagramChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// nothing was bound, nothing to release
			}
		}
	}

	/** No RTP port could be bound; the message says why. */
	public static final class NoRtpPortException extends RuntimeException {

		NoRtpPortException(String message) {
			super(message);
		}

	}

}
