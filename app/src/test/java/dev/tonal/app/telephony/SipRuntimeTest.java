package dev.tonal.app.telephony;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;

import dev.tonal.app.config.TonalProperties;
import dev.tonal.app.transfer.TransferProperties;
import dev.tonal.app.voicemail.VoicemailProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting the SIP runtime: what the operator is told when it cannot start. */
class SipRuntimeTest {

	@Test
	void aTakenPortIsReportedWithWhatToDoAboutIt() throws Exception {
		try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			SipRuntime sip = runtime(true, taken.getLocalPort(), "20000-29999");

			assertThatThrownBy(sip::start).hasMessageContaining(":" + taken.getLocalPort())
				.hasMessageContaining("tonal.sip.port")
				.hasMessageContaining("tonal.sip.enabled=false");
			assertThat(sip.isRunning()).isFalse();
		}
	}

	@Test
	void aBadRtpRangeSaysWhatItShouldLookLike() {
		assertThatThrownBy(() -> runtime(true, 0, "20000").start())
			.hasMessage("tonal.rtp.ports must be a range like 20000-29999, got \"20000\"");
	}

	@Test
	void disabledSipStartsNothing() {
		SipRuntime sip = runtime(false, 0, "20000-29999");

		sip.start();

		assertThat(sip.isRunning()).isFalse();
		assertThat(sip.port()).isEqualTo(-1);
	}

	private static SipRuntime runtime(boolean enabled, int port, String rtpPorts) {
		TonalProperties properties = new TonalProperties(null, new TonalProperties.Admin(null, null, false),
				new TonalProperties.Sip("tonal", enabled, "127.0.0.1", port, null),
				new TonalProperties.Token(Duration.ofHours(1)), new TonalProperties.Rtp(rtpPorts));
		// Nothing is routed in these tests: the router's collaborators are not needed.
		return new SipRuntime(properties, null, null, null, null, null, null, null, null,
				new TransferProperties(Duration.ofSeconds(30)), null,
				new VoicemailProperties(Duration.ofMinutes(2), Duration.ofSeconds(5)), null);
	}

}
