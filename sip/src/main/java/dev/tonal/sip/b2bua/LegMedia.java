package dev.tonal.sip.b2bua;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tonal.media.codec.G711;
import dev.tonal.media.rtp.MalformedRtpException;
import dev.tonal.media.rtp.RtpPacket;
import dev.tonal.media.rtp.RtpSender;
import dev.tonal.sip.rtp.RtpSocket;
import dev.tonal.sip.sdp.MediaLine;
import dev.tonal.sip.sdp.SdpAnswer;
import dev.tonal.sip.sdp.SdpOffer;

/**
 * An outbound leg's RTP: the socket our offer named and, once the callee answered, what
 * it chose. Everything it sends is relayed from the caller ({@link BridgeEnd}); a virtual
 * thread reads what the callee sends.
 */
public final class LegMedia implements BridgeEnd {

	private static final Logger log = Logger.getLogger(LegMedia.class.getName());

	/** Telephone-event payload type in our offers. */
	static final int OFFERED_EVENT_TYPE = 101;

	private final RtpSocket socket;

	private final RtpSender sender = RtpSender.withRandomStart(ThreadLocalRandom.current());

	private volatile Consumer<RtpPacket> sink;

	private volatile Negotiated negotiated;

	private record Negotiated(InetSocketAddress remote, G711.Law law, int audioType, OptionalInt eventType) {
	}

	/** Wraps the leg's RTP socket (closed by {@link #close()}). */
	public LegMedia(RtpSocket socket) {
		this.socket = socket;
	}

	/** The local RTP socket, named in our offer. */
	public RtpSocket socket() {
		return this.socket;
	}

	/**
	 * Our SDP offer: G.711 (the preferred law first) and telephone-event.
	 * @param address our advertised RTP address
	 */
	public String offer(String address, G711.Law preferred) {
		G711.Law other = (preferred == G711.Law.ULAW) ? G711.Law.ALAW : G711.Law.ULAW;
		String ip = address.contains(":") ? "IP6" : "IP4";
		long session = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
		return "v=0\r\n" + "o=tonal " + session + " 1 IN " + ip + " " + address + "\r\n" + "s=Tonal\r\n" + "c=IN " + ip
				+ " " + address + "\r\n" + "t=0 0\r\n" + "m=audio " + this.socket.port() + " RTP/AVP "
				+ preferred.payloadType() + " " + other.payloadType() + " " + OFFERED_EVENT_TYPE + "\r\n" + "a=rtpmap:"
				+ preferred.payloadType() + " " + preferred.encodingName() + "/8000\r\n" + "a=rtpmap:"
				+ other.payloadType() + " " + other.encodingName() + "/8000\r\n" + "a=rtpmap:" + OFFERED_EVENT_TYPE
				+ " telephone-event/8000\r\n" + "a=fmtp:" + OFFERED_EVENT_TYPE + " 0-15\r\n" + "a=ptime:20\r\n"
				+ "a=sendrecv\r\n";
	}

	/**
	 * Takes the callee's SDP answer and starts receiving.
	 * @return false when the answer holds no G.711 audio we can use
	 */
	public boolean accept(String sdpAnswer) {
		Optional<MediaLine> audio;
		Optional<SdpAnswer> choice;
		try {
			SdpOffer parsed = SdpOffer.parse(sdpAnswer);
			audio = parsed.firstAudio();
			// The callee's answer lists what it chose; reading it as an offer picks the
			// same codec and telephone-event type.
			choice = SdpAnswer.negotiate(parsed, "0.0.0.0", 0, 0);
		}
		catch (RuntimeException ex) {
			return false;
		}
		if (audio.isEmpty() || choice.isEmpty()) {
			return false;
		}
		this.negotiated = new Negotiated(audio.get().rtpAddress(), choice.get().codec(), choice.get().payloadType(),
				choice.get().telephoneEvent());
		Thread.ofVirtual().name("leg-rtp-in-" + this.socket.port()).start(this::receive);
		return true;
	}

	@Override
	public G711.Law law() {
		return this.negotiated.law();
	}

	@Override
	public int audioPayloadType() {
		return this.negotiated.audioType();
	}

	@Override
	public OptionalInt eventPayloadType() {
		return this.negotiated.eventType();
	}

	@Override
	public void relayReceivedTo(Consumer<RtpPacket> sink) {
		this.sink = sink;
	}

	@Override
	public void sendRelayed(RtpPacket packet, int payloadType) {
		Negotiated current = this.negotiated;
		if (current == null) {
			return;
		}
		RtpPacket rewritten;
		synchronized (this.sender) {
			rewritten = this.sender.relay(packet, payloadType);
		}
		try {
			this.socket.channel().send(ByteBuffer.wrap(rewritten.toBytes()), current.remote());
		}
		catch (IOException ex) {
			log.log(Level.FINE, "RTP send to " + current.remote() + " failed", ex);
		}
	}

	/** Closes the socket; the receiving thread ends. */
	public void close() {
		this.sink = null;
		this.socket.close();
	}

	private void receive() {
		ByteBuffer buffer = ByteBuffer.allocate(2048);
		while (!this.socket.isClosed()) {
			try {
				buffer.clear();
				this.socket.channel().receive(buffer);
				buffer.flip();
				RtpPacket packet = RtpPacket.parse(buffer.array(), 0, buffer.limit());
				Consumer<RtpPacket> current = this.sink;
				if (current != null) {
					current.accept(packet);
				}
			}
			catch (ClosedChannelException ex) {
				return;
			}
			catch (IOException ex) {
				log.log(Level.FINE, "RTP receive failed", ex);
			}
			catch (MalformedRtpException ex) {
				// not RTP (e.g. RTCP on the wrong port): ignore
			}
		}
	}

}
