package dev.tonal.app.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds the CORS headers the original API sends on every response (the seed shows them
 * verbatim), and answers preflight requests itself, before authentication: browsers send
 * preflights without the {@code Authorization} header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorsHeadersFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Access-Control-Allow-Origin", "*");
		response.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, PUT, PATCH, OPTIONS");
		response.setHeader("Access-Control-Allow-Headers", "Content-Type, api_key, Authorization");
		if (HttpMethod.OPTIONS.matches(request.getMethod())
				&& request.getHeader("Access-Control-Request-Method") != null) {
			response.setStatus(HttpServletResponse.SC_OK);
			return;
		}
		chain.doFilter(request, response);
	}

}
