package dev.tonal.sip;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the server advertises and which configurations it refuses. */
class SipConfigTest {

	@Test
	void publicAddressWins() {
		assertThat(new SipConfig("0.0.0.0", 5060, "203.0.113.7", 20000, 29999).advertisedAddress())
			.isEqualTo("203.0.113.7");
	}

	@Test
	void aConcreteHostIsAdvertisedAsIs() {
		assertThat(SipConfig.loopback().advertisedAddress()).isEqualTo("127.0.0.1");
	}

	@Test
	void aWildcardHostAdvertisesAConcreteAddress() {
		assertThat(SipConfig.defaults().advertisedAddress()).isNotEqualTo("0.0.0.0").matches("[0-9.]+");
	}

	@Test
	void anRtpRangeWithoutAPortPairIsRefused() {
		assertThatThrownBy(() -> SipConfig.loopback().withRtpPorts(30000, 30000))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("RTP port range");
	}

}
