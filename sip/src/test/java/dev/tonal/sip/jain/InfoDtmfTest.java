package dev.tonal.sip.jain;

import dev.tonal.sip.Dtmf;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Semantics rule 32: DTMF by SIP INFO. */
class InfoDtmfTest {

	@Test
	void rule32_dtmfRelaySignalAndDuration() {
		assertThat(InfoDtmf.parse("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"))
			.contains(new Dtmf('5', 160));
	}

	@Test
	void rule32_dtmfRelayStarAndPoundAlsoAsEventNumbers() {
		assertThat(InfoDtmf.parse("application/dtmf-relay", "Signal=*")).contains(new Dtmf('*', 0));
		assertThat(InfoDtmf.parse("application/dtmf-relay", "Signal=10")).contains(new Dtmf('*', 0));
		assertThat(InfoDtmf.parse("application/dtmf-relay", "Signal=11")).contains(new Dtmf('#', 0));
		assertThat(InfoDtmf.parse("Application/DTMF-Relay", "signal= a")).contains(new Dtmf('A', 0));
	}

	@Test
	void rule32_applicationDtmfIsTheBareKey() {
		assertThat(InfoDtmf.parse("application/dtmf", "#\r\n")).contains(new Dtmf('#', 0));
	}

	@Test
	void otherContentTypesAreNotDtmf() {
		assertThat(InfoDtmf.parse("application/media_control+xml", "<x/>")).isEmpty();
	}

	@Test
	void dtmfBodyWithoutAKeyIsAnError() {
		assertThatThrownBy(() -> InfoDtmf.parse("application/dtmf-relay", "Duration=100"))
			.hasMessageContaining("no Signal=");
		assertThatThrownBy(() -> InfoDtmf.parse("application/dtmf", "55")).hasMessageContaining("not a DTMF key");
	}

}
