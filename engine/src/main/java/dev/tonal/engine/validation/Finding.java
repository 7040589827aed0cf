package dev.tonal.engine.validation;

import java.util.Locale;
import java.util.Objects;

/**
 * One thing the validator found in an IVR (semantics.md rule 34): {@code path} locates it
 * ({@code "contexts[1].options[start].rules[0].sound"}: context id, option digits, rule
 * position), {@code message} says what is wrong and how to fix it.
 */
public record Finding(Severity severity, String path, String message) {

	public Finding {
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(message, "message");
	}

	/** Errors break calls; warnings are probably not what was meant. */
	public enum Severity {

		ERROR, WARNING;

		/** The spelling of rule 34 ("error"). */
		public String wire() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
