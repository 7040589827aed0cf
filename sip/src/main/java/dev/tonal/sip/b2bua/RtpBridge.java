package dev.tonal.sip.b2bua;

import dev.tonal.media.codec.G711;
import dev.tonal.media.rtp.RtpPacket;

/**
 * Connects two {@link BridgeEnd}s so the parties hear each other: every packet is relayed
 * (each side rewrites SSRC, sequence numbers and timestamps into its own stream), audio
 * is transcoded between PCMU and PCMA when the sides negotiated different laws, and RFC
 * 4733 key presses are relayed with the other side's telephone-event payload type. Other
 * payloads (comfort noise, events towards a side without telephone-event) are dropped.
 */
public final class RtpBridge implements AutoCloseable {

	private final BridgeEnd a;

	private final BridgeEnd b;

	private RtpBridge(BridgeEnd a, BridgeEnd b) {
		this.a = a;
		this.b = b;
	}

	/** Starts relaying between {@code a} and {@code b} until {@link #close()}. */
	public static RtpBridge connect(BridgeEnd a, BridgeEnd b) {
		RtpBridge bridge = new RtpBridge(a, b);
		a.relayReceivedTo((packet) -> forward(packet, a, b));
		b.relayReceivedTo((packet) -> forward(packet, b, a));
		return bridge;
	}

	/** Stops relaying in both directions. */
	@Override
	public void close() {
		this.a.relayReceivedTo(null);
		this.b.relayReceivedTo(null);
	}

	static void forward(RtpPacket packet, BridgeEnd from, BridgeEnd to) {
		int type = packet.payloadType();
		if (type == from.audioPayloadType()) {
			to.sendRelayed(transcode(packet, from.law(), to.law()), to.audioPayloadType());
		}
		else if (from.eventPayloadType().isPresent() && type == from.eventPayloadType().getAsInt()
				&& to.eventPayloadType().isPresent()) {
			to.sendRelayed(packet, to.eventPayloadType().getAsInt());
		}
	}

	private static RtpPacket transcode(RtpPacket packet, G711.Law from, G711.Law to) {
		if (from == to) {
			return packet;
		}
		byte[] payload = packet.payload();
		short[] samples = G711.decode(from, payload, 0, payload.length);
		byte[] converted = G711.encode(to, samples, 0, samples.length);
		return new RtpPacket(packet.marker(), packet.payloadType(), packet.sequenceNumber(), packet.timestamp(),
				packet.ssrc(), packet.csrc(), null, converted, 0);
	}

}
