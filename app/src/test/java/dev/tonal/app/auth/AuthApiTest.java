package dev.tonal.app.auth;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import dev.tonal.app.support.ApiTestSupport;
import dev.tonal.app.support.TestWavs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication and authorisation (api.md §1): the client-credentials token endpoint,
 * bearer tokens on every API call, read-only tokens, admin-only paths and revocation.
 */
class AuthApiTest extends ApiTestSupport {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void tokenEndpointIssuesBearerTokensForFormCredentials() {
		Response response = tokenRequest(
				"grant_type=client_credentials&client_id=" + ADMIN_ID + "&client_secret=" + ADMIN_SECRET);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().get("token_type").asString()).isEqualTo("Bearer");
		assertThat(response.body().get("expires_in").asInt()).isEqualTo(3600);
		assertThat(response.body().get("access_token").asString()).hasSizeGreaterThan(20);
	}

	@Test
	void tokenEndpointAcceptsAMultipartFormBody() {
		// What a PHP client's curl sends when it posts the fields as an array.
		String boundary = "----tonal-boundary-7d3f";
		StringBuilder body = new StringBuilder();
		Map.of("grant_type", "client_credentials", "client_id", ADMIN_ID, "client_secret", ADMIN_SECRET)
			.forEach((name, value) -> body.append("--")
				.append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"")
				.append(name)
				.append("\"\r\n\r\n")
				.append(value)
				.append("\r\n"));
		body.append("--").append(boundary).append("--\r\n");
		Response response = send(HttpRequest.newBuilder(uri("/oauth/token"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().get("token_type").asString()).isEqualTo("Bearer");
		assertThat(get("/user/", response.body().get("access_token").asString()).status()).isEqualTo(200);
	}

	@Test
	void tokenEndpointAcceptsCredentialsInTheQueryStringWithoutContentType() {
		Response response = send(HttpRequest
			.newBuilder(uri("/oauth/token?grant_type=client_credentials&client_id=" + ADMIN_ID + "&client_secret="
					+ ADMIN_SECRET))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.status()).isEqualTo(200);
		assertThat(get("/user/", response.body().get("access_token").asString()).status()).isEqualTo(200);
	}

	@Test
	void tokenEndpointAcceptsCredentialsInTheQueryStringWithAnyContentType() {
		Response response = send(HttpRequest
			.newBuilder(uri("/oauth/token?grant_type=client_credentials&client_id=" + ADMIN_ID + "&client_secret="
					+ ADMIN_SECRET))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().get("expires_in").asInt()).isEqualTo(3600);
	}

	@Test
	void tokenEndpointAcceptsHttpBasicCredentials() {
		String basic = Base64.getEncoder()
			.encodeToString((ADMIN_ID + ":" + ADMIN_SECRET).getBytes(StandardCharsets.UTF_8));
		Response response = send(HttpRequest.newBuilder(uri("/oauth/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + basic)
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
		assertThat(response.status()).isEqualTo(200);
		assertThat(get("/user/", response.body().get("access_token").asString()).status()).isEqualTo(200);
	}

	@Test
	void wrongSecretIs401WithOauthError() {
		Response response = tokenRequest(
				"grant_type=client_credentials&client_id=" + ADMIN_ID + "&client_secret=wrong-secret");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body().get("error").asString()).isEqualTo("invalid_client");
		assertThat(response.body().get("message").asString()).contains("client_secret");
	}

	@Test
	void unknownAppIdIs401LikeAWrongSecret() {
		Response response = tokenRequest("grant_type=client_credentials&client_id=no-such-app&client_secret=x");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body().get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void missingOrUnsupportedGrantIs400() {
		Response missing = tokenRequest("client_id=" + ADMIN_ID + "&client_secret=" + ADMIN_SECRET);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().get("error").asString()).isEqualTo("invalid_request");
		Response unsupported = tokenRequest("grant_type=password&username=a&password=b");
		assertThat(unsupported.status()).isEqualTo(400);
		assertThat(unsupported.body().get("error").asString()).isEqualTo("unsupported_grant_type");
	}

	@Test
	void missingTokenIs401WithWwwAuthenticateBearer() {
		Response response = get("/client/@me/extension/", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.body().get("message").asString()).contains("/oauth/token");
	}

	@Test
	void unknownTokenIs401WithWwwAuthenticateBearer() {
		Response response = get("/client/@me/extension/", "not-a-real-token");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
	}

	@Test
	void expiredTokenIs401() {
		TestClient client = newClient();
		this.jdbc.sql("UPDATE token SET expires_at = 0 WHERE token_hash = ?")
			.param(Secrets.sha256Hex(client.token()))
			.update();
		Response response = get("/client/@me/extension/", client.token());
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void readOnlyTokenCanReadButNotWrite() {
		TestClient client = newClient();
		String readOnly = appToken(client.id(), "read_only");
		assertThat(get("/client/@me/extension/", readOnly).status()).isEqualTo(200);
		assertThat(get("/client/@me/sound/", readOnly).status()).isEqualTo(200);
		Map<String, Object> extension = Map.of("name", "101", "type", "ivr");
		Response write = post("/client/@me/extension/", readOnly, extension);
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.body().get("message").asString()).contains("read-only");
		assertThat(put("/client/@me/did/1", readOnly, Map.of()).status()).isEqualTo(403);
		assertThat(delete("/client/@me/interval/1", readOnly).status()).isEqualTo(403);
		assertThat(upload("/client/@me/sound/", readOnly, "s", "s.wav", TestWavs.tone(8000, 1, 200)).status())
			.isEqualTo(403);
		assertThat(get("/client/@me/sound/", client.token()).body()).isEmpty();
		assertThat(post("/client/@me/extension/", client.token(), extension).status()).isEqualTo(201);
	}

	@Test
	void adminOnlyPathsAre403ForClientTokens() {
		TestClient client = newClient();
		String token = client.token();
		String own = "/client/" + client.id();
		assertThat(post("/client/", token, Map.of("name", "x", "prefix", "1")).status()).isEqualTo(403);
		assertThat(get("/client/", token).status()).isEqualTo(403);
		assertThat(get(own, token).status()).isEqualTo(403);
		assertThat(put(own, token, Map.of("name", "y")).status()).isEqualTo(403);
		assertThat(delete(own, token).status()).isEqualTo(403);
		assertThat(post(own + "/app/", token, Map.of("name", "a", "access", "full")).status()).isEqualTo(403);
		assertThat(get(own + "/app/", token).status()).isEqualTo(403);
		assertThat(delete(own + "/app/1", token).status()).isEqualTo(403);
	}

	@Test
	void userDescribesTheToken() {
		TestClient client = newClient();
		Response user = get("/user/", client.token());
		assertThat(user.status()).isEqualTo(200);
		assertThat(user.body().get("client_id").asLong()).isEqualTo(client.id());
		assertThat(user.body().get("access").asString()).isEqualTo("full");
		assertThat(user.body().get("admin").asBoolean()).isFalse();
		Response admin = get("/user/", adminToken());
		assertThat(admin.body().get("client_id").isNull()).isTrue();
		assertThat(admin.body().get("admin").asBoolean()).isTrue();
	}

	@Test
	void appSecretIsShownOnlyOnCreation() {
		TestClient client = newClient();
		Response created = post("/client/" + client.id() + "/app/", adminToken(),
				Map.of("name", "crm", "access", "read_only"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("client_id").asLong()).isEqualTo(client.id());
		assertThat(created.body().get("access").asString()).isEqualTo("read_only");
		assertThat(created.body().get("app_secret").asString()).isNotBlank();
		Response list = get("/client/" + client.id() + "/app/", adminToken());
		assertThat(list.body()).hasSize(2);
		list.body().forEach((app) -> assertThat(app.has("app_secret")).isFalse());
		Long stored = this.jdbc.sql("SELECT COUNT(*) FROM app WHERE secret_hash = ?")
			.param(created.body().get("app_secret").asString())
			.query(Long.class)
			.single();
		assertThat(stored).isZero();
	}

	@Test
	void deletingAnAppRevokesItsTokens() {
		TestClient client = newClient();
		Response app = post("/client/" + client.id() + "/app/", adminToken(), Map.of("name", "temp"));
		String token = token(app.body().get("app_id").asString(), app.body().get("app_secret").asString());
		assertThat(get("/user/", token).status()).isEqualTo(200);
		Response deleted = delete("/client/" + client.id() + "/app/" + app.body().get("id").asLong(), adminToken());
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(get("/user/", token).status()).isEqualTo(401);
	}

	@Test
	void deletingAClientRevokesItsAppsTokens() {
		TestClient client = newClient();
		assertThat(delete("/client/" + client.id(), adminToken()).status()).isEqualTo(204);
		assertThat(get("/user/", client.token()).status()).isEqualTo(401);
		assertThat(get("/client/" + client.id(), adminToken()).status()).isEqualTo(404);
	}

	@Test
	void adminTokenMustNameTheClientInsteadOfMe() {
		Response response = get("/client/@me/extension/", adminToken());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("message").asString()).contains("@me");
	}

}
