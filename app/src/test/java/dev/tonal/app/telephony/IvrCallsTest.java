package dev.tonal.app.telephony;

import java.util.List;
import java.util.Map;

import dev.tonal.app.call.CallRecorder;
import dev.tonal.engine.TransferFailure;
import dev.tonal.media.audio.WavWriter;
import dev.tonal.media.rtp.RtpPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real calls run the IVR: a test phone calls the running server over loopback, listens to
 * what it plays, presses keys, and the stored history and trace say what happened
 * (semantics.md, the rule in each test's name).
 */
@Timeout(60)
class IvrCallsTest extends IvrCallTestSupport {

	/** A key press is reported by the server within this, so prompts stop within it. */
	private static final int BARGE_IN_MS = 100;

	@Test
	void rule12_callerHearsThePrompt() throws Exception {
		TestIvr ivr = newIvr();
		long sound = sound(ivr, HeardAudio.sweep(1000));
		rule(ivr, "start", Map.of("action", "play_sound", "sound", sound, "sound_type", "foreground"));
		rule(ivr, "start", Map.of("action", "hangup"));

		Call call = dial(ivr);
		call.sip().awaitByeFromServer();

		short[] heard = HeardAudio.samples(this.rtp.drain());
		assertThat(HeardAudio.correlation(heard, storedAudio(ivr, sound), 1600)).isGreaterThanOrEqualTo(0.9);
		JsonNode row = history(ivr);
		assertThat(row.get("end_reason").asString()).isEqualTo("hangup");
		assertThat(row.get("from_username").asString()).isEqualTo("+79001234567");
		assertThat(row.get("extension_id").asLong()).isEqualTo(ivr.extensionId());
		List<JsonNode> trace = trace(ivr);
		assertThat(ofType(trace, "sip").get(0).get("what").asString()).startsWith("INVITE from ")
			.contains("+79001234567", ivr.name());
		System.out.println("TRACE " + trace);
		assertThat(ofType(trace, "prompt_finished")).hasSize(1);
		assertThat(ofType(trace, "sip")).extracting((entry) -> entry.get("what").asString())
			.anyMatch((what) -> what.startsWith("BYE sent"));
	}

	@Test
	void rule11_backgroundPromptStopsWithin100msOfADigit() {
		TestIvr ivr = newIvr();
		long sound = sound(ivr, HeardAudio.sweep(4000));
		option(ivr, "1");
		rule(ivr, "start", Map.of("action", "play_sound", "sound", sound, "sound_type", "background"));
		rule(ivr, "1", Map.of("action", "hangup"));

		Call call = dial(ivr);
		this.rtp.awaitPackets(10);
		press(call, '1');
		call.sip().awaitByeFromServer();

		// Everything that arrived after the key was sent (and anything still queued
		// before it, which only makes this stricter): at most 100 ms of the prompt.
		List<RtpPacket> afterKey = HeardAudio.audioPackets(this.rtp.drain());
		assertThat(afterKey.size() * 20).as("ms of prompt heard after the key").isLessThanOrEqualTo(BARGE_IN_MS);
		List<JsonNode> trace = trace(ivr);
		assertThat(ofType(trace, "prompt_interrupted")).hasSize(1);
		JsonNode digit = ofType(trace, "digit").get(0);
		assertThat(digit.get("digit").asString()).isEqualTo("1");
		assertThat(digit.get("transport").asString()).isEqualTo("rfc4733");
		assertThat(ofType(trace, "context_entered")).extracting((entry) -> entry.get("option").asString())
			.containsExactly("start", "1");
	}

	@Test
	void rule11_foregroundPromptIgnoresDigits() {
		TestIvr ivr = newIvr();
		long sound = sound(ivr, HeardAudio.sweep(1000));
		configureContext(ivr, Map.of("timeout", 300));
		option(ivr, "1");
		rule(ivr, "start", Map.of("action", "play_sound", "sound", sound, "sound_type", "foreground"));
		rule(ivr, "1", Map.of("action", "hangup"));
		rule(ivr, "timeout", Map.of("action", "hangup"));

		Call call = dial(ivr);
		this.rtp.awaitPackets(10);
		press(call, '1');
		call.sip().awaitByeFromServer();

		// The whole second of the prompt was played: 50 packets of 20 ms.
		assertThat(HeardAudio.audioPackets(this.rtp.drain())).hasSizeGreaterThanOrEqualTo(50 - 10);
		List<JsonNode> trace = trace(ivr);
		assertThat(ofType(trace, "digit").get(0).get("used").asBoolean()).isFalse();
		assertThat(ofType(trace, "prompt_interrupted")).isEmpty();
		assertThat(ofType(trace, "context_entered")).extracting((entry) -> entry.get("option").asString())
			.containsExactly("start", "timeout");
	}

	@Test
	void rule08_noDigitRunsTheTimeoutOption() {
		TestIvr ivr = newIvr();
		configureContext(ivr, Map.of("timeout", 300));
		option(ivr, "1");
		rule(ivr, "start", Map.of("action", "play_silence", "silence_time", 100));
		rule(ivr, "timeout", Map.of("action", "hangup"));

		dial(ivr).sip().awaitByeFromServer();

		List<JsonNode> trace = trace(ivr);
		assertThat(ofType(trace, "timer_fired")).isNotEmpty();
		assertThat(ofType(trace, "context_entered")).extracting((entry) -> entry.get("option").asString())
			.containsExactly("start", "timeout");
		assertThat(history(ivr).get("end_reason").asString()).isEqualTo("hangup");
	}

	@Test
	void rule10_unknownDigitsRunTheInvalidOption() {
		TestIvr ivr = newIvr();
		configureContext(ivr, Map.of("digit_len", 1));
		option(ivr, "1");
		rule(ivr, "start", Map.of("action", "play_silence", "silence_time", 100));
		rule(ivr, "invalid", Map.of("action", "hangup"));

		Call call = dial(ivr);
		this.rtp.awaitPackets(5);
		press(call, '9');
		call.sip().awaitByeFromServer();

		List<JsonNode> trace = trace(ivr);
		assertThat(ofType(trace, "input_complete").get(0).get("digits").asString()).isEqualTo("9");
		assertThat(ofType(trace, "context_entered")).extracting((entry) -> entry.get("option").asString())
			.containsExactly("start", "invalid");
	}

	@Test
	void rule32_aKeySentAsRfc4733AndAsSipInfoIsUsedOnceAndTheTraceShowsBoth() {
		TestIvr ivr = newIvr();
		// Options 5 and 55: after one 5 the input waits for a second digit, so a press
		// counted twice would run option 55.
		configureContext(ivr, Map.of("digit_len", 2, "inter_digit_timeout", 1000));
		option(ivr, "5");
		option(ivr, "55");
		rule(ivr, "start", Map.of("action", "play_silence", "silence_time", 100));
		rule(ivr, "5", Map.of("action", "hangup"));
		rule(ivr, "55", Map.of("action", "hangup"));

		Call call = dial(ivr);
		this.rtp.awaitPackets(5);
		press(call, '5');
		assertThat(call.sip().sendDtmfInfo('5').status()).isEqualTo(200);
		call.sip().awaitByeFromServer();

		List<JsonNode> trace = trace(ivr);
		assertThat(ofType(trace, "digit"))
			.extracting((digit) -> digit.get("digit").asString() + " " + digit.get("transport").asString() + " "
					+ digit.path("duplicate").asBoolean(false))
			.containsExactlyInAnyOrder("5 rfc4733 false", "5 sip_info true");
		assertThat(ofType(trace, "input_complete").get(0).get("digits").asString()).isEqualTo("5");
		assertThat(ofType(trace, "context_entered")).extracting((entry) -> entry.get("option").asString())
			.containsExactly("start", "5");
	}

	@Test
	void rule18_hangupRuleSendsBye() {
		TestIvr ivr = newIvr();
		rule(ivr, "start", Map.of("action", "hangup"));

		dial(ivr).sip().awaitByeFromServer();

		JsonNode row = history(ivr);
		assertThat(row.get("end_reason").asString()).isEqualTo("hangup");
		assertThat(ofType(trace(ivr), "rule_started")).extracting((entry) -> entry.get("action").asString())
			.containsExactly("hangup");
	}

	@Test
	void rule28_lifetimeExpiryHangsUp() {
		TestIvr ivr = newIvr();
		configure(ivr, Map.of("lifetime", 1));
		rule(ivr, "start", Map.of("action", "play_silence", "silence_time", 600000));

		dial(ivr).sip().awaitByeFromServer();

		JsonNode row = history(ivr);
		assertThat(row.get("end_reason").asString()).isEqualTo("lifetime");
		assertThat(row.get("duration_ms").asLong()).isGreaterThanOrEqualTo(1000);
		assertThat(ofType(trace(ivr), "timer_fired")).extracting((entry) -> entry.get("timer").asString())
			.contains("lifetime");
	}

	@Test
	void rule30_callerHangsUpMidPrompt() {
		TestIvr ivr = newIvr();
		long sound = sound(ivr, HeardAudio.sweep(4000));
		rule(ivr, "start", Map.of("action", "play_sound", "sound", sound, "sound_type", "foreground"));
		rule(ivr, "start", Map.of("action", "hangup"));

		Call call = dial(ivr);
		this.rtp.awaitPackets(10);
		assertThat(call.sip().bye().status()).isEqualTo(200);

		JsonNode row = history(ivr);
		assertThat(row.get("end_reason").asString()).isEqualTo("caller_hangup");
		List<JsonNode> trace = trace(ivr);
		assertThat(ofType(trace, "sip")).extracting((entry) -> entry.get("what").asString())
			.contains("BYE received from the caller");
		assertThat(ofType(trace, "prompt_finished")).isEmpty();
		assertThat(ofType(trace, "rule_started")).extracting((entry) -> entry.get("action").asString())
			.containsExactly("play_sound");
	}

	@Test
	void rule16_transferWithNowhereToRingFallsThroughToTheNextRule() {
		TestIvr ivr = newIvr();
		rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "+79876543210"));
		rule(ivr, "start", Map.of("action", "hangup"));

		dial(ivr).sip().awaitByeFromServer();

		List<JsonNode> trace = trace(ivr);
		assertThat(ofType(trace, "transfer_failed").get(0).get("why").asString())
			.isEqualTo(TransferFailure.NO_ROUTE.wire());
		assertThat(history(ivr).get("end_reason").asString()).isEqualTo("hangup");
	}

	@Test
	void rule03_aSoundReplacedBetweenCallsIsWhatTheNextCallPlays() throws Exception {
		TestIvr ivr = newIvr();
		long sound = sound(ivr, HeardAudio.sweep(1000));
		rule(ivr, "start", Map.of("action", "play_sound", "sound", sound, "sound_type", "foreground"));
		rule(ivr, "start", Map.of("action", "hangup"));
		dial(ivr).sip().awaitByeFromServer();
		this.rtp.drain();

		short[] replacement = HeardAudio.sweep(1000);
		for (int i = 0; i < replacement.length / 2; i++) {
			short swap = replacement[i];
			replacement[i] = replacement[replacement.length - 1 - i];
			replacement[replacement.length - 1 - i] = swap;
		}
		Response replaced = upload("/client/@me/sound/" + sound, ivr.token(), "prompt", "falling.wav",
				WavWriter.write(replacement));
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		dial(ivr).sip().awaitByeFromServer();

		short[] heard = HeardAudio.samples(this.rtp.drain());
		assertThat(HeardAudio.correlation(heard, storedAudio(ivr, sound), 1600)).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void stoppingTheSipServerHangsUpCallsAndStoresTheirHistory() {
		assertThat(this.sip.getPhase()).as("SIP stops before the call recorder drains")
			.isGreaterThan(CallRecorder.PHASE);
		TestIvr ivr = newIvr();
		rule(ivr, "start", Map.of("action", "play_silence", "silence_time", 600000));
		Call call = dial(ivr);
		this.rtp.awaitPackets(3);
		try {
			this.sip.stop();
			call.sip().awaitByeFromServer();
		}
		finally {
			this.sip.start();
		}

		JsonNode row = history(ivr);
		assertThat(row.get("end_reason").asString()).isEqualTo("hangup");
		assertThat(ofType(trace(ivr), "sip")).extracting((entry) -> entry.get("what").asString())
			.contains("server stopping; BYE sent");
	}

	@Test
	void rule23_qualityRatingIsStored() {
		TestIvr ivr = newIvr();
		long sound = sound(ivr, HeardAudio.sweep(500));
		rule(ivr, "start", Map.of("action", "quality_rate", "sound", sound, "max_rate", 5));
		rule(ivr, "start", Map.of("action", "hangup"));

		Call call = dial(ivr);
		this.rtp.awaitPackets(25);
		press(call, '4');
		call.sip().awaitByeFromServer();

		String uuid = history(ivr).get("call_uuid").asString();
		Response ratings = get("/client/@me/quality_rate/", ivr.token());
		assertThat(ratings.status()).as(ratings.toString()).isEqualTo(200);
		assertThat(ratings.body()).hasSize(1);
		assertThat(ratings.body().get(0).get("rate").asInt()).isEqualTo(4);
		assertThat(ratings.body().get(0).get("max_rate").asInt()).isEqualTo(5);
		assertThat(ratings.body().get(0).get("call_uuid").asString()).isEqualTo(uuid);
	}

	@Test
	void rule01_unknownTargetIsNotFound() {
		var call = phone.call("999*999", this.sip.port(), dev.tonal.sip.testphone.Transport.UDP,
				dev.tonal.sip.testphone.Sdp.offer(this.rtp.port(), "PCMU"));
		assertThat(call.awaitFinal().status()).isEqualTo(404);
	}

	@Test
	void rule01_blockedExtensionIsForbidden() {
		TestIvr ivr = newIvr();
		Response blocked = put("/client/@me/extension/" + ivr.extensionId(), ivr.token(), Map.of("status", "blocked"));
		assertThat(blocked.status()).as(blocked.toString()).isEqualTo(200);
		var call = phone.call(ivr.name(), this.sip.port(), dev.tonal.sip.testphone.Transport.UDP,
				dev.tonal.sip.testphone.Sdp.offer(this.rtp.port(), "PCMU"));
		assertThat(call.awaitFinal().status()).isEqualTo(403);
	}

	@Test
	void rule01_didReachesItsIvr() {
		TestIvr ivr = newIvr();
		String number = "7495" + (System.nanoTime() % 10_000_000);
		Response did = post("/client/@me/did/", ivr.token(),
				Map.of("number", number, "extension_id", ivr.extensionId()));
		assertThat(did.status()).as(did.toString()).isEqualTo(201);
		rule(ivr, "start", Map.of("action", "hangup"));

		dial(number, "100").sip().awaitByeFromServer();

		assertThat(history(ivr).get("called_did").asString()).isEqualTo(number);
	}

}
