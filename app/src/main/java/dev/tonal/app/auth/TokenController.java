package dev.tonal.app.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import dev.tonal.app.api.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth/token}: the OAuth2 client-credentials grant (RFC 6749 §4.4). The
 * credentials come as form fields or as HTTP Basic. Failures are problem documents that
 * also carry the OAuth {@code error} code.
 *
 * <p>
 * The fields are taken the ways the original API's clients send them (api.md §1): a
 * form-encoded body, a multipart/form-data body (PHP curl posting an array) or the query
 * string with any or no Content-Type. So the mapping names no {@code consumes}: request
 * parameters cover all three, and a body of another type is simply not read.
 */
@RestController
class TokenController {

	private final TokenService tokens;

	TokenController(TokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/oauth/token")
	ResponseEntity<?> token(@RequestParam(name = "grant_type", required = false) String grantType,
			@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(name = "client_secret", required = false) String clientSecret,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		if (grantType == null || grantType.isBlank()) {
			return oauthError(HttpStatus.BAD_REQUEST, "invalid_request",
					"grant_type is missing: send grant_type=client_credentials");
		}
		if (!"client_credentials".equals(grantType)) {
			return oauthError(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
					"grant_type " + grantType + " is not supported: use client_credentials");
		}
		String[] basic = basicCredentials(authorization);
		String id = (clientId != null) ? clientId : (basic != null) ? basic[0] : null;
		String secret = (clientSecret != null) ? clientSecret : (basic != null) ? basic[1] : null;
		if (id == null || secret == null) {
			return oauthError(HttpStatus.BAD_REQUEST, "invalid_request",
					"client_id and client_secret are required (form fields or HTTP Basic)");
		}
		return this.tokens.issue(id, secret)
			.<ResponseEntity<?>>map((token) -> ResponseEntity.ok()
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(Map.of("access_token", token.accessToken(), "token_type", "Bearer", "expires_in",
						token.expiresIn())))
			.orElseGet(() -> oauthError(HttpStatus.UNAUTHORIZED, "invalid_client",
					"unknown client_id or wrong client_secret: use the app_id and app_secret of an app"));
	}

	/** {@code [id, secret]} from an HTTP Basic header, or null. */
	private static String[] basicCredentials(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon < 0) ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException ex) {
			return null; // not base64: treated as absent credentials
		}
	}

	private static ResponseEntity<ProblemDetail> oauthError(HttpStatus status, String code, String message) {
		ProblemDetail problem = Problems.of(status, message);
		problem.setProperty("error", code);
		problem.setProperty("error_description", message);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"tonal\"");
		}
		return response.body(problem);
	}

}
