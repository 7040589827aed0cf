package dev.tonal.engine.validation;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tonal.engine.VoicemailRoute;
import dev.tonal.model.Action;
import dev.tonal.model.BuiltInOption;
import dev.tonal.model.CallerIdAction;
import dev.tonal.model.ContextConfig;
import dev.tonal.model.Interval;
import dev.tonal.model.IvrSettings;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.model.Rule;
import dev.tonal.model.SoundType;
import dev.tonal.model.validation.ContextValidator;
import dev.tonal.model.validation.FieldError;
import dev.tonal.model.validation.IvrSettingsValidator;
import dev.tonal.model.validation.References;
import dev.tonal.model.validation.RuleValidator;
import dev.tonal.model.validation.SnapshotReferences;

/**
 * Static analysis of a whole IVR (semantics.md rule 34): what a call would stumble over,
 * found before any call is made. Pure: it reads the snapshot only.
 *
 * <ul>
 * <li>errors: no entry context; every problem the model's per-rule validation
 * ({@link RuleValidator}, the API's check on write) finds in a stored rule, such as a
 * jump, option, sound or interval that does not exist, a caller-id pattern that does not
 * compile, or a value stored before a check was tightened; an interval with an unknown
 * timezone; a jump cycle with no input in between (the loop guard would hang up every
 * call);</li>
 * <li>warnings: contexts no call can reach; options that can never be selected (longer
 * than {@code digit_len}) or that hide a dialled extension; rules after an unconditional
 * jump or hang-up; a foreground prompt longer than the lifetime.</li>
 * </ul>
 */
public final class IvrValidator {

	private final IvrSnapshot ivr;

	private final References references;

	private final List<Finding> findings = new ArrayList<>();

	private IvrValidator(IvrSnapshot ivr, boolean speechRecogniserConfigured) {
		this.ivr = ivr;
		this.references = new SnapshotReferences(ivr, speechRecogniserConfigured);
	}

	/**
	 * Every finding, errors and warnings in the order the IVR is laid out.
	 * @param ivr the configuration
	 * @param speechRecogniserConfigured whether the server has a speech recogniser
	 * ({@code voice_helper} rules need one)
	 */
	public static List<Finding> validate(IvrSnapshot ivr, boolean speechRecogniserConfigured) {
		IvrValidator validator = new IvrValidator(ivr, speechRecogniserConfigured);
		validator.checkSettings();
		validator.ivr.contexts().values().forEach(validator::checkContext);
		validator.checkReachability();
		validator.checkJumpCycles();
		return List.copyOf(validator.findings);
	}

	private void error(String path, String message) {
		this.findings.add(new Finding(Finding.Severity.ERROR, path, message));
	}

	private void warning(String path, String message) {
		this.findings.add(new Finding(Finding.Severity.WARNING, path, message));
	}

	private static String path(long context, String option) {
		return "contexts[" + context + "].options[" + option + "]";
	}

	private static String path(long context, String option, int rule) {
		return path(context, option) + ".rules[" + rule + "]";
	}

	// ---- settings ----

	private void checkSettings() {
		if (this.ivr.settings().entryContext() == null) {
			error("entry_context", "The IVR has no entry context, so every call is hung up: set entry_context to one"
					+ " of its contexts.");
		}
		report("", IvrSettingsValidator.validate(this.ivr.settings(), this.references));
		if (RuleValidator.destinations(this.ivr.settings().lifetimeExpTransferDst())
			.stream()
			.anyMatch(VoicemailRoute::isVoicemail)) {
			warning("lifetime_exp_transfer_dst", "The lifetime transfer cannot lead to voicemail (the lifetime is"
					+ " over): " + VoicemailRoute.DESTINATION + " is rung as an extension and fails.");
		}
	}

	/**
	 * Problems the model's validation (the API's check on write) finds in stored values.
	 */
	private void report(String pathPrefix, List<FieldError> problems) {
		for (FieldError problem : problems) {
			error(pathPrefix + problem.field(), problem.field() + ": " + problem.message());
		}
	}

	// ---- one context ----

	private void checkContext(ContextConfig config) {
		long id = config.context().id();
		int digitLen = config.context().digitLen();
		report("contexts[" + id + "].", ContextValidator.validate(config.context()));
		for (Map.Entry<String, List<Rule>> option : config.options().entrySet()) {
			String digits = option.getKey();
			if (!BuiltInOption.isBuiltIn(digits)) {
				if (digits.length() > digitLen) {
					warning(path(id, digits),
							"Option " + digits + " has " + digits.length() + " digits but input ends at digit_len "
									+ digitLen + ": it can never be selected. Shorten it or raise digit_len.");
				}
				if (config.context().allowAnyDial() && this.ivr.extensionNames().contains(digits)
						&& !digits.equals(this.ivr.bareName())) {
					warning(path(id, digits), "Option " + digits + " has the name of extension " + digits
							+ ": with allow_any_dial the option wins and the extension cannot be dialled from here.");
				}
				if (option.getValue().isEmpty()) {
					warning(path(id, digits), "Option " + digits + " has no rules: selecting it hangs up.");
				}
			}
			checkRules(config, digits, option.getValue());
		}
	}

	private void checkRules(ContextConfig config, String option, List<Rule> rules) {
		long contextId = config.context().id();
		boolean ended = false;
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			String path = path(contextId, option, i);
			if (ended) {
				warning(path, "This rule never runs: an earlier rule of the option always jumps or hangs up.");
				ended = false;
			}
			checkRule(path, rule, contextId);
			checkIntervalZone(path, rule);
			checkVoicemailDestination(path, rule);
			if (rule.action() == Action.PLAY_SOUND && rule.soundType() == SoundType.FOREGROUND) {
				checkPromptLength(path, rule.sound());
			}
			if (isUnconditional(rule) && (rule.action() == Action.HANGUP || rule.action() == Action.JUMP_TO_CONTEXT)) {
				ended = true;
			}
		}
	}

	/**
	 * The model's per-rule validation, the same the API runs on every write, answered
	 * from the snapshot: it finds dangling sounds, jumps, options and intervals, and
	 * rules stored before a check was tightened.
	 */
	private void checkRule(String path, Rule rule, long contextId) {
		report(path + ".", RuleValidator.validate(rule, contextId, this.references));
	}

	/**
	 * What the per-rule validation cannot know: whether an interval's timezone exists.
	 */
	private void checkIntervalZone(String path, Rule rule) {
		Interval interval = (rule.interval() != null) ? this.ivr.intervals().get(rule.interval()) : null;
		if (interval == null) {
			return;
		}
		try {
			ZoneId.of(interval.timezone());
		}
		catch (DateTimeException ex) {
			error(path + ".interval",
					"Interval " + rule.interval() + " has an unknown timezone \"" + interval.timezone()
							+ "\", so this rule is always skipped: use an IANA zone such as Europe/Moscow.");
		}
	}

	/**
	 * A transfer to voicemail does nothing while voicemail is off (docs/voicemail.md).
	 */
	private void checkVoicemailDestination(String path, Rule rule) {
		if ((rule.action() == Action.TRANSFER || rule.action() == Action.SIMPLE_TRANSFER)
				&& !this.ivr.settings().vmEnabled()
				&& RuleValidator.destinations(rule.transferDst()).stream().anyMatch(VoicemailRoute::isVoicemail)) {
			warning(path + ".transfer_dst", "Its destination " + VoicemailRoute.DESTINATION
					+ " is skipped because vm_enabled is false: set vm_enabled to true to record voicemail.");
		}
	}

	private void checkPromptLength(String path, Long sound) {
		int lifetime = this.ivr.settings().lifetime();
		Integer duration = (sound != null) ? this.ivr.soundDurationsMs().get(sound) : null;
		if (lifetime > 0 && duration != null && duration > lifetime * 1000L) {
			warning(path + ".sound", "This foreground prompt lasts " + duration / 1000 + " s, longer than the "
					+ lifetime + " s lifetime: callers never hear its end. Shorten it or raise lifetime.");
		}
	}

	private static boolean isUnconditional(Rule rule) {
		return rule.interval() == null && rule.callerIdAction() == CallerIdAction.ANY
				&& rule.matchVariableName() == null;
	}

	// ---- the whole graph ----

	/** Contexts reachable from the entry context through jumps. */
	private void checkReachability() {
		Long entry = this.ivr.settings().entryContext();
		if (entry == null || !this.ivr.contexts().containsKey(entry)) {
			return;
		}
		Set<Long> reached = new HashSet<>();
		Deque<Long> todo = new ArrayDeque<>(List.of(entry));
		while (!todo.isEmpty()) {
			long id = todo.pop();
			if (!reached.add(id)) {
				continue;
			}
			for (List<Rule> rules : this.ivr.contexts().get(id).options().values()) {
				for (Rule rule : rules) {
					if (rule.action() == Action.JUMP_TO_CONTEXT && rule.context() != null
							&& this.ivr.contexts().containsKey(rule.context())) {
						todo.push(rule.context());
					}
				}
			}
		}
		boolean interactive = this.ivr.contexts()
			.values()
			.stream()
			.flatMap((c) -> c.options().values().stream())
			.flatMap(List::stream)
			.anyMatch((r) -> r.action() == Action.CALL_INTERACTIVE);
		for (long id : this.ivr.contexts().keySet()) {
			if (!reached.contains(id)) {
				warning("contexts[" + id + "]",
						"No call can reach context " + id + " from the entry context"
								+ (interactive ? " (unless a Call Interactive reply jumps there)" : "")
								+ ": add a jump to it or delete it.");
			}
		}
	}

	/**
	 * A cycle of jumps in which no option waits for the caller: every call running into
	 * it is cut off by the loop guard. An edge is a jump that runs before any rule that
	 * takes input; an option that reaches its end waits for input and has no edge.
	 */
	private void checkJumpCycles() {
		Map<String, List<Edge>> graph = new LinkedHashMap<>();
		for (ContextConfig config : this.ivr.contexts().values()) {
			for (Map.Entry<String, List<Rule>> option : config.options().entrySet()) {
				graph.put(node(config.context().id(), option.getKey()), edges(option.getValue()));
			}
		}
		Set<String> done = new HashSet<>();
		Set<String> reported = new HashSet<>();
		for (String start : graph.keySet()) {
			findCycle(start, graph, new ArrayList<>(), new ArrayList<>(), done, reported);
		}
	}

	private record Edge(String to, boolean conditional) {
	}

	private static String node(long context, String option) {
		return context + "/" + option;
	}

	private List<Edge> edges(List<Rule> rules) {
		List<Edge> edges = new ArrayList<>();
		for (Rule rule : rules) {
			if (rule.action() == Action.RECORD_DIGITS || rule.action() == Action.QUALITY_RATE
					|| rule.action() == Action.VOICE_HELPER
					|| rule.action() == Action.HANGUP && isUnconditional(rule)) {
				break;
			}
			if (rule.action() == Action.JUMP_TO_CONTEXT && rule.context() != null) {
				edges.add(new Edge(
						node(rule.context(),
								(rule.contextOption() != null) ? rule.contextOption() : BuiltInOption.START),
						!isUnconditional(rule)));
				if (isUnconditional(rule)) {
					break;
				}
			}
		}
		return edges;
	}

	private void findCycle(String node, Map<String, List<Edge>> graph, List<String> stack, List<Boolean> conditional,
			Set<String> done, Set<String> reported) {
		int at = stack.indexOf(node);
		if (at >= 0) {
			List<String> cycle = new ArrayList<>(stack.subList(at, stack.size()));
			String key = cycle.stream().sorted().toList().toString();
			if (reported.add(key)) {
				cycle.add(node);
				boolean anyConditional = conditional.subList(at, conditional.size()).contains(true);
				String[] first = cycle.get(0).split("/", 2);
				String message = "These options jump in a circle without waiting for the caller: "
						+ String.join(" → ", cycle) + " (context/option). Calls that enter it are hung up by the"
						+ " loop guard; let an option in the circle end without a jump (so it waits for input).";
				if (anyConditional) {
					warning(path(Long.parseLong(first[0]), first[1]),
							message.replace("jump in a circle", "may jump in a circle (depending on conditions)"));
				}
				else {
					error(path(Long.parseLong(first[0]), first[1]), message);
				}
			}
			return;
		}
		if (done.contains(node) || !graph.containsKey(node)) {
			return;
		}
		stack.add(node);
		for (Edge edge : graph.get(node)) {
			conditional.add(edge.conditional());
			findCycle(edge.to(), graph, stack, conditional, done, reported);
			conditional.remove(conditional.size() - 1);
		}
		stack.remove(stack.size() - 1);
		done.add(node);
	}

}
