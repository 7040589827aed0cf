package dev.tonal.sip.sdp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an SDP offer may carry before the call gives up on it with 488 (issue 12: broken
 * SDP from the internet).
 */
class SdpOfferTest {

	private static String offer(String connection, String port) {
		return "v=0\r\nc=" + connection + "\r\nm=audio " + port + " RTP/AVP 0\r\n";
	}

	@ParameterizedTest
	@ValueSource(strings = { "65536", "99999", "-1", "2147483648" })
	void aPortOutsideTheUdpRangeIsUnreadable(String port) {
		assertThatThrownBy(() -> SdpOffer.parse(offer("IN IP4 10.0.0.5", port))).isInstanceOf(SdpException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "IN IP4 999.1.1.1", "IN IP4 10.0.0", "IN IP4 host.invalid", "IN IP6 :::::",
			"IN IP6 10.0.0.5", "XX YY ZZ", "IN IP5 10.0.0.5" })
	void aConnectionWithoutALiteralIpAddressIsUnreadableAndNeverLookedUp(String connection) {
		assertThatThrownBy(() -> SdpOffer.parse(offer(connection, "6000"))).isInstanceOf(SdpException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "IN IP4 10.0.0.5", "IN IP4 0.0.0.0", "IN IP4 224.2.1.1/127", "IN IP6 ::1",
			"IN IP6 2001:db8::5" })
	void literalAddressesAreRead(String connection) {
		assertThat(SdpOffer.parse(offer(connection, "6000")).firstAudio()).isPresent();
	}

}
