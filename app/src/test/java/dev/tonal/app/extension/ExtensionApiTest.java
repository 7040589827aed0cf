package dev.tonal.app.extension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.tonal.app.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Extensions (api.md §2). */
class ExtensionApiTest extends ApiTestSupport {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void bareNameIsStoredAndReturnedWithThePrefixInTheSeedsShape() {
		TestClient client = newClient();
		Response created = post("/client/@me/extension/", client.token(),
				Map.of("status", "active", "name", "071", "label", "тестовый IVR", "type", "ivr"));
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.body();
		assertThat(fieldNames(body)).containsExactly("status", "name", "extra_params", "label", "client_id",
				"extension_group_id", "type", "id");
		assertThat(body.get("name").asString()).isEqualTo(client.prefix() + "*071");
		assertThat(body.get("label").asString()).isEqualTo("тестовый IVR");
		assertThat(body.get("client_id").asLong()).isEqualTo(client.id());
		assertThat(body.get("extra_params").isNull()).isTrue();
		assertThat(body.get("extension_group_id").isNull()).isTrue();
		assertThat(get("/client/@me/extension/" + body.get("id").asLong(), client.token()).body()).isEqualTo(body);
	}

	@Test
	void fullNameWithOwnPrefixIsAccepted() {
		TestClient client = newClient();
		Response created = post("/client/@me/extension/", client.token(),
				Map.of("name", client.prefix() + "*072", "type", "ivr"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("name").asString()).isEqualTo(client.prefix() + "*072");
		assertThat(created.body().get("status").asString()).isEqualTo("active");
	}

	@Test
	void nameMustHaveExactlyTheClientsExtensionLength() {
		TestClient client = newClient(4);
		for (String name : new String[] { "071", "07100", "07a1", "", "9*0710" }) {
			Response response = post("/client/@me/extension/", client.token(), Map.of("name", name, "type", "ivr"));
			assertThat(response.status()).as(name).isEqualTo(400);
			assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("name");
		}
		assertThat(post("/client/@me/extension/", client.token(), Map.of("name", "0710", "type", "ivr")).status())
			.isEqualTo(201);
	}

	@Test
	void duplicateNameIs409() {
		TestClient client = newClient();
		assertThat(post("/client/@me/extension/", client.token(), Map.of("name", "201", "type", "ivr")).status())
			.isEqualTo(201);
		Response duplicate = post("/client/@me/extension/", client.token(),
				Map.of("name", client.prefix() + "*201", "type", "phone"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.body().get("message").asString()).contains(client.prefix() + "*201");
	}

	@Test
	void concurrentCreatesOfOneNameMakeExactlyOneExtension() throws Exception {
		TestClient client = newClient();
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<Future<Response>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(pool.submit(
						() -> post("/client/@me/extension/", client.token(), Map.of("name", "900", "type", "phone"))));
			}
			for (Future<Response> result : results) {
				statuses.add(result.get().status());
			}
		}
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(get("/client/@me/extension/", client.token()).body()).hasSize(1);
	}

	@Test
	void extensionCannotBeRenamed() {
		TestClient client = newClient();
		long id = create(client, Map.of("name", "301", "type", "ivr")).get("id").asLong();
		Response rename = put("/client/@me/extension/" + id, client.token(), Map.of("name", "302"));
		assertThat(rename.status()).isEqualTo(400);
		assertThat(rename.body().get("errors").get(0).get("field").asString()).isEqualTo("name");
		Response same = put("/client/@me/extension/" + id, client.token(), Map.of("name", "301", "label", "x"));
		assertThat(same.status()).isEqualTo(200);
		assertThat(same.body().get("label").asString()).isEqualTo("x");
	}

	@Test
	void unsupportedTypeIs400() {
		TestClient client = newClient();
		Response response = post("/client/@me/extension/", client.token(), Map.of("name", "401", "type", "fax"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("message").asString()).contains("unsupported extension type");
	}

	@Test
	void statusIsActiveOrBlocked() {
		TestClient client = newClient();
		Response wrong = post("/client/@me/extension/", client.token(),
				Map.of("name", "402", "type", "ivr", "status", "paused"));
		assertThat(wrong.status()).isEqualTo(400);
		long id = create(client, Map.of("name", "402", "type", "ivr", "status", "blocked")).get("id").asLong();
		Response unblocked = put("/client/@me/extension/" + id, client.token(), Map.of("status", "active"));
		assertThat(unblocked.body().get("status").asString()).isEqualTo("active");
	}

	@Test
	void phonePasswordIsGeneratedOnceAndNeverReturned() {
		TestClient client = newClient();
		Response created = post("/client/@me/extension/", client.token(), Map.of("name", "501", "type", "phone"));
		assertThat(created.status()).isEqualTo(201);
		String password = created.body().get("password").asString();
		assertThat(password).hasSizeGreaterThanOrEqualTo(8);
		long id = created.body().get("id").asLong();
		assertThat(get("/client/@me/extension/" + id, client.token()).body().has("password")).isFalse();
		assertThat(get("/client/@me/extension/", client.token()).text()).doesNotContain(password);
		String ha1 = this.jdbc.sql("SELECT sip_ha1 FROM extension WHERE id = ?").param(id).query(String.class).single();
		assertThat(ha1).isEqualTo(SipPasswords.ha1(client.prefix() + "*501", "tonal", password));
	}

	@Test
	void givenPhonePasswordIsCheckedAndNotEchoed() {
		TestClient client = newClient();
		Response tooShort = post("/client/@me/extension/", client.token(),
				Map.of("name", "502", "type", "phone", "password", "short"));
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.body().get("errors").get(0).get("field").asString()).isEqualTo("password");
		Response created = post("/client/@me/extension/", client.token(),
				Map.of("name", "502", "type", "phone", "password", "long-enough-secret"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().has("password")).isFalse();
		Response ivr = post("/client/@me/extension/", client.token(),
				Map.of("name", "503", "type", "ivr", "password", "long-enough-secret"));
		assertThat(ivr.status()).isEqualTo(400);
	}

	@Test
	void listPagesAndFiltersByType() {
		TestClient client = newClient();
		for (int i = 0; i < 5; i++) {
			create(client, Map.of("name", "60" + i, "type", (i % 2 == 0) ? "ivr" : "phone"));
		}
		Response all = get("/client/@me/extension/", client.token());
		assertThat(all.body()).hasSize(5);
		Response page2 = get("/client/@me/extension/?page=2&per_page=2", client.token());
		assertThat(page2.body().findValuesAsString("name")).containsExactly(client.prefix() + "*602",
				client.prefix() + "*603");
		Response ivrs = get("/client/@me/extension/?type=ivr", client.token());
		assertThat(ivrs.body().findValuesAsString("type")).containsExactly("ivr", "ivr", "ivr");
		assertThat(get("/client/@me/extension/?type=fax", client.token()).status()).isEqualTo(400);
		assertThat(get("/client/@me/extension/?per_page=0", client.token()).status()).isEqualTo(400);
	}

	@Test
	void putKeepsAbsentFieldsAndClearsExplicitNulls() {
		TestClient client = newClient();
		long id = create(client, Map.of("name", "701", "type", "ivr", "label", "menu", "extra_params", "a=1")).get("id")
			.asLong();
		Map<String, Object> clear = new HashMap<>();
		clear.put("label", null);
		Response updated = put("/client/@me/extension/" + id, client.token(), clear);
		assertThat(updated.body().get("label").isNull()).isTrue();
		assertThat(updated.body().get("extra_params").asString()).isEqualTo("a=1");
	}

	@Test
	void deleteRemovesTheExtensionButNotWhileADidRoutesToIt() {
		TestClient client = newClient();
		long id = create(client, Map.of("name", "801", "type", "ivr")).get("id").asLong();
		String number = "+7" + (System.nanoTime() % 10_000_000_000L);
		long did = post("/client/@me/did/", client.token(), Map.of("number", number, "extension_id", id)).body()
			.get("id")
			.asLong();
		Response refused = delete("/client/@me/extension/" + id, client.token());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("message").asString()).contains(number);
		assertThat(delete("/client/@me/did/" + did, client.token()).status()).isEqualTo(204);
		assertThat(delete("/client/@me/extension/" + id, client.token()).status()).isEqualTo(204);
		assertThat(get("/client/@me/extension/" + id, client.token()).status()).isEqualTo(404);
	}

	private JsonNode create(TestClient client, Map<String, Object> body) {
		Response created = post("/client/@me/extension/", client.token(), body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.body();
	}

	private static List<String> fieldNames(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

}
