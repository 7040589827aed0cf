package dev.tonal.app.telephony;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.tonal.engine.TransferFailure;
import dev.tonal.media.codec.G711;
import dev.tonal.media.rtp.RtpPacket;
import dev.tonal.sip.b2bua.AudioSignals;
import dev.tonal.sip.testphone.Reply;
import dev.tonal.sip.testphone.TestDevice;
import dev.tonal.sip.testphone.TestDevice.Behaviour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transfers on real calls over loopback (semantics rules 16, 21, 23; issue "Transfers,
 * phones and trunks", item 5): the test phone calls an IVR like the seed's (1 = an
 * external number through the trunk, 2 = phone 002), phones 002 and 050 are test devices
 * registered with the server's registrar, and the trunk is a test device acting as UAS.
 */
@Timeout(120)
class TransferCallsTest extends IvrCallTestSupport {

	private static final String CALLER = "+79001234567";

	/** Plays the operator's gateway: every external number reaches it. */
	private static final TestDevice trunk = TestDevice.start("trunk", "unused");

	@DynamicPropertySource
	static void trunkUri(DynamicPropertyRegistry registry) {
		registry.add("tonal.trunk.uri", () -> "sip:{number}@127.0.0.1:" + trunk.port());
	}

	@AfterAll
	static void stopTrunk() {
		trunk.close();
	}

	@Test
	void rule16_key2RingsPhone002_whichAnswers_andBothHearEachOther() {
		TestIvr ivr = seedLikeIvr();
		try (TestDevice phone002 = registeredPhone(ivr, "002")) {
			Call call = dial(ivr);
			this.rtp.awaitPackets(3); // the menu has started: keys count from now on
			press(call, '2');

			TestDevice.Invite invite = phone002.awaitInvite();
			assertThat(invite.fromUser()).isEqualTo(CALLER);
			awaitBridged(call, phone002);

			short[] callerSays = AudioSignals.chirp(8000, 300, 3000, 8);
			short[] calleeSays = AudioSignals.chirp(8000, 2800, 400, 8);
			this.rtp.drain();
			phone002.rtp().drain();
			this.rtp.sendAudio(callerSays, G711.Law.ULAW, call.serverRtp());
			phone002.rtp().sendAudio(calleeSays, G711.Law.ULAW, phone002.tonalRtp());
			List<RtpPacket> heardByCallee = phone002.rtp().awaitPackets(callerSays.length / 160);
			List<RtpPacket> heardByCaller = this.rtp.awaitPackets(calleeSays.length / 160);
			assertThat(AudioSignals.correlation(callerSays, AudioSignals.decode(heardByCallee, G711.Law.ULAW)))
				.isGreaterThanOrEqualTo(0.9);
			assertThat(AudioSignals.correlation(calleeSays, AudioSignals.decode(heardByCaller, G711.Law.ULAW)))
				.isGreaterThanOrEqualTo(0.9);

			call.sip().bye();
			assertThat(phone002.awaitEnd()).isEqualTo("BYE");
			assertThat(history(ivr).get("end_reason").asString()).isEqualTo("transferred");
		}
	}

	@Test
	void rule16_key1GoesOutThroughTheTrunk_presentingTheCaller() {
		TestIvr ivr = seedLikeIvr();
		trunk.clearHistory();
		trunk.behave(Behaviour.BUSY);

		Call call = dial(ivr);
		this.rtp.awaitPackets(3);
		press(call, '1');

		TestDevice.Invite invite = trunk.awaitInvite();
		assertThat(invite.requestUri()).startsWith("sip:+7987654321@127.0.0.1:" + trunk.port());
		assertThat(invite.fromUser()).isEqualTo(CALLER);
		call.sip().awaitByeFromServer();
		assertThat(ofType(trace(ivr), "transfer_failed").get(0).get("why").asString())
			.isEqualTo(TransferFailure.BUSY.wire());
	}

	@Test
	void rule21_setCallerIdChangesWhatTheTrunkSees() {
		TestIvr ivr = newIvr();
		rule(ivr, "start", Map.of("action", "set_caller_id_number", "caller_id_number", "+74950000001"));
		rule(ivr, "start", Map.of("action", "set_caller_id_name", "caller_id_name", "Tonal sales"));
		rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "+7987654321"));
		rule(ivr, "start", Map.of("action", "hangup"));
		trunk.clearHistory();
		trunk.behave(Behaviour.BUSY);

		Call call = dial(ivr);

		TestDevice.Invite invite = trunk.awaitInvite();
		assertThat(invite.fromUser()).isEqualTo("+74950000001");
		assertThat(invite.fromDisplayName()).isEqualTo("Tonal sales");
		call.sip().awaitByeFromServer();
	}

	@Test
	void rule16_busyPhone002_letsTheNextRuleRun() {
		TestIvr ivr = newIvr();
		rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "002"));
		rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "050"));
		try (TestDevice phone002 = registeredPhone(ivr, "002"); TestDevice phone050 = registeredPhone(ivr, "050")) {
			phone002.behave(Behaviour.BUSY);

			Call call = dial(ivr);

			phone002.awaitInvite();
			phone050.awaitInvite();
			call.sip().bye();
			assertThat(phone050.awaitEnd()).isEqualTo("BYE");
			assertThat(ofType(trace(ivr), "transfer_failed").get(0).get("why").asString())
				.isEqualTo(TransferFailure.BUSY.wire());
		}
	}

	@Test
	void rule16_twoDestinationsAtOnce_theSecondAnswers_theFirstGetsCancel() {
		TestIvr ivr = newIvr();
		rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "002 050"));
		try (TestDevice phone002 = registeredPhone(ivr, "002"); TestDevice phone050 = registeredPhone(ivr, "050")) {
			phone002.behave(Behaviour.RING);
			phone050.behave(Behaviour.RING);

			Call call = dial(ivr);
			phone002.awaitInvite();
			phone050.awaitInvite();
			phone050.answer();

			assertThat(phone002.awaitEnd()).isEqualTo("CANCEL");
			call.sip().bye();
			assertThat(phone050.awaitEnd()).isEqualTo("BYE");
			assertThat(history(ivr).get("transferred_to").asString()).isEqualTo("050");
		}
	}

	@Test
	void rule16_theCallerHangingUpWhileRinging_cancelsEveryLeg() {
		TestIvr ivr = newIvr();
		rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "002 050"));
		try (TestDevice phone002 = registeredPhone(ivr, "002"); TestDevice phone050 = registeredPhone(ivr, "050")) {
			phone002.behave(Behaviour.RING);
			phone050.behave(Behaviour.RING);

			Call call = dial(ivr);
			phone002.awaitInvite();
			phone050.awaitInvite();
			call.sip().bye();

			assertThat(phone002.awaitEnd()).isEqualTo("CANCEL");
			assertThat(phone050.awaitEnd()).isEqualTo("CANCEL");
			assertThat(history(ivr).get("end_reason").asString()).isEqualTo("caller_hangup");
		}
	}

	@Test
	void rule16_calleeHangingUpFirst_takesTheCallerToTheQualityRating() {
		TestIvr ivr = newIvr();
		long prompt = sound(ivr, HeardAudio.sweep(500));
		rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "002"));
		rule(ivr, "start", Map.of("action", "quality_rate", "sound", prompt, "max_rate", 5));
		rule(ivr, "start", Map.of("action", "hangup"));
		try (TestDevice phone002 = registeredPhone(ivr, "002")) {
			Call call = dial(ivr);
			phone002.awaitInvite();
			awaitBridged(call, phone002);

			this.rtp.drain();
			phone002.hangUp();
			this.rtp.awaitPackets(25); // the rating prompt
			press(call, '4');
			call.sip().awaitByeFromServer();

			history(ivr); // stored with the call's history, asynchronously after it ends
			Response ratings = get("/client/@me/quality_rate/", ivr.token());
			assertThat(ratings.body()).hasSize(1);
			assertThat(ratings.body().get(0).get("rate").asInt()).isEqualTo(4);
		}
	}

	@Test
	void rule01_aRegisteredPhoneDialsAnotherByItsBareName_andTheyAreBridged() {
		TestIvr ivr = newIvr();
		try (TestDevice phone050 = registeredPhone(ivr, "050"); TestDevice phone002 = registeredPhone(ivr, "002")) {
			Reply answered = phone050.call("002", this.sip.port());

			assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
			assertThat(phone002.awaitInvite().fromUser()).isEqualTo(ivr.client().prefix() + "*050");
			short[] beep = AudioSignals.chirp(4000, 1000, 1000, 1);
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
				phone050.rtp().sendAudio(beep, G711.Law.ULAW, phone050.tonalRtp());
				return !phone002.rtp().drain().isEmpty();
			});
			phone050.hangUp();
			assertThat(phone002.awaitEnd()).isEqualTo("BYE");
		}
	}

	@Test
	void rule02_aRegisteredPhoneReachesAnIvrByItsBareName_whichIsThenTheCalledDid() {
		TestIvr ivr = newIvr();
		// called_did is shown to the trunk as the caller id: where else could a test see
		// it
		rule(ivr, "start", Map.of("action", "set_caller_id_number", "caller_id_number", "${called_did}"));
		rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "+7987654321"));
		rule(ivr, "start", Map.of("action", "hangup"));
		trunk.clearHistory();
		trunk.behave(Behaviour.BUSY);
		try (TestDevice phone050 = registeredPhone(ivr, "050")) {
			Reply answered = phone050.call("071", this.sip.port());

			assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
			assertThat(trunk.awaitInvite().fromUser()).isEqualTo("071");
			assertThat(phone050.awaitEnd()).isEqualTo("BYE");
		}
		// The history stores what the variable held.
		assertThat(history(ivr).get("called_did").asString()).isEqualTo("071");
	}

	@Test
	void rule01_aPhoneWithoutTheRightPassword_cannotCall() {
		TestIvr ivr = newIvr();
		Response created = post("/client/@me/extension/", ivr.token(),
				Map.of("name", "050", "type", "phone", "password", "the-right-password"));
		try (TestDevice impostor = TestDevice.start(created.body().get("name").asString(), "a-wrong-password")) {
			assertThat(impostor.call("071", this.sip.port()).status()).isEqualTo(407);
		}
	}

	@Test
	void rule16_anIvrDestinationRunsOnTheSameCall_asACallOfItsOwn() {
		TestIvr ivr = newIvr();
		Response second = post("/client/@me/extension/", ivr.token(), Map.of("name", "072", "type", "ivr"));
		long secondId = second.body().get("id").asLong();
		long secondContext = post("/extension/" + secondId + "/ivr/context/", ivr.token(), Map.of("name", "main"))
			.body()
			.get("id")
			.asLong();
		put("/extension/" + secondId + "/ivr/", ivr.token(), Map.of("entry_context", secondContext));
		post("/extension/" + secondId + "/ivr/context/" + secondContext + "/options/start/rules/", ivr.token(),
				Map.of("action", "hangup"));
		rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "072"));

		dial(ivr).sip().awaitByeFromServer();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var calls = get("/client/@me/call_history/", ivr.token()).body().get("call_history");
			assertThat(calls).hasSize(2);
			var byExtension = new java.util.HashMap<Long, String>();
			calls.forEach((row) -> byExtension.put(row.get("extension_id").asLong(),
					row.get("end_reason").asString() + " " + row.get("called_did").asString()));
			// Reached from inside the system: the second IVR's called_did is its bare
			// name.
			assertThat(byExtension).containsEntry(ivr.extensionId(), "transferred 071")
				.containsEntry(secondId, "hangup 072");
		});
	}

	// ---- helpers

	/** The seed's menu in short: 1 = an external number, 2 = phone 002. */
	private TestIvr seedLikeIvr() {
		TestIvr ivr = newIvr();
		configureContext(ivr, Map.of("digit_len", 1, "timeout", 10000));
		option(ivr, "1");
		option(ivr, "2");
		rule(ivr, "start", Map.of("action", "play_silence", "silence_time", 100));
		rule(ivr, "1", Map.of("action", "transfer", "transfer_dst", "+7987654321"));
		rule(ivr, "1", Map.of("action", "hangup"));
		rule(ivr, "2", Map.of("action", "transfer", "transfer_dst", "002"));
		rule(ivr, "2", Map.of("action", "hangup"));
		return ivr;
	}

	/** A phone extension of the IVR's client with one device registered (answers). */
	private TestDevice registeredPhone(TestIvr ivr, String name) {
		String password = "password-of-" + name;
		Response created = post("/client/@me/extension/", ivr.token(),
				Map.of("name", name, "type", "phone", "password", password));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		TestDevice device = TestDevice.start(created.body().get("name").asString(), password);
		Reply registered = device.register(this.sip.port(), 300);
		assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
		return device;
	}

	/** Waits until audio from the caller reaches the callee: the bridge is up. */
	private void awaitBridged(Call call, TestDevice callee) {
		short[] beep = AudioSignals.chirp(4000, 1000, 1000, 1);
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
			this.rtp.sendAudio(beep, G711.Law.ULAW, call.serverRtp());
			return !callee.rtp().drain().isEmpty();
		});
	}

}
