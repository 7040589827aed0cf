package dev.tonal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tonal.model.IvrSnapshot;

/**
 * Drives one {@link CallSession} on a virtual clock: owns {@code now}, feeds events,
 * collects commands, and finishes playbacks on its own after their real duration (sound
 * durations from the snapshot; silence its length; spoken digits 500 ms a character; the
 * beep its length; anything else 1 s). Transfers, HTTP and speech are answered by the
 * test.
 */
final class EngineHarness {

	static final Instant START = Instant.parse("2026-11-23T07:00:00Z"); // a Monday, 10:00
																		// in Moscow

	final CallSession session;

	private final IvrSnapshot snapshot;

	private Instant now = START;

	private final List<Command> commands = new ArrayList<>();

	private final Map<Long, Instant> playbacks = new LinkedHashMap<>();

	EngineHarness(IvrSnapshot snapshot, CallInfo info, EngineSettings settings) {
		this.snapshot = snapshot;
		this.session = new CallSession(snapshot, info, settings);
	}

	static EngineHarness call(IvrSnapshot snapshot) {
		return call(snapshot, "+79161234567");
	}

	static EngineHarness call(IvrSnapshot snapshot, String callerNumber) {
		return new EngineHarness(snapshot, CallInfo.external("uuid-1", callerNumber, "Ivan", "+74950000000"),
				EngineSettings.defaults());
	}

	/** Starts the call (Answered at {@link #START}). */
	EngineHarness answer() {
		return handle(new Event.Answered());
	}

	EngineHarness handle(Event event) {
		List<Command> out = this.session.handle(event, this.now);
		for (Command command : out) {
			this.commands.add(command);
			switch (command) {
				case Command.PlaySound play ->
					schedule(play.playbackId(), this.snapshot.soundDurationsMs().getOrDefault(play.soundId(), 0));
				case Command.PlaySilence silence -> schedule(silence.playbackId(), silence.ms());
				case Command.PlayDigits digits -> schedule(digits.playbackId(), 500L * digits.text().length());
				case Command.PlaySynthesised synthesised -> schedule(synthesised.playbackId(), 1000);
				case Command.PlayNamedSound named -> schedule(named.playbackId(), 1000);
				case Command.PlayBeep beep -> schedule(beep.playbackId(), Command.PlayBeep.BEEP_MS);
				case Command.StopPlayback stop -> this.playbacks.remove(stop.playbackId());
				default -> {
				}
			}
		}
		return this;
	}

	private void schedule(long playbackId, long ms) {
		this.playbacks.put(playbackId, this.now.plusMillis(ms));
	}

	/** Presses keys now, over RFC 4733. */
	EngineHarness dtmf(String keys) {
		for (char key : keys.toCharArray()) {
			handle(new Event.Digit(key, DtmfTransport.RFC4733));
		}
		return this;
	}

	/**
	 * Moves time forward by {@code ms}, finishing playbacks and firing deadlines on the
	 * way.
	 */
	EngineHarness advance(long ms) {
		return advanceTo(this.now.plusMillis(ms));
	}

	/** Moves to {@code ms} after answer. */
	EngineHarness advanceToMs(long ms) {
		return advanceTo(START.plusMillis(ms));
	}

	private EngineHarness advanceTo(Instant target) {
		while (!this.session.isEnded()) {
			Map.Entry<Long, Instant> playback = nextPlayback();
			Optional<Instant> deadline = this.session.nextDeadline();
			Instant next = earliest(playback, deadline);
			if (next == null || next.isAfter(target)) {
				break;
			}
			this.now = next;
			if (playback != null && playback.getValue().equals(next)) {
				this.playbacks.remove(playback.getKey());
				handle(new Event.PlaybackFinished(playback.getKey()));
			}
			else {
				handle(new Event.TimerFired());
			}
		}
		if (target.isAfter(this.now)) {
			this.now = target;
		}
		return this;
	}

	/**
	 * Moves to the session's next deadline (finishing playbacks before it) and fires it.
	 */
	EngineHarness advanceToDeadline() {
		Instant deadline = this.session.nextDeadline().orElseThrow(() -> new AssertionError("no deadline"));
		return advanceTo(deadline);
	}

	/**
	 * Finishes playbacks and fires deadlines until the call ends (at most 5 simulated
	 * hours).
	 */
	EngineHarness runToEnd() {
		return advance(Duration.ofHours(5).toMillis());
	}

	private Map.Entry<Long, Instant> nextPlayback() {
		Map.Entry<Long, Instant> first = null;
		for (Map.Entry<Long, Instant> entry : this.playbacks.entrySet()) {
			if (first == null || entry.getValue().isBefore(first.getValue())) {
				first = entry;
			}
		}
		return first;
	}

	private static Instant earliest(Map.Entry<Long, Instant> playback, Optional<Instant> deadline) {
		Instant a = (playback != null) ? playback.getValue() : null;
		Instant b = deadline.orElse(null);
		if (a == null) {
			return b;
		}
		return (b == null || !b.isBefore(a)) ? a : b;
	}

	long nowMs() {
		return Duration.between(START, this.now).toMillis();
	}

	Instant now() {
		return this.now;
	}

	List<Command> commands() {
		return this.commands;
	}

	<T extends Command> List<T> commands(Class<T> type) {
		return this.commands.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<T extends Command> T last(Class<T> type) {
		List<T> all = commands(type);
		if (all.isEmpty()) {
			throw new AssertionError("no " + type.getSimpleName() + " in " + this.commands);
		}
		return all.get(all.size() - 1);
	}

	List<TraceEntry> trace() {
		return this.session.trace();
	}

	List<TraceEntry> trace(String type) {
		return trace().stream().filter((e) -> e.type().equals(type)).toList();
	}

	List<String> traceTypes() {
		return trace().stream().map(TraceEntry::type).toList();
	}

	CallResult result() {
		return this.session.result().orElseThrow(() -> new AssertionError("no result yet; trace: " + trace()));
	}

	// ---- answering the session's requests ----

	/** The id of the leg that rings {@code destination} in the last transfer. */
	long legOf(String destination) {
		return last(Command.Ring.class).legs()
			.stream()
			.filter((leg) -> leg.destination().equals(destination))
			.findFirst()
			.orElseThrow(() -> new AssertionError(destination + " is not rung: " + last(Command.Ring.class)))
			.legId();
	}

	EngineHarness answerTransfer(String destination) {
		return handle(new Event.LegAnswered(legOf(destination)));
	}

	EngineHarness failTransfer(String destination, TransferFailure reason) {
		return handle(new Event.LegFailed(legOf(destination), reason));
	}

	EngineHarness replyHttp(int status, String body) {
		return handle(new Event.HttpReplied(last(Command.HttpRequest.class).requestId(), status, body));
	}

}
