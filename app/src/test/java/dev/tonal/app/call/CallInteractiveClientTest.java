package dev.tonal.app.call;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tonal.engine.Command;
import dev.tonal.engine.Event;
import dev.tonal.engine.HttpFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Call Interactive HTTP client (semantics.md rules 25-27) against real HTTP servers
 * on loopback.
 */
class CallInteractiveClientTest {

	private static final Map<String, String> PARAMS = params();

	private final CallInteractiveClient client = new CallInteractiveClient();

	private final ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();

	/** Releases the slow handler at the end of a test. */
	private final CountDownLatch release = new CountDownLatch(1);

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final List<Received> receivedByOther = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private HttpServer other;

	@BeforeEach
	void startServers() throws IOException {
		this.server = server(this.received);
		this.other = server(this.receivedByOther);
		this.server.createContext("/slow", (exchange) -> {
			await(this.release);
			reply(exchange, 200, "<Response/>");
		});
		this.server.createContext("/slow-body", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write("<Response>".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				await(this.release);
			}
		});
		this.server.createContext("/big", (exchange) -> reply(exchange, 200, "x".repeat(70 * 1024)));
		this.server.createContext("/big-chunked", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 70; i++) {
					out.write("y".repeat(1024).getBytes(StandardCharsets.US_ASCII));
				}
			}
		});
		this.server.createContext("/exactly-64k", (exchange) -> reply(exchange, 200, "z".repeat(64 * 1024)));
		this.server.createContext("/broken", (exchange) -> reply(exchange, 500, "oops"));
		this.server.createContext("/moved", (exchange) -> redirect(exchange, 302, "/echo?moved=yes"));
		this.server.createContext("/moved-post", (exchange) -> redirect(exchange, 307, "/echo"));
		this.server.createContext("/away", (exchange) -> redirect(exchange, 302, url(this.other, "/echo")));
		this.server.createContext("/loop", (exchange) -> redirect(exchange, 302, "/loop"));
		this.server.start();
		this.other.start();
	}

	@AfterEach
	void stopServers() {
		this.release.countDown();
		this.server.stop(0);
		this.other.stop(0);
		this.serverThreads.shutdownNow();
	}

	@Test
	void rule25_getSendsTheParametersInTheQueryString() throws Exception {
		Event event = send("GET", url(this.server, "/echo?fixed=1"), Duration.ofSeconds(5));
		assertThat(event).isEqualTo(new Event.HttpReplied(7, 200, "<Response/>"));
		Received request = this.received.get(0);
		assertThat(request.method()).isEqualTo("GET");
		Map<String, String> expected = new LinkedHashMap<>(Map.of("fixed", "1"));
		expected.putAll(PARAMS);
		assertThat(request.query()).containsExactlyEntriesOf(expected);
		assertThat(request.body()).isEmpty();
	}

	@Test
	void rule25_postSendsTheParametersAsAFormBody() throws Exception {
		Event event = send("POST", url(this.server, "/echo"), Duration.ofSeconds(5));
		assertThat(event).isEqualTo(new Event.HttpReplied(7, 200, "<Response/>"));
		Received request = this.received.get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
		assertThat(request.query()).isEmpty();
		assertThat(request.body()).containsExactlyEntriesOf(PARAMS);
	}

	@Test
	void rule27_noReplyWithinTheTimeoutIsATimeout() throws Exception {
		Event event = send("GET", url(this.server, "/slow"), Duration.ofMillis(300));
		assertThat(event).isEqualTo(new Event.HttpFailed(7, HttpFailure.TIMEOUT));
	}

	@Test
	void rule27_theTimeoutCoversReadingTheReply() throws Exception {
		Event event = send("GET", url(this.server, "/slow-body"), Duration.ofMillis(300));
		assertThat(event).isEqualTo(new Event.HttpFailed(7, HttpFailure.TIMEOUT));
	}

	@Test
	void rule27_aReplyOver64KbIsRefused() throws Exception {
		assertThat(send("GET", url(this.server, "/big"), Duration.ofSeconds(5)))
			.isEqualTo(new Event.HttpFailed(7, HttpFailure.TOO_LARGE));
	}

	@Test
	void rule27_aReplyOver64KbWithoutAnnouncedLengthIsRefused() throws Exception {
		assertThat(send("GET", url(this.server, "/big-chunked"), Duration.ofSeconds(5)))
			.isEqualTo(new Event.HttpFailed(7, HttpFailure.TOO_LARGE));
	}

	@Test
	void rule27_aReplyOfExactly64KbIsAccepted() throws Exception {
		Event event = send("GET", url(this.server, "/exactly-64k"), Duration.ofSeconds(5));
		assertThat(event).isInstanceOf(Event.HttpReplied.class);
		assertThat(((Event.HttpReplied) event).body()).hasSize(64 * 1024);
	}

	@Test
	void rule27_aRedirectWithinTheSameHostIsFollowed() throws Exception {
		Event event = send("GET", url(this.server, "/moved"), Duration.ofSeconds(5));
		assertThat(event).isEqualTo(new Event.HttpReplied(7, 200, "<Response/>"));
		assertThat(this.received).singleElement()
			.satisfies((request) -> assertThat(request.query()).containsExactly(Map.entry("moved", "yes")));
	}

	@Test
	void rule27_a307RedirectResendsThePostForm() throws Exception {
		Event event = send("POST", url(this.server, "/moved-post"), Duration.ofSeconds(5));
		assertThat(event).isEqualTo(new Event.HttpReplied(7, 200, "<Response/>"));
		assertThat(this.received.get(0).method()).isEqualTo("POST");
		assertThat(this.received.get(0).body()).containsExactlyEntriesOf(PARAMS);
	}

	@Test
	void rule27_aRedirectToAnotherHostIsNotFollowed() throws Exception {
		Event event = send("GET", url(this.server, "/away"), Duration.ofSeconds(5));
		assertThat(event).isEqualTo(new Event.HttpFailed(7, HttpFailure.REDIRECT_REFUSED));
		assertThat(this.receivedByOther).isEmpty();
	}

	@Test
	void rule27_atMostThreeRedirectsAreFollowed() throws Exception {
		assertThat(send("GET", url(this.server, "/loop"), Duration.ofSeconds(5)))
			.isEqualTo(new Event.HttpFailed(7, HttpFailure.REDIRECT_REFUSED));
	}

	@Test
	void rule27_anErrorStatusIsAReplyTheEngineJudges() throws Exception {
		assertThat(send("POST", url(this.server, "/broken"), Duration.ofSeconds(5)))
			.isEqualTo(new Event.HttpReplied(7, 500, "oops"));
	}

	@Test
	void rule27_aRefusedConnectionIsUnreachable() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		assertThat(send("GET", "http://127.0.0.1:" + closedPort + "/", Duration.ofSeconds(5)))
			.isEqualTo(new Event.HttpFailed(7, HttpFailure.UNREACHABLE));
	}

	@Test
	void rule27_aUrlThatIsNotHttpFailsAsAnError() throws Exception {
		assertThat(send("GET", "ftp://127.0.0.1/file", Duration.ofSeconds(5)))
			.isEqualTo(new Event.HttpFailed(7, HttpFailure.ERROR));
	}

	private Event send(String method, String url, Duration timeout) throws Exception {
		return this.client.send(new Command.HttpRequest(7, method, url, PARAMS, timeout)).get(30, TimeUnit.SECONDS);
	}

	private static Map<String, String> params() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("EventType", "call_interactive");
		params.put("CallerIDNum", "+79990001122");
		params.put("CallerIDName", "Иван Петров");
		params.put("var_note", "a&b=c d+e%");
		params.put("var_empty", "");
		return params;
	}

	/** What a test server was sent. */
	record Received(String method, Map<String, String> query, String contentType, Map<String, String> body) {
	}

	private HttpServer server(List<Received> log) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(this.serverThreads);
		server.createContext("/echo", (exchange) -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			log.add(new Received(exchange.getRequestMethod(), decode(exchange.getRequestURI().getRawQuery()),
					exchange.getRequestHeaders().getFirst("Content-Type"), decode(body)));
			reply(exchange, 200, "<Response/>");
		});
		return server;
	}

	private static String url(HttpServer server, String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	private static Map<String, String> decode(String form) {
		Map<String, String> params = new LinkedHashMap<>();
		if (form == null || form.isEmpty()) {
			return params;
		}
		Arrays.stream(form.split("&")).forEach((pair) -> {
			int eq = pair.indexOf('=');
			params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		});
		return params;
	}

	private static void reply(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
		exchange.getRequestBody().readAllBytes();
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
