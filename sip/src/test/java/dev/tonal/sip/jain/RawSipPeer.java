package dev.tonal.sip.jain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP peer on raw sockets: sends any bytes, well-formed or not, to the server over UDP
 * or TCP and reads back what (if anything) the server answers.
 */
final class RawSipPeer implements AutoCloseable {

	/** How long a request may go unanswered before the test takes it as dropped. */
	static final Duration DROP_WAIT = Duration.ofMillis(600);

	private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)");

	private final int serverPort;

	private final DatagramSocket udp;

	/**
	 * A peer with a UDP socket of its own; make one per exchange so stray answers to
	 * earlier requests cannot mix in.
	 */
	RawSipPeer(int serverPort) throws IOException {
		this.serverPort = serverPort;
		this.udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
	}

	int udpPort() {
		return this.udp.getLocalPort();
	}

	/** Sends one datagram without waiting for anything. */
	void sendUdp(byte[] message) throws IOException {
		this.udp.send(new DatagramPacket(message, message.length, new InetSocketAddress("127.0.0.1", this.serverPort)));
	}

	/**
	 * Sends a datagram and returns the first response that carries {@code marker} (the
	 * request's branch or Call-ID: older retransmitted answers are skipped), or empty
	 * when none comes within {@code wait}.
	 */
	Optional<String> udpExchange(byte[] message, String marker, Duration wait) throws IOException {
		sendUdp(message);
		return awaitUdp(marker, wait);
	}

	Optional<String> awaitUdp(String marker, Duration wait) throws IOException {
		long deadline = System.nanoTime() + wait.toNanos();
		byte[] buffer = new byte[70_000];
		while (true) {
			long left = (deadline - System.nanoTime()) / 1_000_000;
			if (left <= 0) {
				return Optional.empty();
			}
			this.udp.setSoTimeout((int) left);
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				this.udp.receive(packet);
			}
			catch (SocketTimeoutException ex) {
				return Optional.empty();
			}
			String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
			if (isFinalResponse(text) && text.contains(marker)) {
				return Optional.of(text);
			}
		}
	}

	/** A TCP connection to the server. */
	Tcp tcp() throws IOException {
		return new Tcp(new Socket("127.0.0.1", this.serverPort));
	}

	/** Whether a message is a final response (provisional ones are skipped). */
	static boolean isFinalResponse(String text) {
		return text.startsWith("SIP/2.0 ") && text.length() > 11 && text.charAt(8) != '1';
	}

	/** The status code of a response. */
	static int status(String response) {
		return Integer.parseInt(response.substring(8, 11));
	}

	@Override
	public void close() {
		this.udp.close();
	}

	/** One TCP connection; responses are read message by message. */
	static final class Tcp implements AutoCloseable {

		private final Socket socket;

		private final InputStream in;

		private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

		Tcp(Socket socket) throws IOException {
			this.socket = socket;
			this.socket.setTcpNoDelay(true);
			this.in = socket.getInputStream();
		}

		int localPort() {
			return this.socket.getLocalPort();
		}

		void send(byte[] bytes) throws IOException {
			this.socket.getOutputStream().write(bytes);
			this.socket.getOutputStream().flush();
		}

		/** Sends {@code bytes} in {@code pieces} segments, {@code gap} apart. */
		void sendInPieces(byte[] bytes, int pieces, Duration gap) throws IOException, InterruptedException {
			int size = (bytes.length + pieces - 1) / pieces;
			for (int from = 0; from < bytes.length; from += size) {
				this.socket.getOutputStream().write(bytes, from, Math.min(size, bytes.length - from));
				this.socket.getOutputStream().flush();
				Thread.sleep(gap);
			}
		}

		/**
		 * The next response carrying {@code marker}, or empty when none comes within
		 * {@code wait} or the server closes the connection.
		 */
		Optional<String> await(String marker, Duration wait) throws IOException {
			long deadline = System.nanoTime() + wait.toNanos();
			while (true) {
				Optional<String> message = nextMessage();
				if (message.isPresent()) {
					if (isFinalResponse(message.get()) && message.get().contains(marker)) {
						return message;
					}
					continue;
				}
				long left = (deadline - System.nanoTime()) / 1_000_000;
				if (left <= 0) {
					return Optional.empty();
				}
				this.socket.setSoTimeout((int) left);
				byte[] chunk = new byte[8192];
				int read;
				try {
					read = this.in.read(chunk);
				}
				catch (SocketTimeoutException ex) {
					return Optional.empty();
				}
				catch (IOException ex) {
					return Optional.empty(); // reset by the server
				}
				if (read < 0) {
					return Optional.empty();
				}
				this.pending.write(chunk, 0, read);
			}
		}

		/** Whether the server has closed this connection (waits at most {@code wait}). */
		boolean closedByServer(Duration wait) throws IOException {
			this.socket.setSoTimeout((int) wait.toMillis());
			try {
				byte[] chunk = new byte[8192];
				while (true) {
					int read = this.in.read(chunk);
					if (read < 0) {
						return true;
					}
				}
			}
			catch (SocketTimeoutException ex) {
				return false;
			}
			catch (IOException ex) {
				return true;
			}
		}

		private Optional<String> nextMessage() {
			String text = this.pending.toString(StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				return Optional.empty();
			}
			Matcher length = CONTENT_LENGTH.matcher(text.substring(0, end));
			int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
			int total = end + 4 + bodyLength;
			if (text.length() < total) {
				return Optional.empty();
			}
			String message = text.substring(0, total);
			byte[] rest = text.substring(total).getBytes(StandardCharsets.UTF_8);
			this.pending.reset();
			this.pending.writeBytes(rest);
			return Optional.of(message);
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	/** Messages of a list joined, for a TCP pipeline. */
	static byte[] joined(List<RawRequest> requests) {
		List<byte[]> parts = new ArrayList<>();
		int size = 0;
		for (RawRequest r : requests) {
			byte[] b = r.bytes();
			parts.add(b);
			size += b.length;
		}
		byte[] all = new byte[size];
		int at = 0;
		for (byte[] b : parts) {
			System.arraycopy(b, 0, all, at, b.length);
			at += b.length;
		}
		return all;
	}

}
