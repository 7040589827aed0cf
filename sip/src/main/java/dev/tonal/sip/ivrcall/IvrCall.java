package dev.tonal.sip.ivrcall;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tonal.engine.CallInfo;
import dev.tonal.engine.CallResult;
import dev.tonal.engine.CallSession;
import dev.tonal.engine.Command;
import dev.tonal.engine.Event;
import dev.tonal.engine.HttpFailure;
import dev.tonal.engine.TraceEntry;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.sip.CallEndReason;
import dev.tonal.sip.CallListener;
import dev.tonal.sip.Dtmf;
import dev.tonal.sip.RemoteMedia;
import dev.tonal.sip.SipCall;
import dev.tonal.sip.b2bua.BridgeEnd;
import dev.tonal.sip.b2bua.CallTransfers;

/**
 * One real call running an IVR: the adapter between a {@link SipCall} and its
 * {@link CallSession}. It feeds the session the call's events (answered, key presses,
 * prompts finished, its timer, HTTP and text-to-speech results, hang-up) and carries out
 * the commands that come back (play, stop, hang up, HTTP, synthesise, ring, store a
 * rating). Everything here runs on the call's serial executor, one event at a time;
 * results that complete elsewhere (timer, HTTP, TTS) are handed back to it.
 *
 * <p>
 * Time: the call has one timer, re-armed to {@link CallSession#nextDeadline()} after
 * every event, on the runtime's shared scheduler. Trace: the session's entries, and
 * between them {@code "sip"} and {@code "rtp"} entries ({@code {"at", "type", "what"}})
 * for what happened on the wire, in the order things happened. When the call ends (any
 * cause) the timer is cancelled and the summary goes to {@link IvrCallPorts#finished};
 * the SIP call has already released its RTP port.
 *
 * <p>
 * Transfers (rule 16) are carried out by {@link CallTransfers}: ringing legs, ringback,
 * the bridge. Once bridged, either side hanging up ends the other, except that when the
 * session goes on after the callee hangs up (a quality_rate follows), the caller stays.
 */
final class IvrCall implements CallListener {

	private static final Logger log = Logger.getLogger(IvrCall.class.getName());

	private final IvrRuntime runtime;

	// The IVR running now; a transfer to another IVR replaces these (rule 16).

	private IvrSnapshot snapshot;

	private CallInfo info;

	private IvrCallPorts ports;

	private CallSession session;

	private List<TraceEntry> trace = new ArrayList<>();

	private List<IvrCallSummary.Rating> ratings = new ArrayList<>();

	/** How many of the session's trace entries are already in {@link #trace}. */
	private int sessionEntriesSeen;

	private SipCall call;

	/** The call's transfers; set when the call is offered. */
	private CallTransfers transfers;

	/** The legs the running IVR's transfers place (its history's cdr, its events). */
	private LegRecorder legs;

	private IvrCallSummary.Flow flow = IvrCallSummary.Flow.IN;

	private Instant start;

	private Instant answeredAt;

	/** The playback on the wire, or -1. */
	private long playing = -1;

	private ScheduledFuture<?> timer;

	/** The voicemail being recorded, with its id, or null. */
	private CallerRecording recording;

	private long recordingId;

	private Instant recordingStart;

	private boolean finished;

	IvrCall(IvrRuntime runtime, IvrSnapshot snapshot, CallInfo info, IvrCallPorts ports) {
		this.runtime = runtime;
		this.snapshot = snapshot;
		this.info = info;
		this.ports = ports;
		this.session = new CallSession(snapshot, info, runtime.settings());
	}

	// ---- SIP events

	@Override
	public void offered(SipCall offered) {
		this.call = offered;
		this.transfers = newTransfers();
		this.start = now();
		this.runtime.started(this);
		wire("sip", "INVITE from " + describeCaller() + " to " + offered.calledUser() + " over "
				+ offered.caller().transport() + ", Call-ID " + offered.callId());
		progress(CallProgress.Step.DIALLED, "CALLING");
		offered.answer();
		wire("sip", "200 OK sent");
		String events = offered.localMedia()
			.telephoneEvent()
			.stream()
			.mapToObj((pt) -> "telephone-event " + pt)
			.findFirst()
			.orElse("no telephone-event: in-band keys");
		wire("rtp", "our RTP on port " + offered.rtp().port() + ", " + offered.localMedia().codec().encodingName()
				+ ", " + events);
	}

	@Override
	public void answered(SipCall answered) {
		this.answeredAt = now();
		wire("sip", "ACK received");
		progress(CallProgress.Step.ANSWERED, "ANSWER");
		RemoteMedia remote = answered.remoteMedia();
		if (remote != null) {
			wire("rtp", "sending RTP to " + describe(remote));
		}
		handle(new Event.Answered());
	}

	@Override
	public void dtmf(SipCall call, Dtmf dtmf) {
		handle(new Event.Digit(dtmf.digit(), dtmf.transport()));
	}

	@Override
	public void remoteMediaChanged(SipCall call, RemoteMedia media) {
		wire("sip", "re-INVITE: RTP to " + describe(media));
	}

	@Override
	public void rtpLatched(SipCall call, InetSocketAddress source) {
		wire("rtp", "caller's RTP comes from " + source.getAddress().getHostAddress() + ":" + source.getPort()
				+ ": sending there");
	}

	@Override
	public void ended(SipCall ended, CallEndReason reason) {
		if (this.finished) {
			return;
		}
		if (this.call == null) {
			// Ended before it was offered (never happens for a routed call): nothing
			// started.
			return;
		}
		if (reason != CallEndReason.WE_HUNG_UP) {
			// our own hang-up is already in the trace ("BYE sent")
			wire("sip", describe(reason));
		}
		boolean callerLeft = reason == CallEndReason.CALLER_HUNG_UP || reason == CallEndReason.CALLER_CANCELLED;
		// Legs still ringing are cancelled, a bridged callee gets BYE.
		this.transfers.endAll();
		if (callerLeft) {
			handle(new Event.CallerHungUp());
		}
		keepRecording("ended");
		CallResult result = this.session.result().orElseGet(() -> endedByWire(reason, callerLeft));
		this.finished = true;
		cancelTimer();
		this.call.media().stopPlaying();
		try {
			handOver(result, reason);
			progress(CallProgress.Step.HUNG_UP, (this.answeredAt != null) ? "ANSWER" : "CANCEL");
		}
		finally {
			// Only now: the runtime's close waits for this, so the history is queued
			// first.
			this.runtime.finished(this);
		}
	}

	/** Hands the running IVR's summary to its ports (its history). */
	private void handOver(CallResult result, CallEndReason wireEnd) {
		try {
			this.ports.finished(new IvrCallSummary(this.info.callUuid(), this.snapshot, this.flow, this.start,
					this.answeredAt, now(), this.info.callerIdNumber(), this.info.callerIdName(), calledUser(),
					this.info.calledDidVariable(this.snapshot), result, wireEnd, this.legs.legs(), this.trace,
					this.ratings));
		}
		catch (RuntimeException ex) {
			log.log(Level.WARNING, "could not hand over the summary of call " + this.info.callUuid(), ex);
		}
	}

	/**
	 * The session's transfer reached an IVR ({@link Command.ContinueWithIvr}): it runs on
	 * this same call from now on, as a call of its own (its own uuid, history and trace);
	 * the IVR left behind is stored as transferred.
	 */
	private void continueWithIvr(String extension) {
		this.transfers.endAll();
		Optional<IvrCallPorts.NextIvr> next = this.ports.ivr(extension);
		if (next.isEmpty()) {
			wire("error", "IVR " + extension + " cannot be started; BYE sent");
			this.call.hangUp();
			return;
		}
		wire("sip", "continuing on this call with IVR " + extension);
		takeSessionTrace();
		cancelTimer();
		handOver(this.session.result()
			.orElseGet(() -> new CallResult(CallResult.End.TRANSFERRED, at(now()), extension, null)), null);
		progress(CallProgress.Step.HUNG_UP, "ANSWER");
		this.snapshot = next.get().snapshot();
		this.ports = next.get().ports();
		// Reached from inside the system: called_did becomes the new IVR's bare name.
		this.info = new CallInfo(UUID.randomUUID().toString(), this.info.callerIdNumber(), this.info.callerIdName(),
				null, this.info.callerExtension(), this.info.callerExtensionId());
		this.session = new CallSession(this.snapshot, this.info, this.runtime.settings());
		this.trace = new ArrayList<>();
		this.ratings = new ArrayList<>();
		this.sessionEntriesSeen = 0;
		this.playing = -1;
		this.start = now();
		this.answeredAt = this.start;
		this.flow = IvrCallSummary.Flow.TRANSFER;
		this.transfers = newTransfers();
		progress(CallProgress.Step.DIALLED, "CALLING");
		progress(CallProgress.Step.ANSWERED, "ANSWER");
		handle(new Event.Answered());
	}

	/**
	 * The transfers of the IVR running now, dialling through a {@link LegRecorder} whose
	 * steps are this IVR run's (it keeps them when a transfer moves on to another IVR).
	 */
	private CallTransfers newTransfers() {
		CallProgress.Sink sink = progressSink();
		this.legs = new LegRecorder(this.call.dialer(), this.runtime.clock(), sink);
		return new CallTransfers(this.legs, this.ports.destinations(), new TransferHost());
	}

	/** Reports a step of the caller's call to the IVR running now. */
	private void progress(CallProgress.Step step, String status) {
		progressSink().step(step, null, now(), status, this.answeredAt);
	}

	/** What was dialled to reach the IVR running now: its bare name after a transfer. */
	private String calledUser() {
		return (this.flow == IvrCallSummary.Flow.TRANSFER) ? this.snapshot.bareName() : this.call.calledUser();
	}

	/** Where steps of the IVR running now go, with its call's side filled in. */
	private CallProgress.Sink progressSink() {
		IvrCallPorts ports = this.ports;
		String callUuid = this.info.callUuid();
		IvrSnapshot ivr = this.snapshot;
		IvrCallSummary.Flow flow = this.flow;
		String number = this.info.callerIdNumber();
		String name = this.info.callerIdName();
		String did = this.info.calledDidVariable(ivr);
		String dialled = calledUser();
		return (step, leg, at, status, answeredAt) -> {
			try {
				ports.progress(new CallProgress(step, callUuid, ivr, flow, number, name, did, dialled, leg, at, status,
						answeredAt));
			}
			catch (RuntimeException ex) {
				log.log(Level.WARNING, "could not report a step of call " + callUuid, ex);
			}
		};
	}

	/**
	 * The result of a call the session did not end itself: the caller left before the
	 * session started, or the call ended for a reason the engine has no event for.
	 */
	private CallResult endedByWire(CallEndReason reason, boolean callerLeft) {
		String why = switch (reason) {
			case CALLER_HUNG_UP -> "caller hung up";
			case CALLER_CANCELLED -> "caller cancelled";
			case WE_HUNG_UP -> "hung up";
			case NO_ACK -> "the caller never acknowledged the answer";
			case SERVER_STOPPED -> "server stopped";
			case SIGNALLING_FAILED -> "signalling failed";
		};
		CallResult.End end;
		if (callerLeft) {
			end = CallResult.End.CALLER_HANGUP;
		}
		else if (reason == CallEndReason.SERVER_STOPPED || reason == CallEndReason.WE_HUNG_UP) {
			end = CallResult.End.HANGUP;
		}
		else {
			end = CallResult.End.ERROR;
		}
		this.trace.add(TraceEntry.of(at(now()), "hangup", "why", why));
		return new CallResult(end, at(now()), null, why);
	}

	// ---- the session

	/** Feeds one event to the session and carries out what it answers. */
	private void handle(Event event) {
		if (this.finished) {
			return;
		}
		Instant now = now();
		List<Command> commands = this.session.handle(event, now);
		takeSessionTrace();
		for (Command command : commands) {
			try {
				carryOut(command);
			}
			catch (RuntimeException ex) {
				log.log(Level.WARNING, "call " + this.info.callUuid() + " could not carry out " + command, ex);
				wire("error", "could not carry out " + command.getClass().getSimpleName() + ": " + ex.getMessage());
				// The session waits for the outcome; report a failure so the IVR goes on.
				failureOf(command, ex).ifPresent(this::later);
			}
		}
		rearmTimer(now);
	}

	/** An event that completed elsewhere, handed back to the call's executor. */
	private void later(Event event) {
		this.call.executor().execute(() -> handle(event));
	}

	private void later(CompletableFuture<Event> result) {
		result.thenAccept(this::later);
	}

	private void carryOut(Command command) {
		switch (command) {
			case Command.PlaySound play ->
				play(play.playbackId(), this.ports.sound(play.soundId()), "sound " + play.soundId());
			case Command.PlayNamedSound play ->
				play(play.playbackId(), this.ports.namedSound(play.name()), "sound named \"" + play.name() + "\"");
			case Command.PlaySilence silence ->
				play(silence.playbackId(), Optional.of(new short[silence.ms() * 8]), "silence");
			case Command.PlayDigits digits -> play(digits.playbackId(),
					Optional.of(this.runtime.prompts().speak(digits.text(), digits.method(), digits.language())),
					"digits");
			case Command.PlaySynthesised greeting -> play(greeting.playbackId(),
					this.ports.greeting(greeting.greeting()), "greeting " + greeting.greeting());
			case Command.StopPlayback stop -> {
				if (this.playing == stop.playbackId()) {
					this.call.media().stopPlaying();
					this.playing = -1;
				}
			}
			case Command.HangUp hangUp -> {
				wire("sip", "BYE sent (" + hangUp.reason() + ")");
				this.call.hangUp();
			}
			case Command.HttpRequest request -> later(this.ports.httpRequest(request));
			case Command.Synthesise synthesise -> later(this.ports.synthesise(synthesise));
			case Command.StoreRating rating ->
				this.ratings.add(new IvrCallSummary.Rating(now(), rating.rate(), rating.maxRate()));
			case Command.Ring ring -> {
				wire("sip", "ringing " + String.join(", ", ring.destinations()) + " as "
						+ (ring.callerIdNumber().isEmpty() ? "anonymous" : ring.callerIdNumber()));
				this.transfers.ring(ring);
			}
			case Command.Recognise recognise -> later(new Event.SpeechFailed("no speech recogniser on this server"));
			case Command.CancelLeg cancel -> this.transfers.cancel(cancel.legId());
			case Command.Bridge bridge -> {
				wire("rtp", "bridged to " + bridge.destination());
				this.transfers.bridge(bridge.legId());
			}
			case Command.ContinueWithIvr ivr -> continueWithIvr(ivr.extension());
			case Command.StartRingback ringback -> this.transfers.startRingback();
			case Command.StopRingback ringback -> this.transfers.stopRingback();
			case Command.StopRecognising stop -> {
				// nothing listens
			}
			case Command.PlayBeep beep -> play(beep.playbackId(), Optional.of(Beep.SAMPLES.clone()), "beep");
			case Command.StartRecording start -> startRecording(start);
			case Command.StopRecording stop -> {
				if (this.recording != null && this.recordingId == stop.recordingId()) {
					keepRecording(stop.why());
				}
			}
		}
	}

	/**
	 * The event that tells the session a command it awaits an outcome of failed: a
	 * playback counts as played, a request as failed.
	 */
	private static Optional<Event> failureOf(Command command, RuntimeException ex) {
		return Optional.ofNullable(switch (command) {
			case Command.PlaySound play -> new Event.PlaybackFinished(play.playbackId());
			case Command.PlayNamedSound play -> new Event.PlaybackFinished(play.playbackId());
			case Command.PlaySilence play -> new Event.PlaybackFinished(play.playbackId());
			case Command.PlayDigits play -> new Event.PlaybackFinished(play.playbackId());
			case Command.PlaySynthesised play -> new Event.PlaybackFinished(play.playbackId());
			case Command.HttpRequest request -> new Event.HttpFailed(request.requestId(), HttpFailure.ERROR);
			case Command.Synthesise request -> new Event.SynthesisFailed(request.requestId(), ex.getMessage());
			default -> null;
		});
	}

	/**
	 * Plays audio; audio that cannot be found is recorded and counts as played at once,
	 * so the IVR goes on.
	 */
	private void play(long playbackId, Optional<short[]> audio, String what) {
		if (audio.isEmpty()) {
			wire("rtp", what + " has no audio; skipped");
		}
		this.playing = playbackId;
		this.call.media().play(audio.orElse(new short[0]), () -> {
			if (this.playing == playbackId) {
				this.playing = -1;
			}
			handle(new Event.PlaybackFinished(playbackId));
		});
	}

	/**
	 * What the call lends its transfers: executor, RTP, ringback and the session. Leg ids
	 * are a session's own, so a report still on its way when the call moved on to another
	 * IVR is dropped rather than given to the new session.
	 */
	private final class TransferHost implements CallTransfers.Host {

		private final CallSession owner = IvrCall.this.session;

		@Override
		public java.util.concurrent.Executor executor() {
			return IvrCall.this.call.executor();
		}

		@Override
		public BridgeEnd caller() {
			return IvrCall.this.call.media();
		}

		@Override
		public void play(short[] samples, Runnable whenFinished) {
			// Ringback replaces whatever played; no engine playback is running then.
			IvrCall.this.playing = -1;
			IvrCall.this.call.media().play(samples, whenFinished);
		}

		@Override
		public void stopPlaying() {
			if (IvrCall.this.playing == -1) {
				IvrCall.this.call.media().stopPlaying();
			}
		}

		@Override
		public void deliver(Event event) {
			if (this.owner != IvrCall.this.session) {
				return;
			}
			switch (event) {
				case Event.LegFailed failed -> wire("sip",
						IvrCall.this.transfers.destinationOf(failed.legId()) + " failed: " + failed.reason().wire());
				case Event.CalleeHungUp hungUp -> {
					wire("sip", "BYE received from the callee");
					if (IvrCall.this.session.isEnded()) {
						wire("sip", "BYE sent (the callee hung up)");
						IvrCall.this.call.hangUp();
						return;
					}
				}
				default -> {
				}
			}
			handle(event);
		}

	}

	// ---- voicemail

	private void startRecording(Command.StartRecording start) {
		long id = start.recordingId();
		this.recordingId = id;
		this.recordingStart = now();
		this.recording = new CallerRecording(this.call.media(), this.call.executor(), start.maxLength(),
				start.silence(), () -> {
					if (this.recording != null && this.recordingId == id) {
						long durationMs = keepRecording("silence");
						handle(new Event.RecordingFinished(id, durationMs, "silence"));
					}
				});
		this.recording.start();
		wire("rtp", "recording the caller's voicemail");
	}

	/**
	 * Stops the voicemail recording, if one runs, and hands it to the ports.
	 * @return its length in ms
	 */
	private long keepRecording(String why) {
		if (this.recording == null) {
			return 0;
		}
		short[] samples = this.recording.stop();
		this.recording = null;
		RecordedVoicemail voicemail = new RecordedVoicemail(this.info.callUuid(), this.snapshot,
				this.info.callerIdNumber(), this.info.callerIdName(), this.info.calledDidVariable(this.snapshot),
				this.recordingStart, samples, why);
		wire("rtp", "voicemail recorded: " + voicemail.durationMs() + " ms (" + why + ")");
		try {
			this.ports.voicemail(voicemail);
		}
		catch (RuntimeException ex) {
			log.log(Level.WARNING, "could not hand over the voicemail of call " + this.info.callUuid(), ex);
		}
		return voicemail.durationMs();
	}

	private void takeSessionTrace() {
		List<TraceEntry> all = this.session.trace();
		if (all.size() > this.sessionEntriesSeen) {
			this.trace.addAll(all.subList(this.sessionEntriesSeen, all.size()));
			this.sessionEntriesSeen = all.size();
		}
	}

	// ---- the timer

	private void rearmTimer(Instant now) {
		cancelTimer();
		Optional<Instant> next = this.session.nextDeadline();
		if (next.isEmpty() || this.finished) {
			return;
		}
		long delay = Math.max(0, Duration.between(now, next.get()).toNanos());
		this.timer = this.runtime.timers().schedule(() -> later(new Event.TimerFired()), delay, TimeUnit.NANOSECONDS);
	}

	private void cancelTimer() {
		if (this.timer != null) {
			this.timer.cancel(false);
			this.timer = null;
		}
	}

	// ---- trace and time

	/** A SIP/RTP detail entry, in the session's trace format. */
	private void wire(String type, String what) {
		this.trace.add(TraceEntry.of(at(now()), type, "what", what));
	}

	/** ms since the call was answered, as the session counts; 0 before. */
	private long at(Instant now) {
		return (this.answeredAt != null) ? Math.max(0, Duration.between(this.answeredAt, now).toMillis()) : 0;
	}

	private Instant now() {
		return this.runtime.clock().instant();
	}

	private String describeCaller() {
		String number = this.call.caller().number().isEmpty() ? "anonymous" : this.call.caller().number();
		String name = this.call.caller().name();
		return name.isEmpty() ? number : "\"" + name + "\" <" + number + ">";
	}

	private static String describe(RemoteMedia media) {
		return media.address().getAddress().getHostAddress() + ":" + media.address().getPort()
				+ (media.wantsOurAudio() ? "" : " (on hold)");
	}

	private static String describe(CallEndReason reason) {
		return switch (reason) {
			case CALLER_HUNG_UP -> "BYE received from the caller";
			case CALLER_CANCELLED -> "CANCEL received from the caller";
			case WE_HUNG_UP -> "call ended by us";
			case NO_ACK -> "no ACK for our 200 OK; BYE sent";
			case SERVER_STOPPED -> "server stopping; BYE sent";
			case SIGNALLING_FAILED -> "SIP dialog failed";
		};
	}

}
