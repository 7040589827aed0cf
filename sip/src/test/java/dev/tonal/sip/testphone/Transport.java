package dev.tonal.sip.testphone;

/** The SIP transport a test call uses. */
public enum Transport {

	UDP, TCP;

	/** The name in Via headers and {@code transport=} parameters. */
	String sipName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
