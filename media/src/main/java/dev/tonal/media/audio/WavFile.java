package dev.tonal.media.audio;

/**
 * The parts of a RIFF/WAVE file that matter for decoding: its format and where its
 * samples are. Parsing walks the chunk list, skips chunks it does not need (LIST, fact,
 * cue, …, with their RIFF padding byte) and checks that the header describes something
 * decodable, so the decoder can trust these numbers.
 *
 * @param encoding how samples are stored
 * @param channels channels per frame (1 or 2)
 * @param sampleRate frames per second
 * @param bytesPerSample storage size of one sample of one channel
 * @param dataOffset offset of the first sample byte in the file
 * @param dataLength number of sample bytes (a whole number of frames)
 */
record WavFile(Encoding encoding, int channels, int sampleRate, int bytesPerSample, int dataOffset, int dataLength) {

	static final int MIN_SAMPLE_RATE = 1000;

	static final int MAX_SAMPLE_RATE = 384_000;

	private static final int FORMAT_PCM = 0x0001;

	private static final int FORMAT_FLOAT = 0x0003;

	private static final int FORMAT_ALAW = 0x0006;

	private static final int FORMAT_ULAW = 0x0007;

	private static final int FORMAT_EXTENSIBLE = 0xFFFE;

	/**
	 * Data sizes from this value up are written by tools that stream a WAV and cannot
	 * seek back to fix the header; they mean "until the end of the file".
	 */
	private static final long UNKNOWN_LENGTH_MARKER = 0x7FFF_0000L;

	/** How the samples of a WAV file are stored. */
	enum Encoding {

		PCM_UNSIGNED_8("PCM 8-bit unsigned"), PCM_SIGNED_16("PCM 16-bit"), PCM_SIGNED_24("PCM 24-bit"),
		PCM_SIGNED_32("PCM 32-bit"), FLOAT_32("float 32-bit"), FLOAT_64("float 64-bit"), ULAW("µ-law"), ALAW("A-law");

		private final String description;

		Encoding(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

	}

	int frameSize() {
		return this.channels * this.bytesPerSample;
	}

	int frameCount() {
		return this.dataLength / frameSize();
	}

	String description() {
		return "WAV " + this.encoding.description() + " " + this.sampleRate + " Hz "
				+ ((this.channels == 1) ? "mono" : "stereo");
	}

	/**
	 * Tells whether the data starts like a RIFF/WAVE file.
	 * @param data the file
	 * @return true for a RIFF/WAVE header
	 */
	static boolean looksLikeWav(byte[] data) {
		return data.length >= 12 && tagAt(data, 0).equals("RIFF") && tagAt(data, 8).equals("WAVE");
	}

	/**
	 * Parses a RIFF/WAVE file's header and chunk list.
	 * @param data the whole file
	 * @return its format and sample location
	 * @throws AudioFormatException when the file is not a decodable WAV
	 */
	static WavFile parse(byte[] data) throws AudioFormatException {
		if (!looksLikeWav(data)) {
			throw new AudioFormatException("The file is not a WAV file (no RIFF/WAVE header).");
		}
		Format format = null;
		int offset = 12;
		while (offset + 8 <= data.length) {
			String id = tagAt(data, offset);
			long size = uint32(data, offset + 4);
			int body = offset + 8;
			if (id.equals("data")) {
				if (format == null) {
					throw new AudioFormatException(
							"The WAV file is damaged: its audio data comes before the format description ('fmt ' chunk).");
				}
				return format.locate(body, dataLength(size, data.length - body));
			}
			if (!isPrintableTag(id)) {
				throw new AudioFormatException("The WAV file is damaged: unreadable chunk at byte " + offset + ".");
			}
			if (size > data.length - body) {
				throw new AudioFormatException("The WAV file is truncated: its '" + id.trim()
						+ "' chunk is cut off. Upload the complete file.");
			}
			if (id.equals("fmt ")) {
				format = Format.parse(data, body, (int) size);
			}
			// RIFF chunks are word aligned: an odd-sized chunk is followed by a pad byte
			offset = body + (int) size + (int) (size & 1);
		}
		if (format == null) {
			throw new AudioFormatException("The WAV file is damaged: it has no format description ('fmt ' chunk).");
		}
		throw new AudioFormatException("The WAV file contains no audio data ('data' chunk missing).");
	}

	private static int dataLength(long declared, int available) throws AudioFormatException {
		if (declared >= UNKNOWN_LENGTH_MARKER) {
			return available;
		}
		if (declared > available) {
			throw new AudioFormatException("The WAV file is truncated: its header announces " + declared
					+ " bytes of audio but only " + available + " are present. Upload the complete file.");
		}
		return (int) declared;
	}

	private static String tagAt(byte[] data, int offset) {
		char[] chars = new char[4];
		for (int i = 0; i < 4; i++) {
			chars[i] = (char) (data[offset + i] & 0xFF);
		}
		return new String(chars);
	}

	private static boolean isPrintableTag(String id) {
		return id.chars().allMatch((c) -> c >= 0x20 && c < 0x7F);
	}

	static int uint16(byte[] data, int offset) {
		return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
	}

	static long uint32(byte[] data, int offset) {
		return (uint16(data, offset) | (long) uint16(data, offset + 2) << 16);
	}

	/** The 'fmt ' chunk, checked. */
	private record Format(Encoding encoding, int channels, int sampleRate, int bytesPerSample) {

		static Format parse(byte[] data, int offset, int size) throws AudioFormatException {
			if (size < 16) {
				throw new AudioFormatException("The WAV file is damaged: its format description is too short.");
			}
			int tag = uint16(data, offset);
			int channels = uint16(data, offset + 2);
			long sampleRate = uint32(data, offset + 4);
			int blockAlign = uint16(data, offset + 12);
			int bits = uint16(data, offset + 14);
			if (tag == FORMAT_EXTENSIBLE) {
				if (size < 40) {
					throw new AudioFormatException(
							"The WAV file is damaged: its extensible format description is too short.");
				}
				// the sub-format GUID starts with the classic format tag
				tag = uint16(data, offset + 24);
			}
			if (channels < 1 || channels > 2) {
				throw new AudioFormatException("The WAV file has " + channels
						+ " channels; only mono and stereo are supported. Convert it to mono or stereo.");
			}
			if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
				throw new AudioFormatException("The WAV file's sample rate is " + sampleRate
						+ " Hz; supported rates are " + MIN_SAMPLE_RATE + " to " + MAX_SAMPLE_RATE + " Hz.");
			}
			Encoding encoding = encoding(tag, bits);
			int bytesPerSample = (bits + 7) / 8;
			if (blockAlign != channels * bytesPerSample) {
				throw new AudioFormatException("The WAV file is damaged: its block size (" + blockAlign
						+ ") does not match " + channels + " channel(s) of " + bits + "-bit samples.");
			}
			return new Format(encoding, channels, (int) sampleRate, bytesPerSample);
		}

		private static Encoding encoding(int tag, int bits) throws AudioFormatException {
			Encoding encoding = switch (tag) {
				case FORMAT_PCM -> switch (bits) {
					case 8 -> Encoding.PCM_UNSIGNED_8;
					case 16 -> Encoding.PCM_SIGNED_16;
					case 24 -> Encoding.PCM_SIGNED_24;
					case 32 -> Encoding.PCM_SIGNED_32;
					default -> null;
				};
				case FORMAT_FLOAT -> switch (bits) {
					case 32 -> Encoding.FLOAT_32;
					case 64 -> Encoding.FLOAT_64;
					default -> null;
				};
				case FORMAT_ULAW -> (bits == 8) ? Encoding.ULAW : null;
				case FORMAT_ALAW -> (bits == 8) ? Encoding.ALAW : null;
				default -> throw new AudioFormatException(String.format(
						"The WAV file uses an unsupported encoding (format tag 0x%04X). Supported: PCM 8/16/24/32-bit, float 32/64-bit, µ-law, A-law.",
						tag));
			};
			if (encoding == null) {
				throw new AudioFormatException("The WAV file uses " + bits + "-bit samples, which its encoding"
						+ " does not allow. Supported: PCM 8/16/24/32-bit, float 32/64-bit, µ-law, A-law.");
			}
			return encoding;
		}

		WavFile locate(int dataOffset, int available) {
			int frameSize = this.channels * this.bytesPerSample;
			// a trailing partial frame is dropped rather than rejected
			int length = available - available % frameSize;
			return new WavFile(this.encoding, this.channels, this.sampleRate, this.bytesPerSample, dataOffset, length);
		}

	}

}
