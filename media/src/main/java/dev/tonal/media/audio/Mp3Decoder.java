package dev.tonal.media.audio;

import java.io.ByteArrayInputStream;

import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/**
 * Decodes MP3 (MPEG-1, 2 and 2.5, layer III; layers I and II too) with JLayer to mono
 * floats.
 *
 * <p>
 * Besides decoding, it gets the length right, which JLayer alone does not: it skips ID3v2
 * tags and an ID3v1 trailer, drops the silent Xing/Info/VBRI frame that encoders put
 * first, and trims the encoder delay and padding recorded in the LAME tag (plus the
 * standard 529-sample decoder delay) — otherwise a one-second file decodes some 50-100 ms
 * too long.
 */
final class Mp3Decoder {

	/** Delay of the MP3 synthesis filter bank, added by every decoder. */
	private static final int DECODER_DELAY = 529;

	/**
	 * How far after the tags we look for the first frame (some files start with junk).
	 */
	private static final int SYNC_SEARCH_LIMIT = 64 * 1024;

	private static final int ID3V1_LENGTH = 128;

	private Mp3Decoder() {
	}

	/**
	 * Finds the first MPEG audio frame: after any ID3v2 tags, a valid header followed by
	 * another one of the same stream exactly one frame later.
	 * @param data the file
	 * @return the offset of the first frame, or -1 when the data is not MPEG audio
	 */
	static int findFirstFrame(byte[] data) {
		int start = skipId3v2(data);
		int limit = Math.min(data.length - 4, start + SYNC_SEARCH_LIMIT);
		for (int offset = start; offset <= limit; offset++) {
			MpegFrameHeader header = MpegFrameHeader.parse(data, offset);
			if (header == null) {
				continue;
			}
			int next = offset + header.frameLength();
			if (next == data.length || header.sameStreamAs(MpegFrameHeader.parse(data, next))) {
				return offset;
			}
		}
		return -1;
	}

	/**
	 * Decodes the MP3 in {@code data} into {@code consumer}.
	 * @param data the file
	 * @param firstFrame offset of the first frame, from {@link #findFirstFrame}
	 * @param consumer receives the sample rate and the mono samples
	 * @return a description of the source format
	 * @throws AudioFormatException when the file is damaged or truncated
	 */
	static String decode(byte[] data, int firstFrame, PcmConsumer consumer) throws AudioFormatException {
		MpegFrameHeader first = MpegFrameHeader.parse(data, firstFrame);
		Gapless gapless = Gapless.read(data, firstFrame, first);
		int end = data.length;
		if (end - firstFrame > ID3V1_LENGTH && data[end - 128] == 'T' && data[end - 127] == 'A'
				&& data[end - 126] == 'G') {
			end -= ID3V1_LENGTH;
		}
		consumer.start(first.sampleRate());
		Bitstream bitstream = new Bitstream(new ByteArrayInputStream(data, firstFrame, end - firstFrame));
		Decoder decoder = new Decoder();
		long position = 0;
		long wantedEnd = (gapless.sampleCount() < 0) ? Long.MAX_VALUE : gapless.skip() + gapless.sampleCount();
		int frames = 0;
		float[] mono = new float[first.samplesPerFrame()];
		try {
			for (Header header = bitstream.readFrame(); header != null
					&& position < wantedEnd; header = bitstream.readFrame()) {
				frames++;
				if (frames == 1 && gapless.tagFrame()) {
					bitstream.closeFrame();
					continue;
				}
				SampleBuffer output = (SampleBuffer) decoder.decodeFrame(header, bitstream);
				bitstream.closeFrame();
				int channels = output.getChannelCount();
				int count = output.getBufferLength() / channels;
				if (mono.length < count) {
					mono = new float[count];
				}
				short[] pcm = output.getBuffer();
				int delivered = 0;
				for (int i = 0; i < count; i++, position++) {
					if (position < gapless.skip() || position >= wantedEnd) {
						continue;
					}
					float sum = 0;
					for (int c = 0; c < channels; c++) {
						sum += pcm[i * channels + c];
					}
					mono[delivered++] = sum / channels / 32768f;
				}
				consumer.accept(mono, delivered);
			}
		}
		catch (BitstreamException | DecoderException | RuntimeException ex) {
			// JLayer reports damaged frames with exceptions, some of them unchecked
			if (frames <= 1) {
				throw new AudioFormatException("The MP3 file is damaged and cannot be decoded.", ex);
			}
			// a damaged tail after good audio: keep what was decoded
		}
		int audioFrames = gapless.tagFrame() ? frames - 1 : frames;
		boolean samplesMissing = gapless.sampleCount() >= 0 && position < wantedEnd;
		boolean framesMissing = gapless.sampleCount() < 0 && audioFrames < gapless.frameCount();
		if (samplesMissing || framesMissing) {
			throw new AudioFormatException("The MP3 file is truncated: its header announces " + gapless.frameCount()
					+ " frames but fewer are present. Upload the complete file.");
		}
		return first.description();
	}

	private static int skipId3v2(byte[] data) {
		int offset = 0;
		// files may carry more than one tag, one after the other
		while (offset + 10 <= data.length && data[offset] == 'I' && data[offset + 1] == 'D'
				&& data[offset + 2] == '3') {
			int size = (data[offset + 6] & 0x7F) << 21 | (data[offset + 7] & 0x7F) << 14
					| (data[offset + 8] & 0x7F) << 7 | (data[offset + 9] & 0x7F);
			boolean footer = (data[offset + 5] & 0x10) != 0;
			offset += 10 + size + (footer ? 10 : 0);
		}
		return Math.min(offset, data.length);
	}

	/**
	 * What the first frame says about the stream's real length.
	 *
	 * @param tagFrame the first frame carries a Xing/Info/VBRI tag, not audio
	 * @param frameCount audio frames in the stream per the tag, or -1
	 * @param skip decoded samples to drop at the start
	 * @param sampleCount samples to keep after that, or -1 for all
	 */
	record Gapless(boolean tagFrame, int frameCount, int skip, long sampleCount) {

		private static final Gapless NONE = new Gapless(false, -1, 0, -1);

		private static final int XING_FRAMES = 0x1;

		private static final int XING_BYTES = 0x2;

		private static final int XING_TOC = 0x4;

		private static final int XING_QUALITY = 0x8;

		static Gapless read(byte[] data, int frameOffset, MpegFrameHeader header) {
			int tag = frameOffset + header.sideInfoOffset();
			if (hasTag(data, frameOffset + 36, "VBRI")) {
				return new Gapless(true, -1, 0, -1);
			}
			if (!hasTag(data, tag, "Xing") && !hasTag(data, tag, "Info")) {
				return NONE;
			}
			int flags = int32(data, tag + 4);
			int offset = tag + 8;
			int frameCount = -1;
			if ((flags & XING_FRAMES) != 0) {
				frameCount = int32(data, offset);
				offset += 4;
			}
			offset += ((flags & XING_BYTES) != 0) ? 4 : 0;
			offset += ((flags & XING_TOC) != 0) ? 100 : 0;
			offset += ((flags & XING_QUALITY) != 0) ? 4 : 0;
			// LAME tag: 9-byte encoder name, then 12 bytes of settings, then delay and
			// padding
			int delayOffset = offset + 21;
			if (frameCount <= 0 || delayOffset + 3 > frameOffset + header.frameLength()
					|| !isPrintable(data, offset, 4)) {
				return new Gapless(true, frameCount, 0, -1);
			}
			int delay = (data[delayOffset] & 0xFF) << 4 | (data[delayOffset + 1] & 0xFF) >> 4;
			int padding = (data[delayOffset + 1] & 0x0F) << 8 | (data[delayOffset + 2] & 0xFF);
			long total = (long) frameCount * header.samplesPerFrame() - delay - padding;
			if (total <= 0) {
				return new Gapless(true, frameCount, 0, -1);
			}
			return new Gapless(true, frameCount, delay + DECODER_DELAY, total);
		}

		private static boolean hasTag(byte[] data, int offset, String tag) {
			if (offset < 0 || offset + tag.length() > data.length) {
				return false;
			}
			for (int i = 0; i < tag.length(); i++) {
				if (data[offset + i] != tag.charAt(i)) {
					return false;
				}
			}
			return true;
		}

		private static boolean isPrintable(byte[] data, int offset, int length) {
			for (int i = offset; i < offset + length; i++) {
				if (i >= data.length || data[i] < 0x20 || data[i] >= 0x7F) {
					return false;
				}
			}
			return true;
		}

		private static int int32(byte[] data, int offset) {
			if (offset + 4 > data.length) {
				return -1;
			}
			return (data[offset] & 0xFF) << 24 | (data[offset + 1] & 0xFF) << 16 | (data[offset + 2] & 0xFF) << 8
					| (data[offset + 3] & 0xFF);
		}

	}

}
