package dev.tonal.media.codec;

/**
 * G.711 µ-law (PCMU, RTP payload type 0) and A-law (PCMA, payload type 8): one byte per
 * 16-bit sample. Table driven: the tables are built once from the ITU-T G.711 segment
 * rules (as in the widely used Sun reference implementation), so encoding and decoding
 * are a single array lookup per sample.
 */
public final class G711 {

	private static final int ULAW_BIAS = 0x84;

	private static final int ULAW_CLIP = 8159;

	private static final short[] ULAW_TO_LINEAR = new short[256];

	private static final short[] ALAW_TO_LINEAR = new short[256];

	private static final byte[] LINEAR_TO_ULAW = new byte[65536];

	private static final byte[] LINEAR_TO_ALAW = new byte[65536];

	static {
		for (int i = 0; i < 256; i++) {
			ULAW_TO_LINEAR[i] = ulawToLinear(i);
			ALAW_TO_LINEAR[i] = alawToLinear(i);
		}
		for (int i = 0; i < 65536; i++) {
			short sample = (short) i;
			LINEAR_TO_ULAW[i] = linearToUlaw(sample);
			LINEAR_TO_ALAW[i] = linearToAlaw(sample);
		}
	}

	private G711() {
	}

	/**
	 * Decodes one µ-law byte.
	 * @param ulaw the encoded byte
	 * @return the 16-bit linear sample
	 */
	public static short decodeUlaw(byte ulaw) {
		return ULAW_TO_LINEAR[ulaw & 0xFF];
	}

	/**
	 * Decodes one A-law byte.
	 * @param alaw the encoded byte
	 * @return the 16-bit linear sample
	 */
	public static short decodeAlaw(byte alaw) {
		return ALAW_TO_LINEAR[alaw & 0xFF];
	}

	/**
	 * Encodes one sample to µ-law.
	 * @param sample 16-bit linear sample
	 * @return the µ-law byte
	 */
	public static byte encodeUlaw(short sample) {
		return LINEAR_TO_ULAW[sample & 0xFFFF];
	}

	/**
	 * Encodes one sample to A-law.
	 * @param sample 16-bit linear sample
	 * @return the A-law byte
	 */
	public static byte encodeAlaw(short sample) {
		return LINEAR_TO_ALAW[sample & 0xFFFF];
	}

	/**
	 * Encodes samples with the given law.
	 * @param law µ-law or A-law
	 * @param samples 16-bit linear samples
	 * @param offset first sample to encode
	 * @param count number of samples
	 * @return one byte per sample
	 */
	public static byte[] encode(Law law, short[] samples, int offset, int count) {
		byte[] table = (law == Law.ULAW) ? LINEAR_TO_ULAW : LINEAR_TO_ALAW;
		byte[] out = new byte[count];
		for (int i = 0; i < count; i++) {
			out[i] = table[samples[offset + i] & 0xFFFF];
		}
		return out;
	}

	/**
	 * Decodes bytes with the given law.
	 * @param law µ-law or A-law
	 * @param data encoded bytes
	 * @param offset first byte to decode
	 * @param count number of bytes
	 * @return one sample per byte
	 */
	public static short[] decode(Law law, byte[] data, int offset, int count) {
		short[] table = (law == Law.ULAW) ? ULAW_TO_LINEAR : ALAW_TO_LINEAR;
		short[] out = new short[count];
		for (int i = 0; i < count; i++) {
			out[i] = table[data[offset + i] & 0xFF];
		}
		return out;
	}

	private static short ulawToLinear(int ulaw) {
		int u = ~ulaw & 0xFF;
		int exponent = (u >> 4) & 0x07;
		int mantissa = u & 0x0F;
		int magnitude = ((mantissa << 3) + ULAW_BIAS) << exponent;
		return (short) (((u & 0x80) != 0) ? (ULAW_BIAS - magnitude) : (magnitude - ULAW_BIAS));
	}

	private static short alawToLinear(int alaw) {
		int a = alaw ^ 0x55;
		int magnitude = (a & 0x0F) << 4;
		int segment = (a & 0x70) >> 4;
		if (segment == 0) {
			magnitude += 8;
		}
		else {
			magnitude = (magnitude + 0x108) << (segment - 1);
		}
		return (short) (((a & 0x80) != 0) ? magnitude : -magnitude);
	}

	private static byte linearToUlaw(short sample) {
		// G.711 µ-law works on 14-bit magnitudes
		int pcm = sample >> 2;
		int mask;
		if (pcm < 0) {
			pcm = -pcm;
			mask = 0x7F;
		}
		else {
			mask = 0xFF;
		}
		pcm = Math.min(pcm, ULAW_CLIP) + (ULAW_BIAS >> 2);
		int segment = segment(pcm, 0x3F);
		if (segment >= 8) {
			return (byte) (0x7F ^ mask);
		}
		int ulaw = (segment << 4) | ((pcm >> (segment + 1)) & 0x0F);
		return (byte) (ulaw ^ mask);
	}

	private static byte linearToAlaw(short sample) {
		// G.711 A-law works on 13-bit magnitudes
		int pcm = sample >> 3;
		int mask;
		if (pcm >= 0) {
			mask = 0xD5;
		}
		else {
			mask = 0x55;
			pcm = -pcm - 1;
		}
		int segment = segment(pcm, 0x1F);
		if (segment >= 8) {
			return (byte) (0x7F ^ mask);
		}
		int alaw = segment << 4;
		alaw |= (segment < 2) ? ((pcm >> 1) & 0x0F) : ((pcm >> segment) & 0x0F);
		return (byte) (alaw ^ mask);
	}

	/**
	 * The segment (0-7, 8 = beyond) whose upper end, doubling from firstEnd, holds value.
	 */
	private static int segment(int value, int firstEnd) {
		int end = firstEnd;
		for (int segment = 0; segment < 8; segment++) {
			if (value <= end) {
				return segment;
			}
			end = (end << 1) | 1;
		}
		return 8;
	}

	/** The two G.711 companding laws. */
	public enum Law {

		/** µ-law, North America and Japan; RTP payload type 0 (PCMU). */
		ULAW(0, "PCMU"),

		/** A-law, Europe and most of the world; RTP payload type 8 (PCMA). */
		ALAW(8, "PCMA");

		private final int payloadType;

		private final String encodingName;

		Law(int payloadType, String encodingName) {
			this.payloadType = payloadType;
			this.encodingName = encodingName;
		}

		/**
		 * The static RTP payload type of this law.
		 * @return 0 or 8
		 */
		public int payloadType() {
			return this.payloadType;
		}

		/**
		 * The SDP encoding name of this law.
		 * @return "PCMU" or "PCMA"
		 */
		public String encodingName() {
			return this.encodingName;
		}

	}

}
