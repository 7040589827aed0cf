package dev.tonal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.tonal.model.ContextConfig;
import dev.tonal.model.IvrSnapshot;

/**
 * The data of one call that the steps share, and the outputs of the current
 * {@code handle} call: commands to send and trace entries. It makes no decisions: those
 * belong to {@link CallSession} and the steps.
 */
final class CallState {

	final IvrSnapshot snapshot;

	final CallInfo info;

	final EngineSettings settings;

	final Variables variables = new Variables();

	/** What transfers present as the caller (rule 21). */
	String presentedNumber;

	String presentedName;

	/** The greeting synthesised by Call Interactive's TextToSpeech, if any (rule 12). */
	String greeting;

	/** The context the call is in (its timeouts and options govern input). */
	ContextConfig context;

	/** Digits typed while no input was being collected (rule 11). */
	private final StringBuilder keptDigits = new StringBuilder();

	private final List<TraceEntry> trace = new ArrayList<>();

	private List<Command> commands = new ArrayList<>();

	private Instant answeredAt;

	private Instant now;

	private long lastId;

	CallState(IvrSnapshot snapshot, CallInfo info, EngineSettings settings) {
		this.snapshot = snapshot;
		this.info = info;
		this.settings = settings;
		this.presentedNumber = info.callerIdNumber();
		this.presentedName = info.callerIdName();
	}

	void answered(Instant at) {
		this.answeredAt = at;
		this.now = at;
	}

	Instant now() {
		return this.now;
	}

	void setNow(Instant now) {
		this.now = now;
	}

	/** ms since the call was answered. */
	long at() {
		return (this.answeredAt != null) ? Duration.between(this.answeredAt, this.now).toMillis() : 0;
	}

	Instant after(long ms) {
		return this.now.plusMillis(ms);
	}

	/** A new id for a playback, transfer or request of this call. */
	long newId() {
		return ++this.lastId;
	}

	void emit(Command command) {
		this.commands.add(command);
	}

	List<Command> takeCommands() {
		if (this.commands.isEmpty()) {
			return List.of();
		}
		List<Command> out = this.commands;
		this.commands = new ArrayList<>();
		return out;
	}

	void trace(String type, Object... namesAndValues) {
		this.trace.add(TraceEntry.of(at(), type, namesAndValues));
	}

	List<TraceEntry> traceEntries() {
		return this.trace;
	}

	void traceDigit(Event.Digit digit, boolean used) {
		trace("digit", "digit", String.valueOf(digit.digit()), "transport", digit.transport().wire(), "used", used);
	}

	/** Sets a variable and records it in the trace. */
	void setVariable(String name, String value) {
		this.variables.put(name, value);
		trace("variable_set", "name", name, "value", value);
	}

	String expand(String template) {
		return this.variables.expand(template);
	}

	/** Keeps a digit typed while a rule that takes no input runs (rule 11). */
	void keepDigit(Event.Digit digit) {
		this.keptDigits.append(digit.digit());
		trace("digit", "digit", String.valueOf(digit.digit()), "transport", digit.transport().wire(), "used", true,
				"kept", true);
	}

	/** The kept digits, which the caller of this method now owns. */
	String takeKeptDigits() {
		String digits = this.keptDigits.toString();
		this.keptDigits.setLength(0);
		return digits;
	}

}
