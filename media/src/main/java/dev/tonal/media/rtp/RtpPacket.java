package dev.tonal.media.rtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * One RTP packet (RFC 3550 §5.1): fixed header, contributing sources, an optional header
 * extension, the payload and optional padding. Immutable; {@link #parse} and
 * {@link #toBytes} convert to and from the wire.
 *
 * @param marker the M bit (first packet of a talkspurt, or of a telephone-event)
 * @param payloadType 0-127
 * @param sequenceNumber 0-65535, one more per packet, wrapping
 * @param timestamp 0-2³²-1, the sampling instant of the first payload sample
 * @param ssrc the synchronisation source, 0-2³²-1
 * @param csrc contributing sources (at most 15), each 0-2³²-1
 * @param extension the header extension, or null
 * @param payload the payload bytes
 * @param paddingLength padding bytes after the payload (0 for none; else 1-255, including
 * the final count byte)
 */
public record RtpPacket(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc, long[] csrc,
		Extension extension, byte[] payload, int paddingLength) {

	/** The only RTP version in use. */
	public static final int VERSION = 2;

	private static final int FIXED_HEADER = 12;

	private static final long MAX_UINT32 = 0xFFFF_FFFFL;

	public RtpPacket {
		check(payloadType >= 0 && payloadType <= 127, "payload type must be 0-127");
		check(sequenceNumber >= 0 && sequenceNumber <= 0xFFFF, "sequence number must be 0-65535");
		check(timestamp >= 0 && timestamp <= MAX_UINT32, "timestamp must be a 32-bit unsigned value");
		check(ssrc >= 0 && ssrc <= MAX_UINT32, "SSRC must be a 32-bit unsigned value");
		Objects.requireNonNull(csrc, "csrc");
		Objects.requireNonNull(payload, "payload");
		check(csrc.length <= 15, "at most 15 CSRCs");
		for (long source : csrc) {
			check(source >= 0 && source <= MAX_UINT32, "CSRC must be a 32-bit unsigned value");
		}
		check(paddingLength >= 0 && paddingLength <= 255, "padding must be 0-255 bytes");
	}

	/**
	 * A plain packet: no CSRC, no extension, no padding.
	 * @param marker the M bit
	 * @param payloadType 0-127
	 * @param sequenceNumber 0-65535
	 * @param timestamp 32-bit unsigned
	 * @param ssrc 32-bit unsigned
	 * @param payload the payload
	 * @return the packet
	 */
	public static RtpPacket of(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
			byte[] payload) {
		return new RtpPacket(marker, payloadType, sequenceNumber, timestamp, ssrc, new long[0], null, payload, 0);
	}

	/**
	 * Parses a datagram.
	 * @param data buffer holding the datagram
	 * @param offset where it starts
	 * @param length its length
	 * @return the packet
	 * @throws MalformedRtpException when it is not a valid RTP version 2 packet
	 */
	public static RtpPacket parse(byte[] data, int offset, int length) throws MalformedRtpException {
		if (length < FIXED_HEADER) {
			throw new MalformedRtpException("shorter than the 12-byte RTP header: " + length + " bytes");
		}
		int b0 = data[offset] & 0xFF;
		int b1 = data[offset + 1] & 0xFF;
		if ((b0 >> 6) != VERSION) {
			throw new MalformedRtpException("RTP version " + (b0 >> 6) + ", expected 2");
		}
		boolean padded = (b0 & 0x20) != 0;
		boolean extended = (b0 & 0x10) != 0;
		int csrcCount = b0 & 0x0F;
		int position = offset + FIXED_HEADER;
		int end = offset + length;
		if (position + 4 * csrcCount > end) {
			throw new MalformedRtpException("CSRC list runs past the end of the packet");
		}
		long[] csrc = new long[csrcCount];
		for (int i = 0; i < csrcCount; i++) {
			csrc[i] = uint32(data, position);
			position += 4;
		}
		Extension extension = null;
		if (extended) {
			if (position + 4 > end) {
				throw new MalformedRtpException("header extension runs past the end of the packet");
			}
			int profile = uint16(data, position);
			int words = uint16(data, position + 2);
			position += 4;
			if (position + 4 * words > end) {
				throw new MalformedRtpException("header extension runs past the end of the packet");
			}
			extension = new Extension(profile, Arrays.copyOfRange(data, position, position + 4 * words));
			position += 4 * words;
		}
		int paddingLength = 0;
		if (padded) {
			paddingLength = data[end - 1] & 0xFF;
			if (paddingLength == 0 || position + paddingLength > end) {
				throw new MalformedRtpException("invalid padding length " + paddingLength);
			}
		}
		byte[] payload = Arrays.copyOfRange(data, position, end - paddingLength);
		return new RtpPacket((b1 & 0x80) != 0, b1 & 0x7F, uint16(data, offset + 2), uint32(data, offset + 4),
				uint32(data, offset + 8), csrc, extension, payload, paddingLength);
	}

	/**
	 * Serialises the packet for sending.
	 * @return the datagram
	 */
	public byte[] toBytes() {
		int extensionLength = (this.extension != null) ? 4 + this.extension.data().length : 0;
		int length = FIXED_HEADER + 4 * this.csrc.length + extensionLength + this.payload.length + this.paddingLength;
		byte[] out = new byte[length];
		out[0] = (byte) (VERSION << 6 | ((this.paddingLength > 0) ? 0x20 : 0) | ((this.extension != null) ? 0x10 : 0)
				| this.csrc.length);
		out[1] = (byte) ((this.marker ? 0x80 : 0) | this.payloadType);
		putUint16(out, 2, this.sequenceNumber);
		putUint32(out, 4, this.timestamp);
		putUint32(out, 8, this.ssrc);
		int position = FIXED_HEADER;
		for (long source : this.csrc) {
			putUint32(out, position, source);
			position += 4;
		}
		if (this.extension != null) {
			putUint16(out, position, this.extension.profile());
			putUint16(out, position + 2, this.extension.data().length / 4);
			System.arraycopy(this.extension.data(), 0, out, position + 4, this.extension.data().length);
			position += extensionLength;
		}
		System.arraycopy(this.payload, 0, out, position, this.payload.length);
		if (this.paddingLength > 0) {
			out[length - 1] = (byte) this.paddingLength;
		}
		return out;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RtpPacket that && this.marker == that.marker && this.payloadType == that.payloadType
				&& this.sequenceNumber == that.sequenceNumber && this.timestamp == that.timestamp
				&& this.ssrc == that.ssrc && Arrays.equals(this.csrc, that.csrc)
				&& Objects.equals(this.extension, that.extension) && Arrays.equals(this.payload, that.payload)
				&& this.paddingLength == that.paddingLength;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.sequenceNumber, this.timestamp, this.ssrc, Arrays.hashCode(this.payload));
	}

	@Override
	public String toString() {
		return "RtpPacket[pt=" + this.payloadType + ", seq=" + this.sequenceNumber + ", ts=" + this.timestamp
				+ ", ssrc=" + this.ssrc + (this.marker ? ", marker" : "") + ", " + this.payload.length + " bytes]";
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	private static int uint16(byte[] data, int offset) {
		return (data[offset] & 0xFF) << 8 | (data[offset + 1] & 0xFF);
	}

	private static long uint32(byte[] data, int offset) {
		return (long) uint16(data, offset) << 16 | uint16(data, offset + 2);
	}

	private static void putUint16(byte[] out, int offset, int value) {
		out[offset] = (byte) (value >> 8);
		out[offset + 1] = (byte) value;
	}

	private static void putUint32(byte[] out, int offset, long value) {
		putUint16(out, offset, (int) (value >> 16) & 0xFFFF);
		putUint16(out, offset + 2, (int) value & 0xFFFF);
	}

	/**
	 * An RTP header extension (RFC 3550 §5.3.1).
	 *
	 * @param profile the 16-bit profile-defined identifier
	 * @param data the extension body, a multiple of 4 bytes
	 */
	public record Extension(int profile, byte[] data) {

		public Extension {
			check(profile >= 0 && profile <= 0xFFFF, "extension profile must be 16-bit");
			check(data.length % 4 == 0 && data.length / 4 <= 0xFFFF, "extension data must be whole 32-bit words");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Extension that && this.profile == that.profile
					&& Arrays.equals(this.data, that.data);
		}

		@Override
		public int hashCode() {
			return 31 * this.profile + Arrays.hashCode(this.data);
		}

		@Override
		public String toString() {
			return "Extension[profile=" + this.profile + ", " + this.data.length + " bytes]";
		}

	}

}
