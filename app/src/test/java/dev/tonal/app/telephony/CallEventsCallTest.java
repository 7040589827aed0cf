package dev.tonal.app.telephony;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tonal.app.callevent.CallEventSender;
import dev.tonal.sip.testphone.Reply;
import dev.tonal.sip.testphone.TestDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Call events on real calls (api.md §9): a call to an IVR raises dial-in, answer and
 * hangup at a subscriber's URL, in order, with the fields CRMs read; a transfer to a
 * phone raises that phone's dial-out, answer and hangup; a subscriber that hangs or
 * answers 500 delays nothing and its failed events are counted.
 */
class CallEventsCallTest extends IvrCallTestSupport {

	private HttpServer receiver;

	/** What reached {@code /good}: the fields of each request, in arrival order. */
	private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger failing = new AtomicInteger();

	private final CountDownLatch releaseHanging = new CountDownLatch(1);

	@Autowired
	private CallEventSender sender;

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.setExecutor(Executors.newCachedThreadPool());
		this.receiver.createContext("/good", (exchange) -> {
			this.received.add(fields(exchange));
			answer(exchange, 200);
		});
		this.receiver.createContext("/failing", (exchange) -> {
			this.failing.incrementAndGet();
			answer(exchange, 500);
		});
		this.receiver.createContext("/hanging", (exchange) -> {
			try {
				this.releaseHanging.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			answer(exchange, 200);
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.releaseHanging.countDown();
		this.receiver.stop(0);
	}

	@Test
	void aCallRaisesDialInAnswerAndHangupInOrder_whileHangingAndFailingSubscribersDelayNothing() {
		TestIvr ivr = newIvr();
		rule(ivr, "start", Map.of("action", "play_silence", "silence_time", 300));
		rule(ivr, "start", Map.of("action", "hangup"));
		for (String type : List.of("dial-in", "answer", "hangup")) {
			subscribe(ivr, "/hanging", "POST", type);
			subscribe(ivr, "/failing", "POST", type);
		}
		subscribe(ivr, "/good", "POST", "dial-in");
		subscribe(ivr, "/good", "GET", "answer");
		subscribe(ivr, "/good", "POST", "hangup");
		long droppedBefore = this.sender.droppedEvents();
		Instant before = Instant.now();

		dial(ivr.name(), "+79001234567").sip().awaitByeFromServer();
		JsonNode call = history(ivr);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(this.received).hasSize(3));
		List<Map<String, String>> received = byEventTime();
		assertThat(received).extracting((event) -> event.get("EventType"))
			.containsExactly("dial-in", "answer", "hangup");
		Map<String, String> dialIn = received.get(0);
		assertThat(dialIn.keySet()).containsExactly("EventType", "CallID", "CallerIDNum", "CallerIDName", "CalledDID",
				"CalledExtension", "CalledExtensionID", "CalledNumber", "CallFlow", "CallStatus", "EventTime");
		assertThat(dialIn).containsEntry("CallID", call.get("call_uuid").asString())
			.containsEntry("CallerIDNum", "+79001234567")
			.containsEntry("CalledExtension", ivr.name())
			.containsEntry("CalledExtensionID", String.valueOf(ivr.extensionId()))
			.containsEntry("CalledNumber", ivr.name())
			.containsEntry("CallFlow", "in")
			.containsEntry("CallStatus", "CALLING");
		long micros = Long.parseLong(dialIn.get("EventTime"));
		assertThat(micros).isBetween(ChronoUnit.MICROS.between(Instant.EPOCH, before),
				ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
		assertThat(received.get(1)).containsEntry("CallStatus", "ANSWER").doesNotContainKey("Duration");
		Map<String, String> hangup = received.get(2);
		assertThat(hangup).containsEntry("CallStatus", "ANSWER").containsKey("Duration");
		assertThat(Long.parseLong(hangup.get("Duration"))).isEqualTo(call.get("duration").asLong());
		// Every event to /failing is tried 3 times, then counted as dropped.
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(this.failing.get()).isEqualTo(9);
			assertThat(this.sender.droppedEvents() - droppedBefore).isGreaterThanOrEqualTo(3);
		});
	}

	@Test
	void aTransferToAPhoneIsItsDialOutThenItsAnswerAndHangup() {
		TestIvr ivr = newIvr();
		rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "002"));
		for (String type : List.of("dial-out", "answer", "hangup")) {
			subscribe(ivr, "/good", "POST", type);
		}
		try (TestDevice phone002 = registeredPhone(ivr, "002")) {
			phone002.behave(TestDevice.Behaviour.RING);
			Call call = dial(ivr.name(), "+79001234567");
			phone002.awaitInvite();
			phone002.answer();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.received).extracting((event) -> event.get("CallStatus"))
					.contains("ANSWER", "ANSWER"));
			call.sip().bye();
			assertThat(phone002.awaitEnd()).isEqualTo("BYE");
			history(ivr);
		}
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(this.received).hasSize(5));
		List<Map<String, String>> received = byEventTime();
		List<String> flowOfEvents = received.stream()
			.map((event) -> event.get("EventType") + " " + event.get("CallFlow") + " " + event.get("CallStatus"))
			.toList();
		// The IVR's own answer first; then the leg; both hang up (in either order).
		assertThat(flowOfEvents.subList(0, 3)).containsExactly("answer in ANSWER", "dial-out transfer CALLING",
				"answer transfer ANSWER");
		assertThat(flowOfEvents.subList(3, 5)).containsExactlyInAnyOrder("hangup transfer ANSWER", "hangup in ANSWER");
		Map<String, String> dialOut = received.get(1);
		assertThat(dialOut.get("CalledNumber")).endsWith("002");
		assertThat(dialOut).containsEntry("CallerIDNum", "+79001234567");
		JsonNode cdr = history(ivr).get("cdr");
		assertThat(cdr.findValuesAsString("extension_type")).containsExactly("ivr", "phone");
		assertThat(cdr.get(1).get("result").asString()).isEqualTo("answered");
		assertThat(history(ivr).get("result").asString()).isEqualTo("bridged");
	}

	/**
	 * What reached {@code /good}, in the order the events happened: each subscription
	 * gets its events in order, but different subscriptions are sent to in parallel.
	 */
	private List<Map<String, String>> byEventTime() {
		return this.received.stream()
			.sorted(Comparator.comparingLong((event) -> Long.parseLong(event.get("EventTime"))))
			.toList();
	}

	private void subscribe(TestIvr ivr, String path, String method, String type) {
		Response created = post("/extension/" + ivr.extensionId() + "/event/", ivr.token(),
				Map.of("url", "http://127.0.0.1:" + this.receiver.getAddress().getPort() + path, "method", method,
						"event_type", type));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	/** A phone extension of the IVR's client with one device registered. */
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

	/** The request's fields: the form body of a POST, the query string of a GET. */
	private static Map<String, String> fields(HttpExchange exchange) throws IOException {
		String encoded = "GET".equals(exchange.getRequestMethod()) ? exchange.getRequestURI().getRawQuery()
				: new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return fields;
	}

	private static void answer(HttpExchange exchange, int status) throws IOException {
		exchange.getRequestBody().readAllBytes();
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

}
