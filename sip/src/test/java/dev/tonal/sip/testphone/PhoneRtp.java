package dev.tonal.sip.testphone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.tonal.media.codec.G711;
import dev.tonal.media.dtmf.TelephoneEventEncoder;
import dev.tonal.media.rtp.MalformedRtpException;
import dev.tonal.media.rtp.RtpPacket;

/**
 * The test phone's RTP: a loopback UDP socket that keeps every RTP packet it receives
 * (what the caller "hears") and sends key presses as RFC 4733 events. Put {@link #port()}
 * in the offer.
 */
public final class PhoneRtp implements AutoCloseable {

	private final DatagramChannel channel;

	private final BlockingQueue<RtpPacket> received = new LinkedBlockingQueue<>();

	private final long ssrc = 0x1234_5678L;

	private int sequence = 1;

	private long timestamp = 160_000;

	private PhoneRtp(DatagramChannel channel) {
		this.channel = channel;
		Thread.ofVirtual().name("phone-rtp-" + port()).start(this::receive);
	}

	/** Opens a socket on a free loopback port. */
	public static PhoneRtp open() {
		try {
			return new PhoneRtp(DatagramChannel.open().bind(new InetSocketAddress(TestPhone.HOST, 0)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The local RTP port. */
	public int port() {
		try {
			return ((InetSocketAddress) this.channel.getLocalAddress()).getPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until {@code count} packets have arrived (in total) and returns them in
	 * arrival order.
	 */
	public List<RtpPacket> awaitPackets(int count) {
		List<RtpPacket> packets = new ArrayList<>();
		long deadline = System.nanoTime() + TestPhone.TIMEOUT.toNanos();
		try {
			while (packets.size() < count) {
				RtpPacket packet = this.received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				if (packet == null) {
					throw new AssertionError(
							"received " + packets.size() + " of " + count + " RTP packets within " + TestPhone.TIMEOUT);
				}
				packets.add(packet);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted waiting for RTP");
		}
		return packets;
	}

	/**
	 * Takes every packet that has arrived and not been taken yet, without waiting.
	 */
	public List<RtpPacket> drain() {
		List<RtpPacket> packets = new ArrayList<>();
		this.received.drainTo(packets);
		return packets;
	}

	/** Sends one key press (100 ms) as RFC 4733 telephone-event packets. */
	public void sendKey(char key, int payloadType, InetSocketAddress to) {
		long eventTimestamp = this.timestamp;
		for (TelephoneEventEncoder.Frame frame : TelephoneEventEncoder.keyPress(key, 100)) {
			send(RtpPacket.of(frame.marker(), payloadType, this.sequence++, eventTimestamp, this.ssrc, frame.payload()),
					to);
		}
		this.timestamp += 800;
	}

	/** Sends audio as G.711, 20 ms per packet (not paced: the receiver does not care). */
	public void sendAudio(short[] samples, G711.Law law, InetSocketAddress to) {
		for (int offset = 0; offset + 160 <= samples.length; offset += 160) {
			send(RtpPacket.of(false, law.payloadType(), this.sequence++, this.timestamp, this.ssrc,
					G711.encode(law, samples, offset, 160)), to);
			this.timestamp += 160;
		}
	}

	private void send(RtpPacket packet, InetSocketAddress to) {
		try {
			this.channel.send(ByteBuffer.wrap(packet.toBytes()), to);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void receive() {
		ByteBuffer buffer = ByteBuffer.allocate(2048);
		while (this.channel.isOpen()) {
			try {
				buffer.clear();
				this.channel.receive(buffer);
				buffer.flip();
				this.received.add(RtpPacket.parse(buffer.array(), 0, buffer.limit()));
			}
			catch (ClosedChannelException ex) {
				return;
			}
			catch (IOException | MalformedRtpException ex) {
				// not RTP or a transient error: a test phone just ignores it
			}
		}
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
