package dev.tonal.engine;

import java.time.DateTimeException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.tonal.model.Interval;
import dev.tonal.model.Rule;

/**
 * The conditions of a rule (semantics.md rule 6): interval (in the interval's timezone),
 * caller id, and match_variable. A rule runs only when all of them hold.
 */
final class Conditions {

	/** Numbers that mean "caller id withheld", compared case-insensitively. */
	private static final Set<String> WITHHELD = Set.of("", "anonymous", "withheld", "restricted", "private",
			"unavailable", "unknown");

	private Conditions() {
	}

	/** Why {@code rule} must be skipped now, or null when it runs. */
	static String whySkipped(Rule rule, CallState call) {
		if (rule.interval() != null) {
			Interval interval = call.snapshot.intervals().get(rule.interval());
			if (interval == null) {
				return "interval " + rule.interval() + " does not exist";
			}
			try {
				if (!interval.contains(call.now())) {
					return "interval " + rule.interval() + " (" + interval.name() + ") does not contain the time";
				}
			}
			catch (DateTimeException ex) {
				return "interval " + rule.interval() + " has an unknown timezone: " + interval.timezone();
			}
		}
		String callerWhy = callerIdWhy(rule, call.info.callerIdNumber());
		if (callerWhy != null) {
			return callerWhy;
		}
		if (rule.matchVariableName() != null) {
			String value = call.variables.get(rule.matchVariableName());
			if (value == null) {
				return "variable " + rule.matchVariableName() + " is not set";
			}
			if (!value.equals(rule.matchVariableValue())) {
				return "variable " + rule.matchVariableName() + " is \"" + value + "\", not \""
						+ rule.matchVariableValue() + "\"";
			}
		}
		return null;
	}

	private static String callerIdWhy(Rule rule, String number) {
		return switch (rule.callerIdAction()) {
			case ANY -> null;
			case ANONYMOUS -> isAnonymous(number) ? null : "caller id " + number + " is not anonymous";
			case MATCHES, NOT_MATCHES -> {
				Boolean found = find(rule.callerId(), number);
				if (found == null) {
					yield "caller id pattern is not a valid regular expression: " + rule.callerId();
				}
				boolean wanted = rule.callerIdAction() == dev.tonal.model.CallerIdAction.MATCHES;
				yield (found == wanted) ? null
						: "caller id " + number + (wanted ? " does not match " : " matches ") + rule.callerId();
			}
		};
	}

	static boolean isAnonymous(String number) {
		return number == null || WITHHELD.contains(number.trim().toLowerCase(Locale.ROOT));
	}

	private static Boolean find(String regex, String number) {
		if (regex == null) {
			return null;
		}
		try {
			return Pattern.compile(regex).matcher(number).find();
		}
		catch (PatternSyntaxException ex) {
			return null;
		}
	}

}
