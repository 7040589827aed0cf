package dev.tonal.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A context with its options, each option holding its rules in execution order. The map
 * keeps the option list's order: the built-in options first, then custom ones as created.
 */
public record ContextConfig(Context context, Map<String, List<Rule>> options) {

	public ContextConfig {
		Map<String, List<Rule>> copy = new LinkedHashMap<>();
		options.forEach((digits, rules) -> copy.put(digits, List.copyOf(rules)));
		options = Collections.unmodifiableMap(copy);
	}

	/** The rules of {@code digits}, or null when the context has no such option. */
	public List<Rule> rulesOf(String digits) {
		return this.options.get(digits);
	}

}
