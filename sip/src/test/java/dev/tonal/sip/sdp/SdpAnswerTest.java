package dev.tonal.sip.sdp;

import java.util.OptionalInt;

import dev.tonal.media.codec.G711;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Offer/answer for G.711 (RFC 3264), as the SIP runtime uses it. */
class SdpAnswerTest {

	private static final String SIPP_OFFER = """
			v=0
			o=user1 53655765 2353687637 IN IP4 10.0.0.5
			s=-
			c=IN IP4 10.0.0.5
			t=0 0
			m=audio 6000 RTP/AVP 8 0 101
			a=rtpmap:8 PCMA/8000
			a=rtpmap:0 PCMU/8000
			a=rtpmap:101 telephone-event/8000
			a=fmtp:101 0-15
			""";

	private static SdpAnswer answer(String offer) {
		return SdpAnswer.negotiate(SdpOffer.parse(offer), "192.0.2.1", 20000, 42).orElseThrow();
	}

	@Test
	void firstG711OfTheOfferIsChosenWithTheOffersTelephoneEventType() {
		SdpAnswer answer = answer(SIPP_OFFER);

		assertThat(answer.codec()).isEqualTo(G711.Law.ALAW);
		assertThat(answer.payloadType()).isEqualTo(8);
		assertThat(answer.telephoneEvent()).isEqualTo(OptionalInt.of(101));
		assertThat(answer.toSdp()).isEqualTo("v=0\r\n" + "o=tonal 42 1 IN IP4 192.0.2.1\r\n" + "s=Tonal\r\n"
				+ "c=IN IP4 192.0.2.1\r\n" + "t=0 0\r\n" + "m=audio 20000 RTP/AVP 8 101\r\n"
				+ "a=rtpmap:8 PCMA/8000\r\n" + "a=rtpmap:101 telephone-event/8000\r\n" + "a=fmtp:101 0-15\r\n"
				+ "a=ptime:20\r\n" + "a=sendrecv\r\n");
	}

	@Test
	void staticPayloadTypesNeedNoRtpmap() {
		SdpAnswer answer = answer("v=0\r\nc=IN IP4 10.0.0.5\r\nm=audio 6000 RTP/AVP 18 0\r\n");

		assertThat(answer.codec()).isEqualTo(G711.Law.ULAW);
		assertThat(answer.telephoneEvent()).isEmpty();
		assertThat(answer.toSdp()).contains("m=audio 20000 RTP/AVP 0\r\n").doesNotContain("telephone-event");
	}

	@Test
	void dynamicPayloadTypeNamingG711IsAccepted() {
		SdpAnswer answer = answer("v=0\r\nc=IN IP4 10.0.0.5\r\nm=audio 6000 RTP/AVP 96\r\na=rtpmap:96 pcmu/8000\r\n");

		assertThat(answer.codec()).isEqualTo(G711.Law.ULAW);
		assertThat(answer.payloadType()).isEqualTo(96);
	}

	@Test
	void noG711MeansNoAnswer() {
		SdpOffer offer = SdpOffer.parse("v=0\r\nc=IN IP4 10.0.0.5\r\nm=audio 6000 RTP/AVP 18\r\n");

		assertThat(SdpAnswer.negotiate(offer, "192.0.2.1", 20000, 42)).isEmpty();
	}

	@Test
	void srtpOnlyMeansNoAnswer() {
		SdpOffer offer = SdpOffer.parse("v=0\r\nc=IN IP4 10.0.0.5\r\nm=audio 6000 RTP/SAVP 0\r\n");

		assertThat(SdpAnswer.negotiate(offer, "192.0.2.1", 20000, 42)).isEmpty();
	}

	@Test
	void otherStreamsAreRefusedWithPortZeroInTheirPlace() {
		SdpAnswer answer = answer("v=0\r\nc=IN IP4 10.0.0.5\r\nm=video 7000 RTP/AVP 96\r\n"
				+ "a=rtpmap:96 H264/90000\r\nm=audio 6000 RTP/AVP 0\r\n");

		assertThat(answer.toSdp()).contains("m=video 0 RTP/AVP 96\r\nm=audio 20000 RTP/AVP 0\r\n");
	}

	@Test
	void mediaLevelConnectionAndDirectionWinOverSessionLevel() {
		SdpOffer offer = SdpOffer.parse("v=0\r\nc=IN IP4 10.0.0.5\r\na=sendrecv\r\nm=audio 6000 RTP/AVP 0\r\n"
				+ "c=IN IP4 10.0.0.9\r\na=sendonly\r\n");

		MediaLine audio = offer.firstAudio().orElseThrow();
		assertThat(audio.rtpAddress().getHostString()).isEqualTo("10.0.0.9");
		assertThat(audio.direction()).isEqualTo(MediaDirection.SENDONLY);
		assertThat(SdpAnswer.negotiate(offer, "192.0.2.1", 20000, 42).orElseThrow().direction())
			.isEqualTo(MediaDirection.RECVONLY);
	}

	@Test
	void reAnswerKeepsTheCodecAndVersionWhenNothingChanged() {
		SdpAnswer first = answer(SIPP_OFFER);

		SdpAnswer again = first.answerAgain(SdpOffer.parse(SIPP_OFFER.replace("8 0 101", "0 8 101"))).orElseThrow();

		assertThat(again.toSdp()).isEqualTo(first.toSdp());
	}

	@Test
	void reAnswerToANewCallerAddressKeepsTheTextButFollowsTheAddress() {
		SdpAnswer first = answer(SIPP_OFFER);

		SdpAnswer moved = first.answerAgain(SdpOffer.parse(SIPP_OFFER.replace("6000", "6010"))).orElseThrow();

		assertThat(moved.toSdp()).isEqualTo(first.toSdp());
		assertThat(moved.offeredMedia().get(0).rtpAddress().getPort()).isEqualTo(6010);
	}

	@Test
	void reAnswerToHoldBumpsTheVersion() {
		SdpAnswer first = answer(SIPP_OFFER);

		SdpAnswer hold = first.answerAgain(SdpOffer.parse(SIPP_OFFER + "a=sendonly\n")).orElseThrow();

		assertThat(hold.direction()).isEqualTo(MediaDirection.RECVONLY);
		assertThat(hold.sessionVersion()).isEqualTo(2);
		assertThat(hold.toSdp()).contains("o=tonal 42 2 ");
	}

	@Test
	void offerWithoutMediaIsUnreadable() {
		assertThatThrownBy(() -> SdpOffer.parse("v=0\r\nc=IN IP4 10.0.0.5\r\n")).isInstanceOf(SdpException.class)
			.hasMessageContaining("no m= line");
	}

	@Test
	void offerWithoutConnectionIsUnreadable() {
		assertThatThrownBy(() -> SdpOffer.parse("v=0\r\nm=audio 6000 RTP/AVP 0\r\n")).isInstanceOf(SdpException.class)
			.hasMessageContaining("no c= line");
	}

}
