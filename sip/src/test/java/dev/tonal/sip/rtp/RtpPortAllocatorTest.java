package dev.tonal.sip.rtp;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RTP ports: even ports of the configured range, bound on the SIP host. */
class RtpPortAllocatorTest {

	@Test
	void allocatesEvenPortsInsideTheRangeOnTheHost() {
		RtpPortAllocator allocator = new RtpPortAllocator("127.0.0.1", 32001, 32010);
		try (RtpSocket a = allocator.allocate(); RtpSocket b = allocator.allocate()) {
			assertThat(a.port()).isBetween(32002, 32010).isEven();
			assertThat(b.port()).isBetween(32002, 32010).isEven().isNotEqualTo(a.port());
			assertThat(a.localAddress().getHostString()).isEqualTo("127.0.0.1");
		}
	}

	@Test
	void skipsAPortSomethingElseHolds() throws Exception {
		RtpPortAllocator allocator = new RtpPortAllocator("127.0.0.1", 32020, 32023);
		try (DatagramChannel squatter = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 32020));
				RtpSocket socket = allocator.allocate()) {
			assertThat(socket.port()).isEqualTo(32022);
		}
	}

	@Test
	void fullRangeIsAClearError() {
		RtpPortAllocator allocator = new RtpPortAllocator("127.0.0.1", 32030, 32031);
		try (RtpSocket only = allocator.allocate()) {
			assertThatThrownBy(allocator::allocate).isInstanceOf(RtpPortAllocator.NoRtpPortException.class)
				.hasMessageContaining("in use");
		}
	}

	@Test
	void closedSocketsFreeTheirPort() {
		RtpPortAllocator allocator = new RtpPortAllocator("127.0.0.1", 32040, 32041);
		allocator.allocate().close();

		try (RtpSocket again = allocator.allocate()) {
			assertThat(again.port()).isEqualTo(32040);
		}
	}

}
