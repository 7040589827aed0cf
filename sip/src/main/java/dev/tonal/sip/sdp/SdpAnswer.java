package dev.tonal.sip.sdp;

import dev.tonal.media.codec.G711;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Our SDP answer to a caller's offer: one audio stream with PCMU or PCMA (the first the
 * offer lists) plus telephone-event when offered, in the offer's payload types; every
 * other stream is refused with port 0 as RFC 3264 requires.
 *
 * @param address our RTP address ({@code c=})
 * @param port our RTP port
 * @param codec the chosen G.711 variant
 * @param payloadType the payload type of {@code codec} in the offer
 * @param telephoneEvent the offer's telephone-event payload type, if it offered one
 * @param direction our direction (the complement of the offer's)
 * @param sessionId {@code o=} session id, fixed for the call
 * @param sessionVersion {@code o=} version, incremented when the answer changes
 * @param offeredMedia the offer's m= sections, so the answer can mirror them
 * @param audioIndex which of them we answer
 */
public record SdpAnswer(String address, int port, G711.Law codec, int payloadType, OptionalInt telephoneEvent,
		MediaDirection direction, long sessionId, long sessionVersion, List<MediaLine> offeredMedia, int audioIndex) {

	public SdpAnswer {
		offeredMedia = List.copyOf(offeredMedia);
	}

	/**
	 * Answers an initial offer.
	 * @return the answer, or empty when the offer has no plain-RTP audio stream with
	 * G.711 (488)
	 */
	public static Optional<SdpAnswer> negotiate(SdpOffer offer, String address, int port, long sessionId) {
		return answer(offer, address, port, sessionId, 1, null);
	}

	/**
	 * Answers a later offer in the same call (re-INVITE): keeps our address and, when
	 * still offered, the codec; bumps the version only if the answer changed.
	 * @return the answer, or empty when the new offer no longer allows G.711
	 */
	public Optional<SdpAnswer> answerAgain(SdpOffer offer) {
		return answer(offer, this.address, this.port, this.sessionId, this.sessionVersion, this.codec)
			.map((next) -> next
				.withVersion(next.toSdp().equals(toSdp()) ? this.sessionVersion : this.sessionVersion + 1));
	}

	private static Optional<SdpAnswer> answer(SdpOffer offer, String address, int port, long sessionId, long version,
			G711.Law preferred) {
		List<MediaLine> media = offer.media();
		for (int i = 0; i < media.size(); i++) {
			MediaLine line = media.get(i);
			if (!line.type().equals("audio") || line.port() == 0 || !line.isPlainRtp()) {
				continue;
			}
			Optional<Integer> chosen = chooseCodec(line, preferred);
			if (chosen.isPresent()) {
				int pt = chosen.get();
				G711.Law codec = lawOf(pt, line.rtpmaps().get(pt)).orElseThrow();
				return Optional.of(new SdpAnswer(address, port, codec, pt, telephoneEvent(line),
						line.direction().answer(), sessionId, version, media, i));
			}
		}
		return Optional.empty();
	}

	private static Optional<Integer> chooseCodec(MediaLine line, G711.Law preferred) {
		Optional<Integer> first = Optional.empty();
		for (String format : line.formats()) {
			Integer pt = payloadType(format);
			if (pt == null) {
				continue;
			}
			Optional<G711.Law> codec = lawOf(pt, line.rtpmaps().get(pt));
			if (codec.isPresent() && codec.get() == preferred) {
				return Optional.of(pt);
			}
			if (codec.isPresent() && first.isEmpty()) {
				first = Optional.of(pt);
			}
		}
		return first;
	}

	/**
	 * The G.711 law an offered format means: static type 0/8 without an rtpmap, or any
	 * type whose rtpmap names PCMU/PCMA at 8000 Hz.
	 */
	private static Optional<G711.Law> lawOf(int payloadType, String rtpmap) {
		for (G711.Law law : G711.Law.values()) {
			if (rtpmap == null && law.payloadType() == payloadType) {
				return Optional.of(law);
			}
			String name = law.encodingName() + "/8000";
			if (rtpmap != null && (rtpmap.equalsIgnoreCase(name) || rtpmap.equalsIgnoreCase(name + "/1"))) {
				return Optional.of(law);
			}
		}
		return Optional.empty();
	}

	private static OptionalInt telephoneEvent(MediaLine line) {
		for (String format : line.formats()) {
			Integer pt = payloadType(format);
			String rtpmap = (pt != null) ? line.rtpmaps().get(pt) : null;
			if (rtpmap != null && rtpmap.toLowerCase(Locale.ROOT).startsWith("telephone-event/8000")) {
				return OptionalInt.of(pt);
			}
		}
		return OptionalInt.empty();
	}

	private static Integer payloadType(String format) {
		try {
			return Integer.valueOf(format);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private SdpAnswer withVersion(long version) {
		return new SdpAnswer(this.address, this.port, this.codec, this.payloadType, this.telephoneEvent, this.direction,
				this.sessionId, version, this.offeredMedia, this.audioIndex);
	}

	/** The SDP text, with CRLF line ends. */
	public String toSdp() {
		String ipVersion = this.address.contains(":") ? "IP6" : "IP4";
		StringBuilder sdp = new StringBuilder();
		sdp.append("v=0\r\n");
		sdp.append("o=tonal ").append(this.sessionId).append(' ').append(this.sessionVersion);
		sdp.append(" IN ").append(ipVersion).append(' ').append(this.address).append("\r\n");
		sdp.append("s=Tonal\r\n");
		sdp.append("c=IN ").append(ipVersion).append(' ').append(this.address).append("\r\n");
		sdp.append("t=0 0\r\n");
		for (int i = 0; i < this.offeredMedia.size(); i++) {
			MediaLine line = this.offeredMedia.get(i);
			if (i != this.audioIndex) {
				// RFC 3264 §6: a refused stream keeps its place with port 0.
				sdp.append("m=").append(line.type()).append(" 0 ").append(line.protocol()).append(' ');
				sdp.append(line.formats().get(0)).append("\r\n");
				continue;
			}
			sdp.append("m=audio ").append(this.port).append(' ').append(line.protocol()).append(' ');
			sdp.append(this.payloadType);
			this.telephoneEvent.ifPresent((pt) -> sdp.append(' ').append(pt));
			sdp.append("\r\n");
			sdp.append("a=rtpmap:")
				.append(this.payloadType)
				.append(' ')
				.append(this.codec.encodingName())
				.append("/8000")
				.append("\r\n");
			this.telephoneEvent.ifPresent((pt) -> {
				sdp.append("a=rtpmap:").append(pt).append(" telephone-event/8000\r\n");
				sdp.append("a=fmtp:").append(pt).append(" 0-15\r\n");
			});
			sdp.append("a=ptime:20\r\n");
			sdp.append("a=").append(this.direction.attribute()).append("\r\n");
		}
		return sdp.toString();
	}

}
