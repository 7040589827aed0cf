package dev.tonal.app.api;

import java.net.http.HttpRequest;

import dev.tonal.app.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document and its UI are served without a token (api.md §1). */
class OpenApiTest extends ApiTestSupport {

	@Test
	void apiDocsDescribeTheApiWithABearerScheme() {
		Response docs = send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET());
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().get("components").get("securitySchemes").get("bearer").get("scheme").asString())
			.isEqualTo("bearer");
		JsonNode create = docs.body().get("paths").get("/api/ver1.0/client/{cid}/extension").get("post");
		assertThat(create.get("parameters").findValuesAsString("name")).as("the caller comes from the token")
			.containsExactly("cid");
		assertThat(docs.body().get("paths").has("/error")).isFalse();
	}

	@Test
	void swaggerUiIsServedWithoutToken() {
		Response ui = send(HttpRequest.newBuilder(uri("/swagger-ui.html")).GET());
		assertThat(ui.status()).isIn(200, 302);
		Response page = send(HttpRequest.newBuilder(uri("/swagger-ui/index.html")).GET());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("Swagger UI");
	}

}
