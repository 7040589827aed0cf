package dev.tonal.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base class for API tests: runs the whole application on a random port and talks to it
 * over real HTTP, as an API client would.
 *
 * <p>
 * All subclasses share one application context (same configuration), so tests must not
 * assume an empty database or absolute ids: each test creates its own client with
 * {@link #newClient()}. The same suite also runs against a shared PostgreSQL database
 * when {@code SPRING_DATASOURCE_URL} etc. are set; that is why this class sets only
 * {@code tonal.data-dir} (never {@code spring.datasource.*}).
 *
 * <p>
 * Paths given to {@link #get}, {@link #post}, {@link #put}, {@link #delete} and
 * {@link #upload} are relative to the API root {@value #API} (e.g.
 * {@code "/client/@me/extension/"}); {@link #send} takes an absolute path.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "tonal.admin.client-id=" + ApiTestSupport.ADMIN_ID,
				"tonal.admin.client-secret=" + ApiTestSupport.ADMIN_SECRET,
				// SIP on a free loopback port: tests never need 5060.
				"tonal.sip.host=127.0.0.1", "tonal.sip.port=0" })
public abstract class ApiTestSupport {

	/** The API root every resource path is under (api.md). */
	public static final String API = "/api/ver1.0";

	/** The platform admin app configured for tests (bootstrap credentials). */
	public static final String ADMIN_ID = "test-admin";

	public static final String ADMIN_SECRET = "test-admin-secret-0123456789";

	protected static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/** One embedded database directory per test JVM; ignored when PostgreSQL is given. */
	private static final Path DATA_DIR = createDataDir();

	/** Admin tokens by server port: the token is valid for the context that issued it. */
	private static final Map<Integer, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("tonal.data-dir", DATA_DIR::toString);
	}

	/** A client (tenant) made for one test, with a full-access token of its own app. */
	public record TestClient(long id, String prefix, int extensionLength, String token) {
	}

	/**
	 * An HTTP response: status, headers, the body parsed as JSON (a missing node when
	 * empty or not JSON) and the raw bytes.
	 */
	public record Response(int status, HttpHeaders headers, JsonNode body, byte[] bytes) {

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		/** The body as text, for assertion messages. */
		public String text() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			return this.status + " " + text();
		}

	}

	/** A token of the platform admin app. */
	protected String adminToken() {
		return ADMIN_TOKENS.computeIfAbsent(this.port, (port) -> token(ADMIN_ID, ADMIN_SECRET));
	}

	/**
	 * Exchanges app credentials for an access token (form-encoded client_credentials).
	 */
	protected String token(String appId, String appSecret) {
		Response response = tokenRequest(
				"grant_type=client_credentials&client_id=" + encode(appId) + "&client_secret=" + encode(appSecret));
		if (response.status() != 200) {
			throw new IllegalStateException("token request failed: " + response);
		}
		return response.body().get("access_token").asString();
	}

	/** Sends a raw form body to {@code POST /oauth/token}. */
	protected Response tokenRequest(String form) {
		return send(HttpRequest.newBuilder(uri("/oauth/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/**
	 * Creates a client with a unique prefix and the default extension length (3), and a
	 * full-access app for it; returns the client and that app's token.
	 */
	protected TestClient newClient() {
		return newClient(3);
	}

	/** Like {@link #newClient()} with a given extension length. */
	protected TestClient newClient(int extensionLength) {
		for (int attempt = 0; attempt < 20; attempt++) {
			String prefix = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
			Response created = post("/client/", adminToken(),
					Map.of("name", "test client " + prefix, "prefix", prefix, "extension_length", extensionLength));
			if (created.status() == 409) {
				continue; // the random prefix is taken (shared database): draw another
			}
			if (created.status() != 201) {
				throw new IllegalStateException("creating a client failed: " + created);
			}
			long id = created.body().get("id").asLong();
			return new TestClient(id, prefix, extensionLength, appToken(id, "full"));
		}
		throw new IllegalStateException("no free client prefix found");
	}

	/** Creates an app for a client with the given access and returns a token of it. */
	protected String appToken(long clientId, String access) {
		Response app = post("/client/" + clientId + "/app/", adminToken(),
				Map.of("name", access + " app " + UUID.randomUUID(), "access", access));
		if (app.status() != 201) {
			throw new IllegalStateException("creating an app failed: " + app);
		}
		return token(app.body().get("app_id").asString(), app.body().get("app_secret").asString());
	}

	protected Response get(String path, String token) {
		return send(authorised(path, token).GET());
	}

	/** POSTs {@code json}: a String is sent as is, anything else is serialised. */
	protected Response post(String path, String token, Object json) {
		return send(authorised(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(toJson(json))));
	}

	/** PUTs {@code json}: a String is sent as is, anything else is serialised. */
	protected Response put(String path, String token, Object json) {
		return send(authorised(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(toJson(json))));
	}

	protected Response delete(String path, String token) {
		return send(authorised(path, token).DELETE());
	}

	/**
	 * POSTs a multipart/form-data body with a {@code title} field (omitted when null) and
	 * a {@code file} part (omitted when {@code bytes} is null).
	 */
	protected Response upload(String path, String token, String title, String filename, byte[] bytes) {
		String boundary = "tonal-test-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (title != null) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n"
					+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + title + "\r\n");
		}
		if (bytes != null) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
			body.writeBytes(bytes);
			write(body, "\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		return send(authorised(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** A request builder for an API path with the bearer token (none when null). */
	protected HttpRequest.Builder authorised(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(API + path));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	/** The URI of an absolute path on the test server. */
	protected URI uri(String absolutePath) {
		return URI.create("http://127.0.0.1:" + this.port + absolutePath);
	}

	/** Sends any request and parses the body as JSON when possible. */
	protected Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers(), parse(response.body()), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	protected static String toJson(Object json) {
		return (json instanceof String text) ? text : JSON.writeValueAsString(json);
	}

	private static JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return MissingNode.getInstance();
		}
		try {
			return JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return MissingNode.getInstance(); // not JSON (e.g. a WAV file): see bytes()
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private static Path createDataDir() {
		try {
			Path dir = Files.createTempDirectory("tonal-test-");
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
