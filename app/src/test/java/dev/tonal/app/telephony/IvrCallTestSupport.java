package dev.tonal.app.telephony;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.tonal.app.support.ApiTestSupport;
import dev.tonal.media.audio.WavReader;
import dev.tonal.media.audio.WavWriter;
import dev.tonal.sip.testphone.PhoneCall;
import dev.tonal.sip.testphone.PhoneRtp;
import dev.tonal.sip.testphone.Reply;
import dev.tonal.sip.testphone.Sdp;
import dev.tonal.sip.testphone.TestPhone;
import dev.tonal.sip.testphone.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the end-to-end call tests: the whole application with its SIP server on a free
 * loopback port, a {@link TestPhone} that calls it, and helpers to build an IVR over the
 * API and read the stored call history back.
 */
abstract class IvrCallTestSupport extends ApiTestSupport {

	/** RFC 4733 payload type the phone offers (and the server echoes). */
	static final int TELEPHONE_EVENT = 101;

	static TestPhone phone;

	@Autowired
	SipRuntime sip;

	PhoneRtp rtp;

	/** An IVR extension of a fresh client, with one context as its entry context. */
	record TestIvr(TestClient client, long extensionId, String name, long contextId) {

		String token() {
			return this.client.token();
		}

		String rules(String option) {
			return "/extension/" + this.extensionId + "/ivr/context/" + this.contextId + "/options/" + option
					+ "/rules/";
		}

	}

	/** A call the phone placed and the server answered. */
	record Call(PhoneCall sip, InetSocketAddress serverRtp) {
	}

	@BeforeAll
	static void startPhone() {
		phone = TestPhone.start();
	}

	@AfterAll
	static void stopPhone() {
		phone.close();
	}

	@BeforeEach
	void openRtp() {
		this.rtp = PhoneRtp.open();
	}

	@AfterEach
	void closeRtp() {
		this.rtp.close();
	}

	TestIvr newIvr() {
		TestClient client = newClient();
		Response extension = post("/client/@me/extension/", client.token(), Map.of("name", "071", "type", "ivr"));
		assertThat(extension.status()).as(extension.toString()).isEqualTo(201);
		long eid = extension.body().get("id").asLong();
		Response context = post("/extension/" + eid + "/ivr/context/", client.token(), Map.of("name", "main"));
		assertThat(context.status()).as(context.toString()).isEqualTo(201);
		long contextId = context.body().get("id").asLong();
		TestIvr ivr = new TestIvr(client, eid, extension.body().get("name").asString(), contextId);
		configure(ivr, Map.of("entry_context", contextId));
		return ivr;
	}

	/** PUT (partial) on the IVR's settings. */
	void configure(TestIvr ivr, Map<String, Object> settings) {
		Response updated = put("/extension/" + ivr.extensionId() + "/ivr/", ivr.token(), settings);
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
	}

	/** PUT (partial) on the entry context. */
	void configureContext(TestIvr ivr, Map<String, Object> settings) {
		Response updated = put("/extension/" + ivr.extensionId() + "/ivr/context/" + ivr.contextId() + "/", ivr.token(),
				settings);
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
	}

	void option(TestIvr ivr, String digits) {
		Response created = post("/extension/" + ivr.extensionId() + "/ivr/context/" + ivr.contextId() + "/options/",
				ivr.token(), Map.of("digits", digits));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	long rule(TestIvr ivr, String option, Map<String, Object> rule) {
		Response created = post(ivr.rules(option), ivr.token(), rule);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.body().get("id").asLong();
	}

	/** Uploads audio as a sound of the IVR's client. */
	long sound(TestIvr ivr, short[] samples) {
		Response created = upload("/client/@me/sound/", ivr.token(), "prompt", "prompt.wav", WavWriter.write(samples));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.body().get("id").asLong();
	}

	/** The normalised audio the server stored for a sound (what calls play). */
	short[] storedAudio(TestIvr ivr, long soundId) throws Exception {
		Response file = get("/client/@me/sound/" + soundId + "/file", ivr.token());
		assertThat(file.status()).isEqualTo(200);
		return WavReader.read(file.bytes());
	}

	/** Calls the IVR by its full name and waits until the call is up. */
	Call dial(TestIvr ivr) {
		return dial(ivr.name(), "+79001234567");
	}

	Call dial(String user, String callerNumber) {
		PhoneCall call = phone.call(user, this.sip.port(), Transport.UDP, callerNumber,
				Sdp.offer(this.rtp.port(), "PCMU", "telephone-event"));
		Reply ok = call.awaitAnswerAndAck();
		assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
		return new Call(call, Sdp.mediaAddress(ok.body()));
	}

	/** Presses a key on the call (RFC 4733). */
	void press(Call call, char key) {
		this.rtp.sendKey(key, TELEPHONE_EVENT, call.serverRtp());
	}

	/**
	 * The one call in the client's history, once the recorder has stored it (history is
	 * written asynchronously after the call ends).
	 */
	JsonNode history(TestIvr ivr) {
		AtomicReference<JsonNode> row = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Response list = get("/client/@me/call_history/", ivr.token());
			assertThat(list.status()).as(list.toString()).isEqualTo(200);
			assertThat(list.body().get("call_history")).hasSize(1);
			row.set(list.body().get("call_history").get(0));
		});
		return row.get();
	}

	/** The stored trace of the client's one call. */
	List<JsonNode> trace(TestIvr ivr) {
		String uuid = history(ivr).get("call_uuid").asString();
		Response trace = get("/client/@me/call_history/" + uuid + "/trace", ivr.token());
		assertThat(trace.status()).as(trace.toString()).isEqualTo(200);
		List<JsonNode> entries = new ArrayList<>();
		trace.body().forEach(entries::add);
		return entries;
	}

	/** The entries of one type, e.g. {@code "prompt_interrupted"}. */
	static List<JsonNode> ofType(List<JsonNode> trace, String type) {
		return trace.stream().filter((entry) -> type.equals(entry.get("type").asString())).toList();
	}

}
