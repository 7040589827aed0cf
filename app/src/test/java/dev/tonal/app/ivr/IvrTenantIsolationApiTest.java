package dev.tonal.app.ivr;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another client's IVR answers 404 on every IVR resource, for reads and writes alike, and
 * is left unchanged (api.md §1: 404, not 403).
 */
class IvrTenantIsolationApiTest extends IvrApiFixtures {

	@Test
	void everyIvrResourceOfAnotherClientIsNotFound() {
		Ivr ivr = newIvr();
		newOption(ivr, "1");
		long rule = hangupRule(ivr, "1");
		String stranger = newClient().token();
		String ruleOf1 = ivr.rules("1") + rule;
		Map<String, Object> hangup = Map.of("action", "hangup");

		assertNotFound(get(ivr.path(), stranger));
		assertNotFound(put(ivr.path(), stranger, Map.of("sleep_time", 1)));
		assertNotFound(get(ivr.path() + "context/", stranger));
		assertNotFound(post(ivr.path() + "context/", stranger, Map.of("name", "x")));
		assertNotFound(get(ivr.context(), stranger));
		assertNotFound(put(ivr.context(), stranger, Map.of("name", "x")));
		assertNotFound(delete(ivr.context(), stranger));
		assertNotFound(get(ivr.options(), stranger));
		assertNotFound(post(ivr.options(), stranger, Map.of("digits", "2")));
		assertNotFound(delete(ivr.options() + "1", stranger));
		assertNotFound(get(ivr.rules("1"), stranger));
		assertNotFound(post(ivr.rules("1"), stranger, hangup));
		assertNotFound(get(ruleOf1, stranger));
		assertNotFound(put(ruleOf1, stranger, hangup));
		assertNotFound(delete(ruleOf1, stranger));
		assertNotFound(get(ivr.rules("1") + "order/", stranger));
		assertNotFound(put(ivr.rules("1") + "order/", stranger, Map.of("order", java.util.List.of(rule))));

		assertThat(get(ivr.path(), ivr.token()).body().get("sleep_time").asInt()).isZero();
		assertThat(get(ivr.context(), ivr.token()).body().get("name").asString()).isEqualTo("main");
		assertThat(get(ruleOf1, ivr.token()).status()).isEqualTo(200);
		assertThat(get(ivr.options(), ivr.token()).body().size()).isEqualTo(4);
	}

	@Test
	void aContextOrRuleIsOnlyFoundUnderItsOwnPath() {
		Ivr ivr = newIvr();
		Ivr sibling = anotherIvrOf(ivr.client());
		long rule = hangupRule(ivr, "start");
		assertNotFound(get(sibling.path() + "context/" + ivr.contextId(), ivr.token()));
		assertNotFound(get(sibling.rules("start") + rule, ivr.token()));
		assertNotFound(get(ivr.rules("timeout") + rule, ivr.token()));
	}

	@Test
	void aPhoneExtensionHasNoIvr() {
		TestClient client = newClient();
		long phone = newExtension(client.token(), "phone");
		Response response = get("/extension/" + phone + "/ivr/", client.token());
		assertNotFound(response);
		assertThat(response.body().get("message").asString()).contains("not ivr");
	}

	private static void assertNotFound(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(response.body().get("message").asString()).isNotBlank();
	}

}
