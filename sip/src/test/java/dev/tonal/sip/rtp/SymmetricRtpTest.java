package dev.tonal.sip.rtp;

import java.net.InetSocketAddress;

import dev.tonal.media.rtp.RtpPacket;
import dev.tonal.sip.RemoteMedia;
import dev.tonal.sip.rtp.SymmetricRtp.Verdict;
import dev.tonal.sip.sdp.MediaDirection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a call sends its RTP: the latching rule of symmetric RTP. */
class SymmetricRtpTest {

	private static final InetSocketAddress SDP = new InetSocketAddress("127.0.0.1", 4000);

	private static final InetSocketAddress NAT = new InetSocketAddress("127.0.0.1", 5000);

	private static final InetSocketAddress STRAY = new InetSocketAddress("127.0.0.1", 6000);

	private final SymmetricRtp rtp = new SymmetricRtp(0, 101);

	private static RtpPacket packet(int payloadType, long ssrc) {
		return RtpPacket.of(false, payloadType, 1, 0, ssrc, new byte[160]);
	}

	@Test
	void sendsWhereTheSdpSaysUntilTheCallersRtpArrives() {
		this.rtp.follow(new RemoteMedia(SDP, MediaDirection.SENDRECV));
		assertThat(this.rtp.target()).isEqualTo(SDP);

		assertThat(this.rtp.receive(NAT, packet(0, 7))).isEqualTo(Verdict.LATCHED);
		assertThat(this.rtp.target()).isEqualTo(NAT);
		assertThat(this.rtp.receive(NAT, packet(101, 7))).isEqualTo(Verdict.OURS);
	}

	@Test
	void onceLatchedAnotherSourceIsIgnored() {
		this.rtp.follow(new RemoteMedia(SDP, MediaDirection.SENDRECV));
		this.rtp.receive(NAT, packet(0, 7));

		assertThat(this.rtp.receive(STRAY, packet(0, 8))).isEqualTo(Verdict.STRAY);
		assertThat(this.rtp.receive(STRAY, packet(13, 7))).isEqualTo(Verdict.STRAY);
		assertThat(this.rtp.target()).isEqualTo(NAT);
	}

	@Test
	void theLatchedStreamIsFollowedWhenItsNatBindingChanges() {
		this.rtp.follow(new RemoteMedia(SDP, MediaDirection.SENDRECV));
		this.rtp.receive(NAT, packet(0, 7));

		assertThat(this.rtp.receive(STRAY, packet(0, 7))).isEqualTo(Verdict.LATCHED);
		assertThat(this.rtp.target()).isEqualTo(STRAY);
	}

	@Test
	void otherPayloadTypesArePassedOnButDoNotLatch() {
		this.rtp.follow(new RemoteMedia(SDP, MediaDirection.SENDRECV));

		assertThat(this.rtp.receive(NAT, packet(13, 7))).isEqualTo(Verdict.OURS);
		assertThat(this.rtp.target()).isEqualTo(SDP);
	}

	@Test
	void aNewSdpAddressLatchesAfreshButHoldKeepsTheLatch() {
		this.rtp.follow(new RemoteMedia(SDP, MediaDirection.SENDRECV));
		this.rtp.receive(NAT, packet(0, 7));

		this.rtp.follow(new RemoteMedia(SDP, MediaDirection.SENDONLY));
		assertThat(this.rtp.target()).isNull();
		this.rtp.follow(new RemoteMedia(SDP, MediaDirection.SENDRECV));
		assertThat(this.rtp.target()).isEqualTo(NAT);

		InetSocketAddress moved = new InetSocketAddress("127.0.0.1", 4002);
		this.rtp.follow(new RemoteMedia(moved, MediaDirection.SENDRECV));
		assertThat(this.rtp.target()).isEqualTo(moved);
		assertThat(this.rtp.receive(STRAY, packet(0, 9))).isEqualTo(Verdict.LATCHED);
		assertThat(this.rtp.target()).isEqualTo(STRAY);
	}

}
