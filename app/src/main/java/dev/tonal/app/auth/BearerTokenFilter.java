package dev.tonal.app.auth;

import java.io.IOException;
import java.util.regex.Pattern;

import dev.tonal.app.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the API ({@code /api/ver1.0/*}): every request needs a valid bearer token (401
 * with {@code WWW-Authenticate: Bearer} otherwise), and a read-only token may only read
 * (403). The established {@link Caller} is left in a request attribute for controllers.
 *
 * <p>
 * One exception: {@code POST /extension/{eid}/ivr/simulate} is open to read-only tokens.
 * It is a POST only because the simulation script is a request body; it runs the stored
 * configuration on a virtual clock and changes nothing (semantics.md rule 33).
 */
public class BearerTokenFilter extends OncePerRequestFilter {

	/** The request attribute holding the {@link Caller}. */
	public static final String CALLER = Caller.class.getName();

	/** The one POST that writes nothing: the IVR simulator. */
	private static final Pattern SIMULATE = Pattern.compile("/api/ver1\\.0/extension/[^/]+/ivr/simulate");

	private final TokenService tokens;

	public BearerTokenFilter(TokenService tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (HttpMethod.OPTIONS.matches(request.getMethod())) {
			chain.doFilter(request, response); // preflights and OPTIONS reveal nothing
			return;
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tonal\"");
			Problems.write(response,
					Problems.of(HttpStatus.UNAUTHORIZED,
							"an access token is required: get one from POST /oauth/token and send it as "
									+ "'Authorization: Bearer <token>'"));
			return;
		}
		Caller caller = this.tokens.caller(header.substring(7).trim()).orElse(null);
		if (caller == null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer realm=\"tonal\", error=\"invalid_token\", error_description=\"unknown or expired token\"");
			Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED,
					"the access token is unknown, revoked or expired: get a new one from POST /oauth/token"));
			return;
		}
		if (caller.access() == Access.READ_ONLY && !isRead(request)) {
			Problems.write(response, Problems.of(HttpStatus.FORBIDDEN,
					"this token is read-only and may only GET: use a token of an app with full access"));
			return;
		}
		request.setAttribute(CALLER, caller);
		chain.doFilter(request, response);
	}

	private static boolean isRead(HttpServletRequest request) {
		return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())
				|| HttpMethod.POST.matches(request.getMethod()) && SIMULATE.matcher(pathOf(request)).matches();
	}

	private static String pathOf(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
