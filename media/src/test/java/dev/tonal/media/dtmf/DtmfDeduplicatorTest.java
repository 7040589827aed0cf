package dev.tonal.media.dtmf;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Semantics rule 32: a key press seen by two transports counts once. */
class DtmfDeduplicatorTest {

	private enum Transport {

		RFC4733, SIP_INFO, INBAND

	}

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	private final DtmfDeduplicator<Transport> deduplicator = new DtmfDeduplicator<>(Duration.ofMillis(300));

	@Test
	void rule32_theSameKeyFromASecondTransportWithinTheWindowCountsOnce() {
		assertThat(isNew('5', Transport.RFC4733, 0)).isTrue();
		assertThat(isNew('5', Transport.INBAND, 60)).isFalse();
		assertThat(isNew('5', Transport.SIP_INFO, 120)).isFalse();
	}

	@Test
	void rule32_repeatedPressesOnOneTransportAllCount() {
		assertThat(isNew('1', Transport.RFC4733, 0)).isTrue();
		assertThat(isNew('1', Transport.RFC4733, 120)).isTrue();
		assertThat(isNew('1', Transport.RFC4733, 240)).isTrue();
	}

	@Test
	void rule32_twoQuickPressesSeenOnTwoTransportsAreTwoPresses() {
		assertThat(isNew('1', Transport.RFC4733, 0)).isTrue();
		assertThat(isNew('1', Transport.INBAND, 40)).isFalse();
		assertThat(isNew('1', Transport.RFC4733, 150)).isTrue();
		assertThat(isNew('1', Transport.INBAND, 190)).isFalse();
	}

	@Test
	void rule32_theSecondTransportMayReportFirst() {
		assertThat(isNew('9', Transport.INBAND, 0)).isTrue();
		assertThat(isNew('9', Transport.RFC4733, 30)).isFalse();
	}

	@Test
	void rule32_afterTheWindowTheSameKeyIsANewPress() {
		assertThat(isNew('5', Transport.RFC4733, 0)).isTrue();
		assertThat(isNew('5', Transport.INBAND, 301)).isTrue();
	}

	@Test
	void rule32_differentKeysAreNeverMerged() {
		assertThat(isNew('5', Transport.RFC4733, 0)).isTrue();
		assertThat(isNew('6', Transport.INBAND, 10)).isTrue();
	}

	private boolean isNew(char key, Transport transport, int ms) {
		return this.deduplicator.isNewKeyPress(key, transport, T0.plusMillis(ms));
	}

}
