package dev.tonal.model;

/**
 * A context of an IVR (api.md §7): a named set of options and the input timing used while
 * the caller is in it.
 *
 * @param id the context id
 * @param name display name
 * @param timeout ms to wait for the first digit after an option's last rule (default
 * 5000)
 * @param interDigitTimeout ms to wait for each further digit (default 2000)
 * @param digitLen input ends at this many digits; also the longest possible input
 * @param allowAnyDial whether a dialled extension name of the client is transferred to
 */
public record Context(long id, String name, int timeout, int interDigitTimeout, int digitLen, boolean allowAnyDial) {

	public static final int DEFAULT_TIMEOUT_MS = 5000;

	public static final int DEFAULT_INTER_DIGIT_TIMEOUT_MS = 2000;

}
