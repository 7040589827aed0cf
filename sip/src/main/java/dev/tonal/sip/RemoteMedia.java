package dev.tonal.sip;

import dev.tonal.sip.sdp.MediaDirection;

import java.net.InetSocketAddress;

/**
 * Where the caller wants our RTP, from its latest SDP offer.
 *
 * @param address the caller's RTP address ({@code c=} and {@code m=} port)
 * @param direction what the caller offered: {@code SENDONLY}/{@code INACTIVE} mean hold
 */
public record RemoteMedia(InetSocketAddress address, MediaDirection direction) {

	/** Whether we should send audio to the caller now. */
	public boolean wantsOurAudio() {
		return direction.receives() && !address.getAddress().isAnyLocalAddress() && address.getPort() != 0;
	}

}
