package dev.tonal.sip.registrar;

import java.time.Instant;
import java.util.Objects;

/**
 * One registered device of a phone extension: where to send its calls and until when.
 *
 * @param contact the device's Contact URI, e.g. {@code sip:002@192.0.2.7:5062}
 * @param expiresAt when the binding lapses unless refreshed
 * @param source the address the REGISTER came from ({@code host:port}), for operators
 * @param userAgent the device's User-Agent, or {@code ""}
 * @param callId the Call-ID of the REGISTER that made or refreshed it
 * @param cseq that REGISTER's CSeq number
 */
public record Binding(String contact, Instant expiresAt, String source, String userAgent, String callId, long cseq) {

	public Binding {
		Objects.requireNonNull(contact, "contact");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	/** Seconds left before the binding lapses, never negative. */
	public long secondsLeft(Instant now) {
		return Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond());
	}

}
