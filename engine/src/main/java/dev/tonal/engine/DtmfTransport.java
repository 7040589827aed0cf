package dev.tonal.engine;

import java.util.Locale;

/** How a key press reached the server (semantics.md rule 32); the trace records it. */
public enum DtmfTransport {

	/** RTP telephone-event. */
	RFC4733,
	/** SIP INFO, application/dtmf-relay or application/dtmf. */
	SIP_INFO,
	/** Tones detected in the audio. */
	INBAND,
	/** Typed into the simulator. */
	SIMULATED;

	/** The spelling used in traces ("rfc4733"). */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
