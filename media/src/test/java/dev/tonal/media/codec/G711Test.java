package dev.tonal.media.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tonal.media.codec.G711.Law;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * G.711 against reference values (as produced by the Sun reference code, also used by
 * CPython's audioop and sox) and its defining properties.
 */
class G711Test {

	@ParameterizedTest(name = "µ-law 0x{0} = {1}")
	@CsvSource({ "FF, 0", "7F, 0", "80, 32124", "00, -32124", "F0, 120", "70, -120", "EF, 132", "CF, 924", "8F, 16764",
			"0F, -16764" })
	void ulawDecodesToReferenceValues(String hex, int expected) {
		assertThat(G711.decodeUlaw((byte) Integer.parseInt(hex, 16))).isEqualTo((short) expected);
	}

	@ParameterizedTest(name = "A-law 0x{0} = {1}")
	@CsvSource({ "D5, 8", "55, -8", "AA, 32256", "2A, -32256", "D4, 24", "C5, 264", "FA, 1008", "80, 5504" })
	void alawDecodesToReferenceValues(String hex, int expected) {
		assertThat(G711.decodeAlaw((byte) Integer.parseInt(hex, 16))).isEqualTo((short) expected);
	}

	@Test
	void silenceEncodesToTheIdleCodes() {
		assertThat(G711.encodeUlaw((short) 0)).isEqualTo((byte) 0xFF);
		assertThat(G711.encodeAlaw((short) 0)).isEqualTo((byte) 0xD5);
	}

	@Test
	void fullScaleSaturatesInsteadOfWrapping() {
		assertThat(G711.encodeUlaw(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
		assertThat(G711.encodeUlaw(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
		assertThat(G711.encodeAlaw(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
		assertThat(G711.encodeAlaw(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
	}

	@ParameterizedTest
	@EnumSource(Law.class)
	void everyCodeSurvivesDecodeThenEncode(Law law) {
		for (int code = 0; code < 256; code++) {
			byte b = (byte) code;
			short linear = G711.decode(law, new byte[] { b }, 0, 1)[0];
			byte again = G711.encode(law, new short[] { linear }, 0, 1)[0];
			// µ-law has two codes for zero (0xFF and 0x7F); both decode to 0 and encode
			// to 0xFF
			if (law == Law.ULAW && code == 0x7F) {
				assertThat(again).isEqualTo((byte) 0xFF);
			}
			else {
				assertThat(again).as("code 0x%02X", code).isEqualTo(b);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Law.class)
	void encodingKeepsEverySampleWithinItsSegmentsStep(Law law) {
		for (int value = Short.MIN_VALUE; value <= Short.MAX_VALUE; value++) {
			short sample = (short) value;
			short decoded = G711.decode(law, G711.encode(law, new short[] { sample }, 0, 1), 0, 1)[0];
			// quantisation error grows with the magnitude: under 1/16 of it (plus a
			// floor)
			int tolerance = Math.max(Math.abs(value) / 16, 16);
			int clipped = Math.max(Math.min(value, 32124), -32124);
			if (law == Law.ALAW) {
				clipped = Math.max(Math.min(value, 32256), -32256);
			}
			assertThat(Math.abs(decoded - clipped)).as("%s %d -> %d", law, value, decoded)
				.isLessThanOrEqualTo(tolerance);
		}
	}

	@ParameterizedTest
	@EnumSource(Law.class)
	void encodingIsMonotonic(Law law) {
		short previous = Short.MIN_VALUE;
		for (int value = Short.MIN_VALUE; value <= Short.MAX_VALUE; value++) {
			short decoded = G711.decode(law, G711.encode(law, new short[] { (short) value }, 0, 1), 0, 1)[0];
			assertThat(decoded).isGreaterThanOrEqualTo(previous);
			previous = decoded;
		}
	}

	@Test
	void lawsCarryTheirRtpPayloadTypesAndSdpNames() {
		assertThat(Law.ULAW.payloadType()).isZero();
		assertThat(Law.ULAW.encodingName()).isEqualTo("PCMU");
		assertThat(Law.ALAW.payloadType()).isEqualTo(8);
		assertThat(Law.ALAW.encodingName()).isEqualTo("PCMA");
	}

}
