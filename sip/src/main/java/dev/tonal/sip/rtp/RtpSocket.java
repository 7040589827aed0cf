package dev.tonal.sip.rtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;

/**
 * A call's RTP socket: a UDP channel bound to an even port of the configured range. The
 * media code sends and receives RTP through {@link #channel()}; the call closes it when
 * it ends.
 */
public final class RtpSocket implements AutoCloseable {

	private final DatagramChannel channel;

	private final InetSocketAddress localAddress;

	RtpSocket(DatagramChannel channel) throws IOException {
		this.channel = channel;
		this.localAddress = (InetSocketAddress) channel.getLocalAddress();
	}

	/** The bound UDP channel (blocking mode; switch it if you need to). */
	public DatagramChannel channel() {
		return this.channel;
	}

	/** The address and port the socket is bound to. */
	public InetSocketAddress localAddress() {
		return this.localAddress;
	}

	/** The bound port. */
	public int port() {
		return this.localAddress.getPort();
	}

	/** Whether {@link #close()} has been called. */
	public boolean isClosed() {
		return !this.channel.isOpen();
	}

	@Override
	public void close() {
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
