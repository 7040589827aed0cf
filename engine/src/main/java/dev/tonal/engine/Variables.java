package dev.tonal.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IVR variables of one call, in the order they were first set, and {@code ${var}}
 * expansion (semantics.md rule 19: unknown variables expand to "").
 */
final class Variables {

	private final Map<String, String> values = new LinkedHashMap<>();

	String get(String name) {
		return this.values.get(name);
	}

	void put(String name, String value) {
		this.values.put(name, value);
	}

	Map<String, String> asMap() {
		return Collections.unmodifiableMap(this.values);
	}

	/** {@code template} with every {@code ${name}} replaced by the variable's value. */
	String expand(String template) {
		if (template == null || template.indexOf("${") < 0) {
			return template;
		}
		StringBuilder out = new StringBuilder(template.length());
		int i = 0;
		while (i < template.length()) {
			int open = template.indexOf("${", i);
			int close = (open >= 0) ? template.indexOf('}', open + 2) : -1;
			if (open < 0 || close < 0) {
				out.append(template, i, template.length());
				break;
			}
			out.append(template, i, open);
			String value = this.values.get(template.substring(open + 2, close));
			out.append((value != null) ? value : "");
			i = close + 1;
		}
		return out.toString();
	}

}
