package dev.tonal.sip;

import dev.tonal.media.dtmf.DtmfKeys;

/**
 * A key press signalled by SIP INFO ({@code application/dtmf-relay} or
 * {@code application/dtmf}).
 *
 * @param digit one of {@code 0-9 * # A-D}
 */
public record Dtmf(char digit) {

	public Dtmf {
		if (DtmfKeys.eventCode(digit).isEmpty()) {
			throw new IllegalArgumentException("not a DTMF key: '" + digit + "'");
		}
	}

}
