package dev.tonal.sip;

import java.util.Objects;

import dev.tonal.engine.DtmfTransport;
import dev.tonal.media.dtmf.DtmfKeys;

/**
 * A key press the caller made (semantics rule 32), already counted once across
 * transports.
 *
 * @param digit one of {@code 0-9 * # A-D}
 * @param transport how it arrived: RFC 4733 event, SIP INFO or in-band tone
 */
public record Dtmf(char digit, DtmfTransport transport) {

	public Dtmf {
		if (DtmfKeys.eventCode(digit).isEmpty()) {
			throw new IllegalArgumentException("not a DTMF key: '" + digit + "'");
		}
		Objects.requireNonNull(transport, "transport");
	}

}
