package dev.tonal.app.ivr;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /extension/{eid}/ivr/validate} (semantics.md rule 34) reports what a call
 * would stumble over in the stored configuration.
 */
class ValidateApiTest extends IvrApiFixtures {

	@Test
	void rule34_anIvrWithoutEntryContextIsAnError() {
		Ivr ivr = newIvr();
		Response findings = get(ivr.path() + "validate", ivr.token());
		assertThat(findings.status()).as(findings.toString()).isEqualTo(200);
		assertThat(findings.body()
			.valueStream()
			.filter((f) -> f.get("severity").asString().equals("error"))
			.map((f) -> f.get("path").asString())).contains("entry_context");
		for (JsonNode finding : findings.body()) {
			assertThat(finding.propertyNames()).containsExactlyInAnyOrder("severity", "path", "message");
		}
	}

	@Test
	void rule34_aMenuThatHangsUpCleanlyHasNoErrors() {
		Ivr ivr = newIvr();
		put(ivr.path(), ivr.token(), Map.of("entry_context", ivr.contextId()));
		hangupRule(ivr, "start");
		Response findings = get(ivr.path() + "validate", ivr.token());
		assertThat(findings.status()).as(findings.toString()).isEqualTo(200);
		assertThat(findings.body().findValuesAsString("severity")).as(findings.toString()).doesNotContain("error");
	}

	@Test
	void anotherClientCannotValidate() {
		Ivr ivr = newIvr();
		assertThat(get(ivr.path() + "validate", newClient().token()).status()).isEqualTo(404);
	}

}
