package dev.tonal.engine.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

import dev.tonal.engine.CallInfo;
import dev.tonal.engine.CallResult;
import dev.tonal.engine.CallSession;
import dev.tonal.engine.Command;
import dev.tonal.engine.DtmfTransport;
import dev.tonal.engine.EngineSettings;
import dev.tonal.engine.Event;
import dev.tonal.engine.HttpFailure;
import dev.tonal.model.IvrSnapshot;

/**
 * Runs an IVR on a virtual clock, without SIP (semantics.md rule 33): the same
 * {@link CallSession} as real calls, driven by a script. It plays the part of the adapter
 * and the outside world: prompts take their real duration (from
 * {@link IvrSnapshot#soundDurationsMs()}), destinations answer or fail as the input says,
 * Call Interactive URLs reply as stubbed, speech is heard while the IVR listens.
 *
 * <table>
 * <caption>Durations the simulator assumes</caption>
 * <tr>
 * <td>a sound</td>
 * <td>its duration; 0 when unknown</td>
 * </tr>
 * <tr>
 * <td>a sound named by Call Interactive</td>
 * <td>0 (names are resolved only on real calls)</td>
 * </tr>
 * <tr>
 * <td>spoken digits</td>
 * <td>{@value #SPOKEN_CHARACTER_MS} ms a character</td>
 * </tr>
 * <tr>
 * <td>a synthesised greeting</td>
 * <td>{@value #SYNTHESISED_CHARACTER_MS} ms a character of its text</td>
 * </tr>
 * <tr>
 * <td>the voicemail beep</td>
 * <td>{@link Command.PlayBeep#BEEP_MS} ms</td>
 * </tr>
 * <tr>
 * <td>a voicemail recording</td>
 * <td>until the caller presses {@code #} or hangs up, or the maximum length (silence is
 * not simulated)</td>
 * </tr>
 * <tr>
 * <td>answering, failing, synthesising</td>
 * <td>at once</td>
 * </tr>
 * </table>
 * Pure: no clock, no threads, no I/O.
 */
public final class Simulator {

	static final long SPOKEN_CHARACTER_MS = 700;

	static final long SYNTHESISED_CHARACTER_MS = 80;

	private final IvrSnapshot snapshot;

	private final EngineSettings settings;

	public Simulator(IvrSnapshot snapshot, EngineSettings settings) {
		this.snapshot = snapshot;
		this.settings = settings;
	}

	public SimulationOutput run(SimulationInput input) {
		return new Run(input).run();
	}

	/** One simulated call: the pending world events on a timeline. */
	private final class Run {

		private final SimulationInput input;

		private final CallSession session;

		private final Instant start;

		private final PriorityQueue<Pending> timeline = new PriorityQueue<>();

		private final Set<String> cancelled = new HashSet<>();

		private final Map<String, String> synthesisedText = new HashMap<>();

		private final List<SimulationOutput.Rating> ratings = new ArrayList<>();

		private long sequence;

		private boolean listening;

		Run(SimulationInput input) {
			this.input = input;
			this.start = input.time();
			CallInfo info = CallInfo.external("simulation", input.callerIdNumber(), input.callerIdName(),
					input.calledDid());
			this.session = new CallSession(Simulator.this.snapshot, info, Simulator.this.settings);
		}

		SimulationOutput run() {
			for (SimulationInput.CallerEvent event : this.input.events()) {
				if (event.hangup()) {
					schedule(event.at(), new Event.CallerHungUp(), null);
				}
				else {
					for (char key : event.dtmf().toCharArray()) {
						schedule(event.at(), new Event.Digit(key, DtmfTransport.SIMULATED), null);
					}
				}
			}
			for (SimulationInput.Speech speech : this.input.speech()) {
				schedule(speech.at(), new Event.SpeechRecognised(speech.text()), null);
			}
			Instant end = this.start.plusMillis(this.input.maxDurationMs());
			handle(new Event.Answered(), this.start);
			// A bridged transfer ends the simulation even when a quality_rate would
			// follow.
			while (!this.session.isEnded() && this.session.result().isEmpty()) {
				Pending next = this.timeline.peek();
				Optional<Instant> deadline = this.session.nextDeadline();
				Instant at = (next != null) ? next.at() : null;
				if (deadline.isPresent() && (at == null || deadline.get().isBefore(at))) {
					at = deadline.get();
					next = null;
				}
				if (at == null || at.isAfter(end)) {
					return output(new SimulationOutput.Result("max_duration", this.input.maxDurationMs(), null,
							"the simulation reached max_duration"));
				}
				if (next == null) {
					handle(new Event.TimerFired(), at);
				}
				else {
					this.timeline.poll();
					deliver(next);
				}
			}
			CallResult result = this.session.result().orElseThrow();
			return output(new SimulationOutput.Result(result.end().wire(), result.at(), result.destination(),
					result.reason()));
		}

		private void deliver(Pending pending) {
			if (pending.tag() != null && this.cancelled.contains(pending.tag())) {
				return;
			}
			if (pending.event() instanceof Event.SpeechRecognised) {
				if (!this.listening) {
					return;
				}
				this.listening = false;
			}
			handle(pending.event(), pending.at());
		}

		private SimulationOutput output(SimulationOutput.Result result) {
			return new SimulationOutput(result, this.session.trace(), this.session.variables(), this.ratings);
		}

		private void schedule(long msAfterStart, Event event, String tag) {
			scheduleAt(this.start.plusMillis(msAfterStart), event, tag);
		}

		private void scheduleAt(Instant at, Event event, String tag) {
			this.timeline.add(new Pending(at, this.sequence++, event, tag));
		}

		private void handle(Event event, Instant now) {
			for (Command command : this.session.handle(event, now)) {
				carryOut(command, now);
			}
		}

		private void carryOut(Command command, Instant now) {
			switch (command) {
				case Command.PlaySound play -> finishPlayback(play.playbackId(), now,
						Simulator.this.snapshot.soundDurationsMs().getOrDefault(play.soundId(), 0));
				case Command.PlayNamedSound play -> finishPlayback(play.playbackId(), now, 0);
				case Command.PlaySilence silence -> finishPlayback(silence.playbackId(), now, silence.ms());
				case Command.PlayDigits digits ->
					finishPlayback(digits.playbackId(), now, SPOKEN_CHARACTER_MS * digits.text().length());
				case Command.PlaySynthesised greeting -> finishPlayback(greeting.playbackId(), now,
						SYNTHESISED_CHARACTER_MS * this.synthesisedText.getOrDefault(greeting.greeting(), "").length());
				case Command.PlayBeep beep -> finishPlayback(beep.playbackId(), now, Command.PlayBeep.BEEP_MS);
				case Command.StopPlayback stop -> this.cancelled.add("playback " + stop.playbackId());
				case Command.Ring ring -> ring(ring, now);
				case Command.CancelLeg cancel -> this.cancelled.add("leg " + cancel.legId());
				case Command.StartRingback ringback -> {
					// nothing to hear in a simulation
				}
				case Command.StopRingback ringback -> {
					// nothing to hear in a simulation
				}
				case Command.HttpRequest request -> request(request, now);
				case Command.Synthesise synthesise -> {
					String greeting = "synthesised-" + synthesise.requestId();
					this.synthesisedText.put(greeting, synthesise.text());
					scheduleAt(now, new Event.SpeechSynthesised(synthesise.requestId(), greeting), null);
				}
				case Command.Recognise recognise -> this.listening = true;
				case Command.StopRecognising stop -> this.listening = false;
				case Command.StoreRating rating ->
					this.ratings.add(new SimulationOutput.Rating(rating.rate(), rating.maxRate()));
				case Command.StartRecording recording -> {
					// The simulated caller speaks until they press # or hang up, or the
					// session's maximum length: silence is never simulated.
				}
				case Command.StopRecording stop -> {
					// Nothing is stored: the trace shows the voicemail.
				}
				case Command.Bridge bridge -> {
					// The session records the transfer; the simulated call is over for
					// the IVR.
				}
				case Command.ContinueWithIvr ivr -> {
					// The session records the transfer; the simulated call is over for
					// the IVR.
				}
				case Command.HangUp hangUp -> {
					// The session has ended itself.
				}
			}
		}

		private void finishPlayback(long playbackId, Instant now, long ms) {
			scheduleAt(now.plusMillis(ms), new Event.PlaybackFinished(playbackId), "playback " + playbackId);
		}

		private void ring(Command.Ring ring, Instant now) {
			for (Command.Leg leg : ring.legs()) {
				String tag = "leg " + leg.legId();
				String outcome = this.input.transfers().getOrDefault(leg.destination(), "answer");
				switch (outcome) {
					case "answer" -> scheduleAt(now, new Event.LegAnswered(leg.legId()), tag);
					case "no_answer" -> {
						// Rings until the session's ring timeout.
					}
					default -> scheduleAt(now,
							new Event.LegFailed(leg.legId(), SimulationInput.IMMEDIATE_FAILURES.get(outcome)), tag);
				}
			}
		}

		private void request(Command.HttpRequest request, Instant now) {
			SimulationInput.HttpStub stub = this.input.http().get(request.url());
			if (stub == null) {
				scheduleAt(now, new Event.HttpFailed(request.requestId(), HttpFailure.UNREACHABLE), null);
			}
			else {
				scheduleAt(now.plusMillis(stub.delay()),
						new Event.HttpReplied(request.requestId(), stub.status(), stub.body()), null);
			}
		}

	}

	/** A world event due at {@code at}; ties keep the order they were scheduled in. */
	private record Pending(Instant at, long sequence, Event event, String tag) implements Comparable<Pending> {

		@Override
		public int compareTo(Pending other) {
			int byTime = this.at.compareTo(other.at);
			return (byTime != 0) ? byTime : Long.compare(this.sequence, other.sequence);
		}

	}

}
