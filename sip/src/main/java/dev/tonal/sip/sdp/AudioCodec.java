package dev.tonal.sip.sdp;

import java.util.Locale;
import java.util.Optional;

/**
 * The audio codecs Tonal speaks: G.711 µ-law and A-law, 8 kHz, with their static payload
 * types.
 */
public enum AudioCodec {

	PCMU(0), PCMA(8);

	private final int staticPayloadType;

	AudioCodec(int staticPayloadType) {
		this.staticPayloadType = staticPayloadType;
	}

	/** The RFC 3551 payload type. */
	public int staticPayloadType() {
		return staticPayloadType;
	}

	/** The {@code a=rtpmap} encoding, e.g. {@code PCMU/8000}. */
	public String rtpmap() {
		return name() + "/8000";
	}

	/**
	 * The codec an offered format means: a static type 0/8 without an rtpmap, or any type
	 * whose rtpmap names PCMU/PCMA at 8000 Hz.
	 */
	static Optional<AudioCodec> of(int payloadType, String rtpmap) {
		if (rtpmap == null) {
			for (AudioCodec codec : values()) {
				if (codec.staticPayloadType == payloadType) {
					return Optional.of(codec);
				}
			}
			return Optional.empty();
		}
		String upper = rtpmap.toUpperCase(Locale.ROOT);
		for (AudioCodec codec : values()) {
			if (upper.equals(codec.rtpmap()) || upper.equals(codec.rtpmap() + "/1")) {
				return Optional.of(codec);
			}
		}
		return Optional.empty();
	}

}
