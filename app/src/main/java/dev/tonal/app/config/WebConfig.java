package dev.tonal.app.config;

import java.util.List;

import dev.tonal.app.api.Problems;
import dev.tonal.app.auth.BearerTokenFilter;
import dev.tonal.app.auth.CallerArgumentResolver;
import dev.tonal.app.auth.TokenService;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web wiring: the bearer token filter guards the API root only (the token endpoint, the
 * OpenAPI document and its UI stay public), and controllers receive the caller as a
 * parameter.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(TokenService tokens, Problems problems) {
		FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(
				new BearerTokenFilter(tokens, problems));
		registration.addUrlPatterns("/api/ver1.0/*");
		// After the CORS filter, so that refusals carry the CORS headers too.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
