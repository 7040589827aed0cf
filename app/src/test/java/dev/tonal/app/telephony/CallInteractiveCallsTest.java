package dev.tonal.app.telephony;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call Interactive on real calls (semantics.md §5): the server asks a real local web
 * server what to do, and the reply steers the call.
 */
@Timeout(60)
class CallInteractiveCallsTest extends IvrCallTestSupport {

	private HttpServer web;

	/** Released at the end of each test, so a "slow" handler never outlives it. */
	private final CountDownLatch testOver = new CountDownLatch(1);

	@BeforeEach
	void startWebServer() throws IOException {
		this.web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.web.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.web.createContext("/choose",
				(exchange) -> reply(exchange, "<Response><SetVar name=\"choice\">bye</SetVar></Response>"));
		this.web.createContext("/slow", (exchange) -> {
			try {
				this.testOver.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			reply(exchange, "<Response><SetVar name=\"choice\">late</SetVar></Response>");
		});
		this.web.createContext("/speak", (exchange) -> reply(exchange,
				"<Response><TextToSpeech voice=\"en\">Hello, caller</TextToSpeech></Response>"));
		this.web.start();
	}

	@AfterEach
	void stopWebServer() {
		this.testOver.countDown();
		this.web.stop(0);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.web.getAddress().getPort() + path;
	}

	private static void reply(HttpExchange exchange, String xml) throws IOException {
		byte[] body = xml.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/xml");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	@Test
	void rule26_setVarFromTheReplyChoosesALaterRule() {
		TestIvr ivr = newIvr();
		long sound = sound(ivr, HeardAudio.sweep(3000));
		rule(ivr, "start", Map.of("action", "call_interactive", "call_interactive_url", url("/choose"),
				"call_interactive_method", "GET"));
		long play = rule(ivr, "start", Map.of("action", "play_sound", "sound", sound, "sound_type", "foreground",
				"match_variable_name", "choice", "match_variable_value", "play"));
		long hangup = rule(ivr, "start",
				Map.of("action", "hangup", "match_variable_name", "choice", "match_variable_value", "bye"));

		dial(ivr).sip().awaitByeFromServer();

		List<JsonNode> trace = trace(ivr);
		assertThat(ofType(trace, "http_response").get(0).get("status").asInt()).isEqualTo(200);
		assertThat(ofType(trace, "variable_set"))
			.extracting((entry) -> entry.get("name").asString() + "=" + entry.get("value").asString())
			.containsExactly("choice=bye");
		assertThat(ofType(trace, "rule_skipped").get(0).get("rule").asLong()).isEqualTo(play);
		assertThat(ofType(trace, "rule_started")).extracting((entry) -> entry.get("rule").asLong()).contains(hangup);
		assertThat(HeardAudio.audioPackets(this.rtp.drain())).isEmpty();
		assertThat(history(ivr).get("end_reason").asString()).isEqualTo("hangup");
	}

	@Test
	void rule26_textToSpeechIsSpokenToTheCaller() {
		TestIvr ivr = newIvr();
		rule(ivr, "start", Map.of("action", "call_interactive", "call_interactive_url", url("/speak"),
				"call_interactive_method", "GET"));
		rule(ivr, "start", Map.of("action", "hangup"));

		dial(ivr).sip().awaitByeFromServer();

		short[] heard = HeardAudio.samples(this.rtp.drain());
		long loud = 0;
		for (short sample : heard) {
			loud += (Math.abs(sample) > 1000) ? 1 : 0;
		}
		assertThat(loud).as("samples of speech heard").isGreaterThan(800);
		List<JsonNode> trace = trace(ivr);
		assertThat(ofType(trace, "prompt_finished")).extracting((entry) -> entry.get("what").asString())
			.containsExactly("greeting");
	}

	@Test
	void rule27_noReplyInTimeRunsTheNextRule() {
		TestIvr ivr = newIvr();
		rule(ivr, "start", Map.of("action", "call_interactive", "call_interactive_url", url("/slow"),
				"call_interactive_method", "POST", "call_interactive_timeout", 1));
		long next = rule(ivr, "start", Map.of("action", "hangup"));

		dial(ivr).sip().awaitByeFromServer();

		List<JsonNode> trace = trace(ivr);
		assertThat(ofType(trace, "http_response").get(0).get("error").asString()).isEqualTo("timeout");
		assertThat(ofType(trace, "variable_set")).isEmpty();
		assertThat(ofType(trace, "rule_started")).extracting((entry) -> entry.get("rule").asLong()).contains(next);
		assertThat(history(ivr).get("duration_ms").asLong()).isGreaterThanOrEqualTo(1000);
	}

}
