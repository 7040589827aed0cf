package dev.tonal.media.audio;

/**
 * One MPEG audio frame header (MPEG-1, MPEG-2 and MPEG-2.5; layers I-III), enough to find
 * the first real frame of an MP3 file and to read the encoder's gapless information (see
 * {@link Mp3Decoder}).
 *
 * @param version "1", "2" or "2.5"
 * @param layer 1, 2 or 3
 * @param sampleRate in Hz
 * @param channels 1 or 2
 * @param frameLength bytes in the whole frame, header included
 * @param samplesPerFrame samples per channel decoded from one frame
 * @param sideInfoOffset offset, from the header start, of the data after the header, the
 * CRC and the layer III side information (where a Xing/Info tag sits)
 */
record MpegFrameHeader(String version, int layer, int sampleRate, int channels, int frameLength, int samplesPerFrame,
		int sideInfoOffset) {

	private static final int[][] BITRATES_KBPS = {
			// MPEG-1 layers I, II, III
			{ 0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448 },
			{ 0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384 },
			{ 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320 },
			// MPEG-2 and 2.5 layer I, then layers II and III
			{ 0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256 },
			{ 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160 } };

	private static final int[] MPEG1_RATES = { 44100, 48000, 32000 };

	/**
	 * Parses the frame header at {@code offset}.
	 * @param data the file
	 * @param offset where the header should start
	 * @return the header, or null when there is no valid header there (free-format
	 * frames, whose length cannot be known from the header, count as invalid)
	 */
	static MpegFrameHeader parse(byte[] data, int offset) {
		if (offset < 0 || offset + 4 > data.length) {
			return null;
		}
		int b1 = data[offset + 1] & 0xFF;
		int b2 = data[offset + 2] & 0xFF;
		int b3 = data[offset + 3] & 0xFF;
		if ((data[offset] & 0xFF) != 0xFF || (b1 & 0xE0) != 0xE0) {
			return null;
		}
		int versionBits = (b1 >> 3) & 3;
		int layerBits = (b1 >> 1) & 3;
		int bitrateIndex = b2 >> 4;
		int rateIndex = (b2 >> 2) & 3;
		if (versionBits == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
			return null;
		}
		boolean mpeg1 = versionBits == 3;
		String version = mpeg1 ? "1" : (versionBits == 2) ? "2" : "2.5";
		int layer = 4 - layerBits;
		int sampleRate = MPEG1_RATES[rateIndex] / (mpeg1 ? 1 : (versionBits == 2) ? 2 : 4);
		int bitrate = 1000 * BITRATES_KBPS[mpeg1 ? layer - 1 : (layer == 1) ? 3 : 4][bitrateIndex];
		int padding = (b2 >> 1) & 1;
		int channels = ((b3 >> 6) == 3) ? 1 : 2;
		int samplesPerFrame = (layer == 1) ? 384 : (layer == 3 && !mpeg1) ? 576 : 1152;
		int frameLength = (layer == 1) ? (12 * bitrate / sampleRate + padding) * 4
				: samplesPerFrame / 8 * bitrate / sampleRate + padding;
		boolean crc = (b1 & 1) == 0;
		int sideInfo = (layer != 3) ? 0 : mpeg1 ? ((channels == 1) ? 17 : 32) : ((channels == 1) ? 9 : 17);
		return new MpegFrameHeader(version, layer, sampleRate, channels, frameLength, samplesPerFrame,
				4 + (crc ? 2 : 0) + sideInfo);
	}

	/**
	 * Tells whether {@code other} can belong to the same stream as this header.
	 * @param other a header found after this one
	 * @return whether version, layer and rate agree
	 */
	boolean sameStreamAs(MpegFrameHeader other) {
		return other != null && other.version.equals(this.version) && other.layer == this.layer
				&& other.sampleRate == this.sampleRate;
	}

	String description() {
		return "MP3 MPEG-" + this.version + " layer " + "I".repeat(this.layer) + " " + this.sampleRate + " Hz "
				+ ((this.channels == 1) ? "mono" : "stereo");
	}

}
