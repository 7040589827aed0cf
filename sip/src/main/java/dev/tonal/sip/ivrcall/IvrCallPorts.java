package dev.tonal.sip.ivrcall;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.tonal.engine.Command;
import dev.tonal.engine.Event;
import dev.tonal.engine.TransferFailure;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.sip.b2bua.DestinationResolver;

/**
 * What one IVR call needs from the application: the audio of the client's sounds, Call
 * Interactive requests, text-to-speech, and a place for the call's summary when it ends.
 * One instance per call (it may hold the call's synthesised greetings). Methods returning
 * futures must not block; the call hands their results back to its own executor.
 */
public interface IvrCallPorts {

	/**
	 * The normalised 8 kHz mono audio of a sound of the call's client.
	 * @param soundId the sound's id
	 * @return the samples (shared: never modified), or empty when the sound is gone
	 */
	Optional<short[]> sound(long soundId);

	/**
	 * The audio of a sound of the call's client named by file name or title (Call
	 * Interactive {@code <PlaySound>}).
	 */
	Optional<short[]> namedSound(String name);

	/**
	 * Sends a Call Interactive request; the future completes (normally) with
	 * {@link Event.HttpReplied} or {@link Event.HttpFailed}.
	 */
	CompletableFuture<Event> httpRequest(Command.HttpRequest request);

	/**
	 * Synthesises speech; the future completes (normally) with
	 * {@link Event.SpeechSynthesised} or {@link Event.SynthesisFailed}.
	 */
	CompletableFuture<Event> synthesise(Command.Synthesise request);

	/** The audio of a greeting this call synthesised, by its reference. */
	Optional<short[]> greeting(String reference);

	/**
	 * Where the IVR's transfer destinations lead (rule 16). Without one, every
	 * destination fails with "no route".
	 */
	default DestinationResolver destinations() {
		return (destination) -> new DestinationResolver.Fails(TransferFailure.NO_ROUTE);
	}

	/**
	 * Another IVR a transfer reached (rule 16: it runs on the same call), with the ports
	 * of a call to it; empty when it is gone. Without an implementation IVRs cannot be
	 * transfer destinations.
	 * @param extension the IVR's full name {@code prefix*name}
	 */
	default Optional<NextIvr> ivr(String extension) {
		return Optional.empty();
	}

	/** An IVR to continue the call with, and the application's services for it. */
	record NextIvr(IvrSnapshot snapshot, IvrCallPorts ports) {
	}

	/**
	 * A step of the call as it happens (the IVR reached, answered, a transfer leg
	 * dialled, answered, hung up), for the call events of api.md §9. Called on the call's
	 * executor or a SIP stack thread; must return at once (queue the sending).
	 */
	default void progress(CallProgress progress) {
	}

	/**
	 * A caller left a voicemail: store it (and notify). Called on the call's executor;
	 * must return quickly (queue the write). Without an implementation the recording is
	 * dropped with a warning.
	 */
	default void voicemail(RecordedVoicemail voicemail) {
		java.util.logging.Logger.getLogger(IvrCallPorts.class.getName())
			.warning("no voicemail store: the voicemail of call " + voicemail.callUuid() + " is dropped");
	}

	/**
	 * The call is over: store what it left behind. Called once per call, on the call's
	 * executor; must return quickly (queue the write).
	 */
	void finished(IvrCallSummary summary);

}
