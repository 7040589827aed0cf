package dev.tonal.media.dtmf;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** SIP INFO DTMF bodies, read leniently and written canonically. */
class SipInfoDtmfTest {

	static Stream<Arguments> validBodies() {
		return Stream.of(Arguments.of("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n", '5'),
				Arguments.of("application/dtmf-relay", "Signal=5\nDuration=160", '5'),
				Arguments.of("Application/DTMF-Relay; charset=utf-8", "signal = *\r\nduration=100", '*'),
				Arguments.of("application/dtmf-relay", "Duration=250\r\nSignal=#\r\n", '#'),
				Arguments.of("application/dtmf-relay", "Signal=10\r\nDuration=160", '*'),
				Arguments.of("application/dtmf-relay", "Signal=11", '#'),
				Arguments.of("application/dtmf-relay", "Signal=d", 'D'), Arguments.of("application/dtmf", "5", '5'),
				Arguments.of("application/dtmf", " 7\r\n", '7'), Arguments.of("application/dtmf", "11", '#'));
	}

	@ParameterizedTest
	@MethodSource("validBodies")
	void keysAreReadFromBothBodyTypes(String contentType, String body, char key) {
		assertThat(SipInfoDtmf.parse(contentType, body)).contains(key);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "application/dtmf-relay|Duration=160", "application/dtmf-relay|Signal=16",
					"application/dtmf-relay|Signal=x", "application/dtmf|", "application/dtmf|55",
					"application/sdp|Signal=5", "text/plain|5" })
	void bodiesWithoutAValidKeyAreIgnored(String contentType, String body) {
		assertThat(SipInfoDtmf.parse(contentType, (body == null) ? "" : body)).isEmpty();
	}

	@Test
	void missingHeadersOrBodiesAreIgnored() {
		assertThat(SipInfoDtmf.parse(null, "5")).isEmpty();
		assertThat(SipInfoDtmf.parse("application/dtmf", null)).isEmpty();
	}

	@Test
	void bodiesAreWrittenInTheUsualForm() {
		assertThat(SipInfoDtmf.dtmfRelayBody('5', 160)).isEqualTo("Signal=5\r\nDuration=160\r\n");
		assertThat(SipInfoDtmf.dtmfBody('#')).isEqualTo("#");
		assertThat(SipInfoDtmf.parse(SipInfoDtmf.DTMF_RELAY, SipInfoDtmf.dtmfRelayBody('b', 100))).contains('B');
	}

}
