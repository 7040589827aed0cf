package dev.tonal.sip.rtp;

import java.net.InetSocketAddress;

import dev.tonal.media.rtp.RtpPacket;
import dev.tonal.sip.RemoteMedia;

/**
 * Where one call sends its RTP: symmetric RTP (RFC 4961 practice), so that callers behind
 * NAT hear us. Until the caller's RTP arrives we send to the address its SDP gives; once
 * it arrives we send to where it actually comes from.
 *
 * <p>
 * The rule, chosen so that a stray packet cannot hijack the stream:
 * <ul>
 * <li>The first packet of a negotiated payload type latches its source address and SSRC.
 * (SDP gives no SSRC to expect, so the first one is the expected one.) Other payload
 * types, e.g. comfort noise, are passed on but do not latch.</li>
 * <li>Once latched, packets from any other address are ignored (not played, not read for
 * keys, not relayed), unless they carry the latched SSRC: that is the caller's own stream
 * after its NAT binding changed, so we follow it. A third party would have to know the
 * SSRC, i.e. see the stream, to take it over.</li>
 * <li>A new SDP address (re-INVITE) forgets the latch: the caller moved, and its next
 * packet latches again. A change of direction only (hold, resume) keeps it.</li>
 * </ul>
 * The SDP's direction still decides whether we send at all (hold). Thread-safe: the
 * receive thread latches, the clock reads, the call's signalling follows re-INVITEs.
 */
final class SymmetricRtp {

	private final int audioPayloadType;

	private final int eventPayloadType;

	private volatile Where where = new Where(null, null, 0);

	/** The caller's SDP, and where its RTP was latched from (null before). */
	private record Where(RemoteMedia remote, InetSocketAddress latched, long ssrc) {

		InetSocketAddress target() {
			if (this.remote == null || !this.remote.wantsOurAudio()) {
				return null;
			}
			return (this.latched != null) ? this.latched : this.remote.address();
		}

	}

	/**
	 * @param audioPayloadType the negotiated audio payload type
	 * @param eventPayloadType the negotiated telephone-event payload type, or -1
	 */
	SymmetricRtp(int audioPayloadType, int eventPayloadType) {
		this.audioPayloadType = audioPayloadType;
		this.eventPayloadType = eventPayloadType;
	}

	/** Where to send now, or null (no address yet, or the caller holds). */
	InetSocketAddress target() {
		return this.where.target();
	}

	/** Follows the caller's latest SDP; a new address forgets the latch. */
	synchronized void follow(RemoteMedia remote) {
		Where now = this.where;
		boolean sameAddress = remote != null && now.remote() != null && remote.address().equals(now.remote().address());
		this.where = sameAddress ? new Where(remote, now.latched(), now.ssrc()) : new Where(remote, null, 0);
	}

	/** What a received packet is to the call. */
	enum Verdict {

		/** The caller's stream, from where it was latched. */
		OURS,

		/** The caller's stream, from a new address that is now the target (trace it). */
		LATCHED,

		/** Not the caller's stream: ignore it. */
		STRAY

	}

	/**
	 * Decides whether a received packet is the caller's, latching its source if so.
	 * @param source where it came from
	 * @param packet the packet
	 * @return what the packet is
	 */
	synchronized Verdict receive(InetSocketAddress source, RtpPacket packet) {
		Where now = this.where;
		if (source.equals(now.latched())) {
			return Verdict.OURS;
		}
		boolean negotiated = packet.payloadType() == this.audioPayloadType
				|| packet.payloadType() == this.eventPayloadType;
		if (now.latched() == null && !negotiated) {
			// e.g. comfort noise: passed on as before, but it does not tell where to send
			return Verdict.OURS;
		}
		if (now.latched() != null && (packet.ssrc() != now.ssrc() || !negotiated)) {
			return Verdict.STRAY;
		}
		this.where = new Where(now.remote(), source, packet.ssrc());
		return Verdict.LATCHED;
	}

}
