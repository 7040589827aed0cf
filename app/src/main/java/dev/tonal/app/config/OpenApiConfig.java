package dev.tonal.app.config;

import dev.tonal.app.auth.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}): the
 * API's paths with a bearer token scheme, so the UI can call them with a token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	private static final String BEARER = "bearer";

	@Bean
	OpenAPI tonalOpenApi() {
		// The caller comes from the bearer token, not from the request: not a parameter.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
		// Bodies read field by field (partial updates) are JSON objects, not Jackson's
		// tree type.
		SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
		return new OpenAPI()
			.info(new Info().title("Tonal configuration API")
				.description("Voice menus (IVR), extensions, sounds, time intervals and DIDs. "
						+ "Get a token with POST /oauth/token (client_credentials) and send it as a bearer token.")
				.version("ver1.0")
				.license(new License().name("Open source")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
