package dev.tonal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tonal.model.Action;
import dev.tonal.model.BuiltInOption;
import dev.tonal.model.ContextConfig;
import dev.tonal.model.IvrSettings;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.model.LifetimeAction;
import dev.tonal.model.Rule;

/**
 * One call running through an IVR: the behaviour of semantics.md as a pure state machine.
 * The adapter feeds it {@link Event}s with the current time and carries out the
 * {@link Command}s it returns; after every call it re-arms its single timer to
 * {@link #nextDeadline()} and calls {@code handle(new TimerFired(), now)} when it fires.
 * No I/O, no threads, no clock, no randomness: the same inputs give the same outputs.
 *
 * <h2>Theory of operation</h2>
 *
 * <pre>
 *  NOT_STARTED --Answered--> SLEEPING --sleep_time over--> RUNNING --transfer bridged,------> BRIDGED
 *                 (sleep_time 0 goes straight to RUNNING)   ^   quality_rate follows        |
 *                                                           +------- CalleeHungUp ----------+
 *  lifetime over (SLEEPING, RUNNING): the step is cancelled; RUNNING a lifetime transfer, or ENDED
 *  any state --> ENDED: hangup rule, option without rules, lifetime, loop guard, caller hang-up,
 *                       transfer bridged with no quality_rate after it, transfer into another
 *                       IVR (ContinueWithIvr), engine error
 * </pre>
 *
 * <ul>
 * <li>{@code RUNNING} always has exactly one current {@link Step}: a rule's action, or
 * the wait for input of rules 8–10 ({@link InputStep}). A step answers every event with a
 * {@link Flow}; {@link #advance} turns flows into the next step in a loop (never by
 * recursion), counting rules and context entries for the loop guard (rule 29).</li>
 * <li>The option being run is {@code rules}, with {@code nextRule} the index of the rule
 * to run next; when it runs out the session waits for input in the current context (rule
 * 7).</li>
 * <li>Deadlines: the lifetime (paused while bridged), {@code sleep_time}, and the current
 * step's own one. {@link #handle} first fires every deadline due at {@code now}, earliest
 * first and the lifetime before a step's deadline at the same instant, each at its own
 * time; then it handles the event. So a digit arriving exactly at a deadline comes after
 * the timer.</li>
 * <li>{@code ENDED} is final: later events are ignored and produce nothing. The result is
 * set once, by the first thing that ends the IVR (a bridged transfer counts, even if a
 * quality_rate later takes the caller back).</li>
 * </ul>
 * What must never happen: a command after the caller hung up (apart from cancelling the
 * legs being rung); waiting for a digit that cannot change the outcome; an exception
 * escaping {@link #handle} (an engine bug becomes a sticky {@code error} end with a
 * hang-up, so the adapter never has to guess the state).
 */
public final class CallSession {

	private enum Mode {

		NOT_STARTED, SLEEPING, RUNNING, BRIDGED, ENDED

	}

	private final CallState call;

	private Mode mode = Mode.NOT_STARTED;

	private Step step;

	private List<Rule> rules = List.of();

	private int nextRule;

	private Instant sleepUntil;

	private Instant lifetimeAt;

	private Duration lifetimeLeftWhileBridged;

	private boolean lifetimeTransfer;

	private int rulesSinceDigit;

	private int entriesSinceDigit;

	private int qualityRateAfterBridge = -1;

	private long bridgedLegId;

	private final KeyPresses keyPresses = new KeyPresses();

	private CallResult result;

	public CallSession(IvrSnapshot snapshot, CallInfo info, EngineSettings settings) {
		this.call = new CallState(snapshot, info, settings);
	}

	/** Handles one event at {@code now}; the commands to carry out, in order. */
	public List<Command> handle(Event event, Instant now) {
		if (this.mode == Mode.ENDED) {
			return List.of();
		}
		if (this.call.now() != null && now.isBefore(this.call.now())) {
			// Time never goes back for a call: a late event happened no earlier than the
			// last.
			now = this.call.now();
		}
		try {
			if (this.mode == Mode.NOT_STARTED) {
				if (event instanceof Event.Answered) {
					this.call.answered(now);
					start();
				}
				return this.call.takeCommands();
			}
			fireDueDeadlines(now);
			this.call.setNow(now);
			if (this.mode != Mode.ENDED) {
				dispatch(event);
			}
		}
		catch (RuntimeException bug) {
			this.call.setNow(now);
			this.call.trace("error", "why", String.valueOf(bug));
			end(CallResult.End.ERROR, "engine error", true);
		}
		return this.call.takeCommands();
	}

	/** When the adapter must call {@code handle(new TimerFired(), …)}, if ever. */
	public Optional<Instant> nextDeadline() {
		if (this.mode == Mode.ENDED || this.mode == Mode.NOT_STARTED) {
			return Optional.empty();
		}
		Instant next = earliest(this.lifetimeAt, this.sleepUntil);
		next = earliest(next, (this.step != null) ? this.step.deadline() : null);
		return Optional.ofNullable(next);
	}

	/** Whether the IVR is over for this call. */
	public boolean isEnded() {
		return this.mode == Mode.ENDED;
	}

	/**
	 * How the IVR ended, once it has; a bridged transfer is {@code transferred} even
	 * while a following quality_rate waits for the callee to hang up.
	 */
	public Optional<CallResult> result() {
		return Optional.ofNullable(this.result);
	}

	/** The trace so far (rule 33), oldest first. */
	public List<TraceEntry> trace() {
		return List.copyOf(this.call.traceEntries());
	}

	/** The call's variables now. */
	public Map<String, String> variables() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(this.call.variables.asMap()));
	}

	// ---- start (rule 2) ----

	private void start() {
		CallInfo info = this.call.info;
		IvrSnapshot snapshot = this.call.snapshot;
		this.call.variables.put("called_did", info.calledDidVariable(snapshot));
		this.call.variables.put("caller_id_number", info.callerIdNumber());
		this.call.variables.put("caller_id_name", info.callerIdName());
		this.call.variables.put("call_uuid", info.callUuid());
		this.lifetimeAt = this.call.now().plus(lifetime(snapshot.settings()));
		if (snapshot.settings().sleepTime() > 0) {
			this.mode = Mode.SLEEPING;
			this.sleepUntil = this.call.after(snapshot.settings().sleepTime());
		}
		else {
			enterEntryContext();
		}
	}

	private Duration lifetime(IvrSettings settings) {
		Duration cap = this.call.settings.lifetimeCap();
		if (settings.lifetime() <= 0) {
			return cap;
		}
		Duration own = Duration.ofSeconds(settings.lifetime());
		return (own.compareTo(cap) < 0) ? own : cap;
	}

	private void enterEntryContext() {
		this.mode = Mode.RUNNING;
		Long entry = this.call.snapshot.settings().entryContext();
		if (entry == null || !this.call.snapshot.contexts().containsKey(entry)) {
			this.call.trace("error", "why", (entry == null) ? "the IVR has no entry context"
					: "the entry context " + entry + " does not exist");
			end(CallResult.End.ERROR, "no entry context", true);
			return;
		}
		advance(new Flow.Enter(entry, BuiltInOption.START));
	}

	// ---- events ----

	private void dispatch(Event event) {
		switch (event) {
			case Event.Answered answered -> {
				// A repeated answer (e.g. a retransmitted ACK) changes nothing.
			}
			case Event.TimerFired timer -> {
				// Due deadlines have already fired; an early or repeated timer changes
				// nothing.
			}
			case Event.CallerHungUp hungUp -> callerHungUp();
			case Event.Digit digit -> digit(digit);
			case Event.CalleeHungUp hungUp -> {
				if (this.mode == Mode.BRIDGED && hungUp.legId() == this.bridgedLegId) {
					calleeHungUp();
				}
			}
			default -> {
				if (this.mode == Mode.RUNNING) {
					advance(this.step.on(event));
				}
			}
		}
	}

	private void digit(Event.Digit digit) {
		if (!this.keyPresses.isNew(digit, this.call.now())) {
			this.call.trace("digit", "digit", String.valueOf(digit.digit()), "transport", digit.transport().wire(),
					"used", false, "duplicate", true);
			return;
		}
		this.rulesSinceDigit = 0;
		this.entriesSinceDigit = 0;
		switch (this.mode) {
			case SLEEPING -> this.call.keepDigit(digit);
			case RUNNING -> advance(this.step.onDigit(digit));
			default -> this.call.traceDigit(digit, false);
		}
	}

	private void callerHungUp() {
		if (this.step != null) {
			this.step.cancel();
		}
		end(CallResult.End.CALLER_HANGUP, "caller hung up", false);
	}

	private void calleeHungUp() {
		this.call.trace("transfer_ended", "why", "callee hung up");
		this.mode = Mode.RUNNING;
		this.lifetimeAt = this.call.now().plus(this.lifetimeLeftWhileBridged);
		this.nextRule = this.qualityRateAfterBridge;
		advance(Flow.NEXT);
	}

	// ---- deadlines ----

	private void fireDueDeadlines(Instant now) {
		for (int guard = 0; guard < 10_000; guard++) {
			Optional<Instant> due = nextDeadline();
			if (due.isEmpty() || due.get().isAfter(now)) {
				return;
			}
			Instant at = due.get();
			this.call.setNow(at);
			if (at.equals(this.lifetimeAt)) {
				lifetimeExpired();
			}
			else if (at.equals(this.sleepUntil)) {
				this.sleepUntil = null;
				this.call.trace("timer_fired", "timer", "sleep_time");
				enterEntryContext();
			}
			else {
				advance(this.step.onDeadline());
			}
		}
		throw new IllegalStateException("a deadline keeps firing without moving");
	}

	/** Rule 28: whatever is happening stops, then the lifetime action runs. */
	private void lifetimeExpired() {
		this.lifetimeAt = null;
		this.sleepUntil = null;
		this.call.trace("timer_fired", "timer", "lifetime");
		if (this.step != null) {
			this.step.cancel();
			this.step = null;
		}
		IvrSettings settings = this.call.snapshot.settings();
		List<String> destinations = TransferStep.split(settings.lifetimeExpTransferDst());
		if (settings.lifetimeExpAction() == LifetimeAction.TRANSFER && !destinations.isEmpty()) {
			this.mode = Mode.RUNNING;
			this.lifetimeTransfer = true;
			Step transfer = new TransferStep(this.call, destinations, this.call.settings.ringTimeout(),
					new Flow.End(CallResult.End.LIFETIME, "lifetime expired; the lifetime transfer failed"));
			this.step = transfer;
			advance(transfer.start());
		}
		else {
			end(CallResult.End.LIFETIME, "lifetime expired", true);
		}
	}

	// ---- running options and rules ----

	/** Follows flows until a step waits or the call ends. */
	private void advance(Flow first) {
		Flow flow = first;
		while (flow != Flow.WAIT && this.mode != Mode.ENDED) {
			this.step = null;
			flow = switch (flow) {
				case Flow.Wait wait -> wait;
				case Flow.Next next -> runNextRule();
				case Flow.Enter enter -> enter(enter.contextId(), enter.option());
				case Flow.RunOption option -> enter(this.call.context.context().id(), option.option());
				case Flow.RunRules run -> runRules(run.label(), run.rules());
				case Flow.Collect collect -> waitForInput(this.call.takeKeptDigits() + collect.firstDigit());
				case Flow.Bridged bridged -> bridged(bridged);
				case Flow.ContinuedInIvr ivr -> {
					transferred(ivr.destination());
					this.mode = Mode.ENDED;
					yield Flow.WAIT;
				}
				case Flow.Voicemail voicemail -> {
					this.step = new VoicemailStep(this.call);
					yield this.step.start();
				}
				case Flow.End end -> {
					end(end.end(), end.reason(), true);
					yield Flow.WAIT;
				}
			};
		}
	}

	/**
	 * Rules 4 and 15: enter a context at an option (also how input selects an option).
	 */
	private Flow enter(long contextId, String option) {
		ContextConfig context = this.call.snapshot.contexts().get(contextId);
		if (context == null) {
			this.call.trace("error", "why", "context " + contextId + " does not exist");
			return new Flow.End(CallResult.End.ERROR, "jump to a context that does not exist");
		}
		if (++this.entriesSinceDigit > this.call.settings.maxContextEntriesWithoutInput()) {
			return loop(this.call.settings.maxContextEntriesWithoutInput() + " context entries");
		}
		this.call.context = context;
		this.call.trace("context_entered", "context", contextId, "option", option);
		List<Rule> optionRules = context.rulesOf(option);
		if (optionRules == null && !BuiltInOption.isBuiltIn(option)) {
			this.call.trace("error", "why", "option " + option + " does not exist in context " + contextId);
			return new Flow.End(CallResult.End.ERROR, "option does not exist");
		}
		return runRules(option, (optionRules != null) ? optionRules : List.of());
	}

	/** Rule 5: run an option's rules in order; an option without rules hangs up. */
	private Flow runRules(String label, List<Rule> optionRules) {
		if (optionRules.isEmpty()) {
			return new Flow.End(CallResult.End.HANGUP, "option " + label + " has no rules");
		}
		this.rules = optionRules;
		this.nextRule = 0;
		return Flow.NEXT;
	}

	private Flow runNextRule() {
		if (this.nextRule >= this.rules.size()) {
			return waitForInput(this.call.takeKeptDigits());
		}
		Rule rule = this.rules.get(this.nextRule++);
		if (++this.rulesSinceDigit > this.call.settings.maxRulesWithoutInput()) {
			return loop(this.call.settings.maxRulesWithoutInput() + " rules");
		}
		String why = Conditions.whySkipped(rule, this.call);
		if (why != null) {
			this.call.trace("rule_skipped", "rule", rule.id(), "action", rule.action().wire(), "why", why);
			return Flow.NEXT;
		}
		this.call.trace("rule_started", "rule", rule.id(), "action", rule.action().wire());
		this.step = RuleSteps.of(rule, this.call);
		return this.step.start();
	}

	/** Rules 7–8: wait for input in the current context, starting with {@code digits}. */
	private Flow waitForInput(String digits) {
		this.step = new InputStep(this.call, digits);
		return this.step.start();
	}

	private Flow loop(String what) {
		this.call.trace("error", "why", what + " without a caller digit");
		return new Flow.End(CallResult.End.LOOP, "loop");
	}

	/** Rule 16: bridged. The IVR is over, unless a quality_rate follows in the option. */
	private Flow bridged(Flow.Bridged bridged) {
		transferred(bridged.destination());
		int rating = this.lifetimeTransfer ? -1 : indexOfQualityRate(this.nextRule);
		if (rating < 0) {
			this.mode = Mode.ENDED;
			return Flow.WAIT;
		}
		this.mode = Mode.BRIDGED;
		this.bridgedLegId = bridged.legId();
		this.qualityRateAfterBridge = rating;
		this.lifetimeLeftWhileBridged = Duration.between(this.call.now(), this.lifetimeAt);
		this.lifetimeAt = null;
		return Flow.WAIT;
	}

	private void transferred(String destination) {
		if (this.result == null) {
			this.result = new CallResult(CallResult.End.TRANSFERRED, this.call.at(), destination, "transferred");
		}
	}

	private int indexOfQualityRate(int from) {
		for (int i = from; i < this.rules.size(); i++) {
			if (this.rules.get(i).action() == Action.QUALITY_RATE) {
				return i;
			}
		}
		return -1;
	}

	private void end(CallResult.End end, String reason, boolean hangUp) {
		if (this.result == null) {
			this.result = new CallResult(end, this.call.at(), null, reason);
		}
		this.call.trace("hangup", "why", reason);
		if (hangUp) {
			this.call.emit(new Command.HangUp(reason));
		}
		this.mode = Mode.ENDED;
		this.step = null;
		this.sleepUntil = null;
		this.lifetimeAt = null;
	}

	private static Instant earliest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isBefore(b)) ? a : b;
	}

}
