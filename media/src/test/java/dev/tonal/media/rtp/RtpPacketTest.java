package dev.tonal.media.rtp;

import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** RFC 3550 §5.1 packet layout, both ways, including the optional parts. */
class RtpPacketTest {

	private static final HexFormat HEX = HexFormat.of();

	@Test
	void aPlainPacketHasTheFixedHeaderThenThePayload() throws Exception {
		RtpPacket packet = RtpPacket.of(true, 0, 0xABCD, 0x12345678L, 0xDEADBEEFL, new byte[] { 1, 2, 3 });

		byte[] wire = packet.toBytes();

		assertThat(HEX.formatHex(wire)).isEqualTo("8080abcd12345678deadbeef010203");
		assertThat(RtpPacket.parse(wire, 0, wire.length)).isEqualTo(packet);
	}

	@Test
	void csrcExtensionAndPaddingAreParsedAndSkipped() throws Exception {
		// V=2 P=1 X=1 CC=2, M=0 PT=8, two CSRCs, a one-word extension, payload "aa bb",
		// three padding bytes (the last holds the count)
		byte[] wire = HEX.parseHex(
				"b2080001000000a000000001" + "00000011" + "00000022" + "bede0001" + "01020304" + "aabb" + "000003");

		RtpPacket packet = RtpPacket.parse(wire, 0, wire.length);

		assertThat(packet.marker()).isFalse();
		assertThat(packet.payloadType()).isEqualTo(8);
		assertThat(packet.sequenceNumber()).isEqualTo(1);
		assertThat(packet.timestamp()).isEqualTo(0xA0);
		assertThat(packet.ssrc()).isEqualTo(1);
		assertThat(packet.csrc()).containsExactly(0x11L, 0x22L);
		assertThat(packet.extension().profile()).isEqualTo(0xBEDE);
		assertThat(packet.extension().data()).containsExactly(1, 2, 3, 4);
		assertThat(packet.payload()).containsExactly((byte) 0xAA, (byte) 0xBB);
		assertThat(packet.paddingLength()).isEqualTo(3);
		assertThat(packet.toBytes()).isEqualTo(wire);
	}

	@Test
	void aPacketInsideALargerBufferIsParsedAtItsOffset() throws Exception {
		byte[] wire = RtpPacket.of(false, 18, 7, 160, 42, new byte[] { 9 }).toBytes();
		byte[] buffer = new byte[wire.length + 10];
		System.arraycopy(wire, 0, buffer, 5, wire.length);

		assertThat(RtpPacket.parse(buffer, 5, wire.length).payload()).containsExactly(9);
	}

	@Test
	void unsignedFieldsKeepTheirTopBit() throws Exception {
		RtpPacket packet = RtpPacket.of(false, 127, 0xFFFF, 0xFFFFFFFFL, 0xFFFFFFFFL, new byte[0]);

		byte[] wire = packet.toBytes();

		assertThat(RtpPacket.parse(wire, 0, wire.length)).isEqualTo(packet);
	}

	@Test
	void malformedDatagramsAreRejectedWithTheReason() {
		assertMalformed("80000001", "shorter");
		assertMalformed("400000010000000000000001", "version 1");
		// CC=3 but no CSRCs follow
		assertMalformed("830000010000000000000001", "CSRC");
		// X=1 with an extension claiming 5 words
		assertMalformed("9000000100000000000000010000000501020304", "extension");
		// P=1 with a padding count larger than the packet body
		assertMalformed("a0000001000000000000000109", "padding");
		assertMalformed("a0000001000000000000000100", "padding");
	}

	@Test
	void arbitraryDatagramsParseOrAreRejectedButNeverCrash() throws Exception {
		// the parser faces the network: whatever arrives, the outcome is a packet or
		// MalformedRtpException, and what parses serialises back to the same bytes
		Random random = new Random(3550);
		for (int i = 0; i < 20_000; i++) {
			byte[] datagram = new byte[random.nextInt(64)];
			random.nextBytes(datagram);
			if (datagram.length > 0 && random.nextBoolean()) {
				datagram[0] = (byte) (0x80 | (datagram[0] & 0x3F));
			}
			try {
				RtpPacket packet = RtpPacket.parse(datagram, 0, datagram.length);
				byte[] again = packet.toBytes();
				assertThat(RtpPacket.parse(again, 0, again.length)).isEqualTo(packet);
			}
			catch (MalformedRtpException expected) {
				assertThat(expected.getMessage()).isNotBlank();
			}
		}
	}

	@Test
	void outOfRangeFieldsAreRefusedWhenBuilding() {
		assertThatIllegalArgumentException().isThrownBy(() -> RtpPacket.of(false, 128, 0, 0, 0, new byte[0]));
		assertThatIllegalArgumentException().isThrownBy(() -> RtpPacket.of(false, 0, 65536, 0, 0, new byte[0]));
		assertThatIllegalArgumentException().isThrownBy(() -> RtpPacket.of(false, 0, 0, 1L << 32, 0, new byte[0]));
		assertThatIllegalArgumentException().isThrownBy(() -> new RtpPacket.Extension(1, new byte[3]))
			.withMessageContaining("32-bit words");
	}

	private static void assertMalformed(String hex, String reason) {
		byte[] wire = HEX.parseHex(hex);
		assertThatExceptionOfType(MalformedRtpException.class).isThrownBy(() -> RtpPacket.parse(wire, 0, wire.length))
			.withMessageContaining(reason);
	}

}
