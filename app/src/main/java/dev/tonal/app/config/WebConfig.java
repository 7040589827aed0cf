package dev.tonal.app.config;

import java.util.List;

import dev.tonal.app.api.ProblemErrorReportValve;
import dev.tonal.app.auth.BearerTokenFilter;
import dev.tonal.app.auth.CallerArgumentResolver;
import dev.tonal.app.auth.TokenService;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web wiring: the bearer token filter guards the API root only (the token endpoint, the
 * OpenAPI document and its UI stay public), controllers receive the caller as a
 * parameter, and the servlet container's own error answers are problem documents.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(TokenService tokens) {
		FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(
				new BearerTokenFilter(tokens));
		registration.addUrlPatterns("/api/ver1.0/*");
		// After the CORS filter, so that refusals carry the CORS headers too.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * A trailing slash is optional on every API path ({@code /extension/204/ivr/} and
	 * {@code /extension/204/ivr} are the same resource), as the original API's clients
	 * use both: this filter is the one place that says so, so mappings name each path
	 * once, without the slash. Before the token filter, so that it sees the canonical
	 * path.
	 */
	@Bean
	FilterRegistrationBean<UrlHandlerFilter> optionalTrailingSlash() {
		FilterRegistrationBean<UrlHandlerFilter> registration = new FilterRegistrationBean<>(
				UrlHandlerFilter.trailingSlashHandler("/api/**", "/oauth/**").wrapRequest().build());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	/**
	 * Errors the servlet container answers by itself (a malformed request line or URL
	 * never reaches Spring) get a problem document too, instead of Tomcat's HTML page.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

	/**
	 * The web console (console/ in the repository, built into static/console/): its page
	 * answers at {@code /console/}; {@code /console} redirects there so that the page's
	 * relative asset paths resolve.
	 */
	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/console", "/console/");
		registry.addViewController("/console/").setViewName("forward:/console/index.html");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
