package dev.tonal.sip.b2bua;

import java.util.OptionalInt;
import java.util.function.Consumer;

import dev.tonal.media.codec.G711;
import dev.tonal.media.rtp.RtpPacket;

/**
 * One side of an {@link RtpBridge}: the caller's call media or an outbound leg's. It
 * hands over what its peer sends and sends what the other side relays, as part of its own
 * outgoing stream (one SSRC, continuous sequence numbers and timestamps).
 */
public interface BridgeEnd {

	/** The G.711 law negotiated on this side. */
	G711.Law law();

	/** The payload type of that codec on this side. */
	int audioPayloadType();

	/** The telephone-event payload type on this side, if negotiated. */
	OptionalInt eventPayloadType();

	/**
	 * Where the packets this side's peer sends go from now on; {@code null} stops handing
	 * them over.
	 */
	void relayReceivedTo(Consumer<RtpPacket> sink);

	/**
	 * Sends a packet from the other side to this side's peer, rewritten into this side's
	 * stream.
	 * @param payloadType the payload type it carries on this side
	 */
	void sendRelayed(RtpPacket packet, int payloadType);

}
