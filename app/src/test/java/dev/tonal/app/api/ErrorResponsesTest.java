package dev.tonal.app.api;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.tonal.app.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure is an {@code application/problem+json} document with type, title, status,
 * detail and message (api.md §1), says what is wrong, and never shows internals.
 */
class ErrorResponsesTest extends ApiTestSupport {

	@Test
	void apiErrorsAreProblemDocumentsWithMessage() {
		TestClient client = newClient();
		Response response = get("/client/@me/extension/999999999", client.token());
		assertProblem(response, 404);
		assertThat(response.body().get("message").asString()).isEqualTo("extension 999999999 not found");
		assertThat(response.body().get("detail").asString()).isEqualTo("extension 999999999 not found");
	}

	@Test
	void fieldErrorsNameTheField() {
		TestClient client = newClient();
		Response response = post("/client/@me/extension/", client.token(), Map.of("name", "12", "type", "ivr"));
		assertProblem(response, 400);
		JsonNode error = response.body().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("name");
		assertThat(error.get("message").asString()).contains("exactly 3 digits");
	}

	@Test
	void malformedJsonSaysWhere() {
		TestClient client = newClient();
		Response response = post("/client/@me/extension/", client.token(), "{\"name\": \"101\",\n \"type\": }");
		assertProblem(response, 400);
		assertThat(response.body().get("message").asString()).startsWith("malformed JSON at line 2, column");
	}

	@Test
	void wrongJsonTypeNamesTheField() {
		TestClient client = newClient();
		Response response = post("/client/@me/did/", client.token(),
				Map.of("number", "74951234567", "extension_id", "abc"));
		assertProblem(response, 400);
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("extension_id");
		assertThat(response.body().get("errors").get(0).get("message").asString()).isEqualTo("must be an integer");
		Response client2 = post("/client/", adminToken(),
				Map.of("name", "x", "prefix", "1", "extension_length", Map.of("a", 1)));
		assertProblem(client2, 400);
		assertThat(client2.body().get("errors").get(0).get("field").asString()).isEqualTo("extension_length");
	}

	@Test
	void unknownJsonFieldsAreIgnored() {
		TestClient client = newClient();
		Response response = post("/client/@me/extension/", client.token(),
				Map.of("name", "101", "type", "ivr", "colour", "blue"));
		assertThat(response.status()).isEqualTo(201);
	}

	@Test
	void missingBodyIs400() {
		TestClient client = newClient();
		Response response = send(
				authorised("/client/@me/extension/", client.token()).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.noBody()));
		assertProblem(response, 400);
	}

	@Test
	void unknownPathIs404Problem() {
		TestClient client = newClient();
		assertProblem(get("/no/such/thing", client.token()), 404);
		Response outside = send(HttpRequest.newBuilder(uri("/nothing-here")).GET());
		assertProblem(outside, 404);
	}

	@Test
	void wrongMethodIs405Problem() {
		TestClient client = newClient();
		Response response = send(authorised("/client/@me/extension/", client.token())
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json"));
		assertProblem(response, 405);
		assertThat(response.body().get("message").asString()).contains("PATCH").contains("GET");
	}

	@Test
	void wrongContentTypeIs415Problem() {
		TestClient client = newClient();
		Response response = send(
				authorised("/client/@me/extension/", client.token()).header("Content-Type", "text/plain")
					.POST(HttpRequest.BodyPublishers.ofString("name=101")));
		assertProblem(response, 415);
		assertThat(response.body().get("message").asString()).contains("text/plain").contains("application/json");
		Response json = post("/client/@me/sound/", client.token(), Map.of("title", "x"));
		assertProblem(json, 415);
	}

	@Test
	void badPathIdIs400NamingIt() {
		TestClient client = newClient();
		Response response = get("/client/@me/extension/abc", client.token());
		assertProblem(response, 400);
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("eid");
	}

	@Test
	void errorFallbackIsAProblemDocument() {
		Response response = send(HttpRequest.newBuilder(uri("/error")).GET());
		assertProblem(response, 500);
	}

	@Test
	void requestsTheServletContainerRefusesGetAProblemDocumentToo() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.getOutputStream()
				.write("GET /api/ver1.0/client/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(response).startsWith("HTTP/1.1 400");
			assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
			JsonNode body = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
			assertThat(body.get("status").asInt()).isEqualTo(400);
			assertThat(body.get("message").asString()).contains("malformed");
		}
	}

	@Test
	void corsHeadersOnEveryResponseAsInTheSeed() {
		TestClient client = newClient();
		for (Response response : new Response[] { get("/client/@me/extension/", client.token()),
				get("/client/@me/extension/", null) }) {
			assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
			assertThat(response.header("Access-Control-Allow-Methods"))
				.isEqualTo("GET, POST, DELETE, PUT, PATCH, OPTIONS");
			assertThat(response.header("Access-Control-Allow-Headers"))
				.isEqualTo("Content-Type, api_key, Authorization");
		}
	}

	@Test
	void corsPreflightNeedsNoToken() {
		Response response = send(HttpRequest.newBuilder(uri(API + "/client/12/sound/"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://example.org")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "Authorization"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(response.header("Access-Control-Allow-Headers")).contains("Authorization");
	}

	static void assertProblem(Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode body = response.body();
		assertThat(body.get("type").asString()).isNotBlank();
		assertThat(body.get("title").asString()).isNotBlank();
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("detail").asString()).isNotBlank();
		assertThat(body.get("message").asString()).isNotBlank();
		assertThat(response.text()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("SQL");
	}

}
