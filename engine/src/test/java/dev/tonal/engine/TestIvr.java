package dev.tonal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tonal.model.Action;
import dev.tonal.model.BuiltInOption;
import dev.tonal.model.Context;
import dev.tonal.model.ContextConfig;
import dev.tonal.model.Interval;
import dev.tonal.model.IvrSettings;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.model.LifetimeAction;
import dev.tonal.model.Rule;
import dev.tonal.model.SoundType;

/** Builds IVR snapshots for tests: IVR "000*071" of client 12, extension id 204. */
public final class TestIvr {

	private final Map<Long, Context> contexts = new LinkedHashMap<>();

	private final Map<Long, Map<String, List<Rule>>> options = new HashMap<>();

	private final Map<Long, Integer> sounds = new HashMap<>();

	private final Map<Long, Interval> intervals = new HashMap<>();

	private Set<String> extensions = Set.of("071", "002", "050", "105");

	private Long entry = 1L;

	private int lifetime = 1800;

	private LifetimeAction lifetimeAction = LifetimeAction.HANGUP;

	private String lifetimeDst;

	private int sleepTime;

	private boolean vmEnabled;

	private Long vmGreeting;

	private long nextRuleId = 1;

	/** A new builder with context 1: timeout 5000, inter-digit 2000, digit_len 1. */
	public static TestIvr menu() {
		return new TestIvr().context(1, 5000, 2000, 1, false);
	}

	public TestIvr context(long id, int timeout, int interDigit, int digitLen, boolean allowAnyDial) {
		this.contexts.put(id, new Context(id, "context " + id, timeout, interDigit, digitLen, allowAnyDial));
		Map<String, List<Rule>> opts = new LinkedHashMap<>();
		for (String builtIn : BuiltInOption.ALL) {
			opts.put(builtIn, new ArrayList<>());
		}
		this.options.put(id, opts);
		return this;
	}

	/** Adds rules to an option of a context, creating the option if needed. */
	public TestIvr rules(long context, String option, Rule.Builder... rules) {
		List<Rule> list = this.options.get(context).computeIfAbsent(option, (o) -> new ArrayList<>());
		for (Rule.Builder rule : rules) {
			list.add(rule.id(this.nextRuleId++).build());
		}
		return this;
	}

	public TestIvr sound(long id, int durationMs) {
		this.sounds.put(id, durationMs);
		return this;
	}

	public TestIvr interval(Interval interval) {
		this.intervals.put(interval.id(), interval);
		return this;
	}

	public TestIvr extensions(String... names) {
		this.extensions = Set.of(names);
		return this;
	}

	public TestIvr entry(Long context) {
		this.entry = context;
		return this;
	}

	public TestIvr lifetime(int seconds, LifetimeAction action, String destination) {
		this.lifetime = seconds;
		this.lifetimeAction = action;
		this.lifetimeDst = destination;
		return this;
	}

	public TestIvr sleepTime(int ms) {
		this.sleepTime = ms;
		return this;
	}

	/** Voicemail on or off, with a greeting sound or null for the default greeting. */
	public TestIvr voicemail(boolean enabled, Long greeting) {
		this.vmEnabled = enabled;
		this.vmGreeting = greeting;
		return this;
	}

	public IvrSnapshot build() {
		Map<Long, ContextConfig> configs = new LinkedHashMap<>();
		this.contexts.forEach((id, context) -> configs.put(id, new ContextConfig(context, this.options.get(id))));
		IvrSettings settings = new IvrSettings(this.entry, this.lifetime, this.lifetimeAction, this.lifetimeDst,
				this.sleepTime, this.vmEnabled, this.vmGreeting, null, false);
		return new IvrSnapshot(204, "000*071", 12, "Europe/Moscow", "ru", settings, configs, this.sounds,
				this.extensions, this.intervals);
	}

	// ---- rule shorthands ----

	public static Rule.Builder play(long sound, SoundType type) {
		return Rule.builder(Action.PLAY_SOUND).sound(sound).soundType(type);
	}

	public static Rule.Builder background(long sound) {
		return play(sound, SoundType.BACKGROUND);
	}

	public static Rule.Builder foreground(long sound) {
		return play(sound, SoundType.FOREGROUND);
	}

	public static Rule.Builder transfer(String destinations) {
		return Rule.builder(Action.TRANSFER).transferDst(destinations);
	}

	public static Rule.Builder jump(long context) {
		return Rule.builder(Action.JUMP_TO_CONTEXT).context(context);
	}

	public static Rule.Builder hangup() {
		return Rule.builder(Action.HANGUP);
	}

	public static Rule.Builder setVariable(String name, String value) {
		return Rule.builder(Action.SET_VARIABLE).setVariableName(name).setVariableValue(value);
	}

	/**
	 * The example IVR of the seed: context 1, digit_len 3, allow_any_dial, timeout 5000,
	 * inter-digit 2000; start plays sound 52 (foreground, 3 s) then sound 51 (background,
	 * 4 s); 1 → +7987654321, 2 → 002, timeout → 050; sleep_time 5000.
	 */
	public static IvrSnapshot seedExample() {
		return new TestIvr().context(1, 5000, 2000, 3, true)
			.sound(51, 4000)
			.sound(52, 3000)
			.sleepTime(5000)
			.rules(1, "start", foreground(52), background(51))
			.rules(1, "2", transfer("002"))
			.rules(1, "1", transfer("+7987654321"))
			.rules(1, "timeout", transfer("050"))
			.build();
	}

}
