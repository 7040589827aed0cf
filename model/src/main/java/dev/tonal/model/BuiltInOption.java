package dev.tonal.model;

import java.util.List;

/** The options every context has from its creation (api.md §7). */
public final class BuiltInOption {

	public static final String START = "start";

	public static final String TIMEOUT = "timeout";

	public static final String INVALID = "invalid";

	/** In the order the option list shows them. */
	public static final List<String> ALL = List.of(START, TIMEOUT, INVALID);

	private BuiltInOption() {
	}

	public static boolean isBuiltIn(String digits) {
		return ALL.contains(digits);
	}

}
