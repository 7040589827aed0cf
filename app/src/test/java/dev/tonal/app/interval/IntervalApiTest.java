package dev.tonal.app.interval;

import java.util.List;
import java.util.Map;

import dev.tonal.app.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Time intervals (api.md §4). */
class IntervalApiTest extends ApiTestSupport {

	@Test
	void createdIntervalShowsEveryConditionFieldWithZeroForAny() {
		TestClient client = newClient();
		Response created = post("/client/@me/interval/", client.token(), Map.of("name", "office hours", "conditions",
				List.of(Map.of("start_dow", 2, "end_dow", 6, "start_time", "09:00:00", "end_time", "18:00:00"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode body = created.body();
		assertThat(List.copyOf(body.propertyNames())).containsExactly("id", "name", "timezone", "conditions");
		assertThat(body.get("timezone").asString()).isEqualTo("Europe/Moscow");
		JsonNode condition = body.get("conditions").get(0);
		assertThat(condition.get("start_dow").asInt()).isEqualTo(2);
		assertThat(condition.get("end_dow").asInt()).isEqualTo(6);
		assertThat(condition.get("start_mday").asInt()).isZero();
		assertThat(condition.get("month").asInt()).isZero();
		assertThat(condition.get("start_time").asString()).isEqualTo("09:00:00");
		assertThat(condition.get("start_datetime").isNull()).isTrue();
		assertThat(get("/client/@me/interval/" + body.get("id").asLong(), client.token()).body()).isEqualTo(body);
	}

	@Test
	void absoluteDatetimePairIsAccepted() {
		TestClient client = newClient();
		Response created = post("/client/@me/interval/", client.token(), Map.of("name", "new year", "timezone",
				"Asia/Yekaterinburg", "conditions",
				List.of(Map.of("start_datetime", "2026-12-31 18:00:00", "end_datetime", "2027-01-01 06:00:00"))));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("timezone").asString()).isEqualTo("Asia/Yekaterinburg");
		assertThat(created.body().get("conditions").get(0).get("end_datetime").asString())
			.isEqualTo("2027-01-01 06:00:00");
	}

	@Test
	void conditionFieldsAreValidatedWithTheirPath() {
		TestClient client = newClient();
		Response response = post("/client/@me/interval/", client.token(), Map.of("name", "bad", "timezone",
				"Nowhere/City", "conditions",
				List.of(Map.of("start_dow", 8, "end_dow", 1), Map.of("start_mday", 32, "end_mday", 1, "month", 13),
						Map.of("start_time", "9am", "end_time", "18:00:00"),
						Map.of("start_datetime", "2026-01-02 00:00:00", "end_datetime", "2026-01-01 00:00:00"),
						Map.of("start_dow", 2))));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("timezone",
				"conditions[0].start_dow", "conditions[1].start_mday", "conditions[1].month",
				"conditions[2].start_time", "conditions[3].end_datetime", "conditions[4].end_dow");
	}

	@Test
	void nameAndAtLeastOneConditionAreRequired() {
		TestClient client = newClient();
		Response response = post("/client/@me/interval/", client.token(), Map.of("conditions", List.of()));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name",
				"conditions");
	}

	@Test
	void putIsPartialAndDeleteRemoves() {
		TestClient client = newClient();
		long id = post("/client/@me/interval/", client.token(),
				Map.of("name", "weekend", "conditions", List.of(Map.of("start_dow", 7, "end_dow", 1))))
			.body()
			.get("id")
			.asLong();
		Response renamed = put("/client/@me/interval/" + id, client.token(), Map.of("name", "week-end"));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.body().get("name").asString()).isEqualTo("week-end");
		assertThat(renamed.body().get("conditions").get(0).get("start_dow").asInt()).isEqualTo(7);
		assertThat(get("/client/@me/interval/", client.token()).body()).hasSize(1);
		assertThat(delete("/client/@me/interval/" + id, client.token()).status()).isEqualTo(204);
		assertThat(get("/client/@me/interval/" + id, client.token()).status()).isEqualTo(404);
	}

	@Test
	void deletingAnIntervalARuleUsesIs409() {
		TestClient client = newClient();
		long interval = post("/client/@me/interval/", client.token(),
				Map.of("name", "always", "conditions", List.of(Map.of())))
			.body()
			.get("id")
			.asLong();
		long ivr = post("/client/@me/extension/", client.token(), Map.of("name", "100", "type", "ivr")).body()
			.get("id")
			.asLong();
		long context = post("/extension/" + ivr + "/ivr/context/", client.token(), Map.of("name", "main")).body()
			.get("id")
			.asLong();
		Response rule = post("/extension/" + ivr + "/ivr/context/" + context + "/options/start/rules/", client.token(),
				Map.of("action", "hangup", "interval", interval));
		assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
		Response refused = delete("/client/@me/interval/" + interval, client.token());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("message").asString()).contains("rule " + rule.body().get("id").asLong());
	}

}
