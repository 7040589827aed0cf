package dev.tonal.sip.registrar;

import java.time.Instant;
import java.util.List;

/** How to answer a REGISTER (RFC 3261 §10.3). */
public sealed interface RegisterOutcome {

	/**
	 * 200 OK listing every current binding of the extension, each with its remaining
	 * seconds as the Contact's {@code expires} parameter.
	 */
	record Registered(List<Binding> bindings, Instant now) implements RegisterOutcome {
	}

	/** 401 with this {@code WWW-Authenticate} value. */
	record Unauthorized(String wwwAuthenticate) implements RegisterOutcome {
	}

	/** 423 Interval Too Brief with a {@code Min-Expires} header. */
	record IntervalTooBrief(int minExpires) implements RegisterOutcome {
	}

	/** Any other refusal (400, 403, 404, 500) with its reason phrase. */
	record Rejected(int status, String reason) implements RegisterOutcome {
	}

}
