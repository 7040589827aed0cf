package dev.tonal.app.telephony;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.tonal.app.call.CallInteractiveClient;
import dev.tonal.app.call.CallRecorder;
import dev.tonal.app.callevent.CallEventSender;
import dev.tonal.app.call.SynthesisedGreetings;
import dev.tonal.app.call.TextToSpeech;
import dev.tonal.app.voicemail.VoicemailInbox;
import dev.tonal.engine.Command;
import dev.tonal.engine.Event;
import dev.tonal.sip.b2bua.DestinationResolver;
import dev.tonal.sip.ivrcall.CallProgress;
import dev.tonal.sip.ivrcall.IvrCallPorts;
import dev.tonal.sip.ivrcall.IvrCallSummary;
import dev.tonal.sip.ivrcall.RecordedVoicemail;

/**
 * The application's services for one IVR call: the client's sound audio, Call
 * Interactive, text-to-speech (with this call's own greetings), the call recorder, the
 * call events and the voicemail inbox.
 */
final class AppCallPorts implements IvrCallPorts {

	private final long clientId;

	private final SoundAudio sounds;

	private final CallInteractiveClient http;

	private final TextToSpeech tts;

	private final CallRecorder recorder;

	private final SynthesisedGreetings greetings = new SynthesisedGreetings();

	private final DestinationResolver destinations;

	private final Function<String, Optional<NextIvr>> ivrs;

	private final CallEventSender events;

	private final VoicemailInbox voicemails;

	AppCallPorts(long clientId, SoundAudio sounds, CallInteractiveClient http, TextToSpeech tts, CallRecorder recorder,
			DestinationResolver destinations, Function<String, Optional<NextIvr>> ivrs, CallEventSender events,
			VoicemailInbox voicemails) {
		this.events = events;
		this.voicemails = voicemails;
		this.destinations = destinations;
		this.ivrs = ivrs;
		this.clientId = clientId;
		this.sounds = sounds;
		this.http = http;
		this.tts = tts;
		this.recorder = recorder;
	}

	@Override
	public Optional<short[]> sound(long soundId) {
		return this.sounds.samples(this.clientId, soundId);
	}

	@Override
	public Optional<short[]> namedSound(String name) {
		return this.sounds.named(this.clientId, name);
	}

	@Override
	public CompletableFuture<Event> httpRequest(Command.HttpRequest request) {
		return this.http.send(request);
	}

	@Override
	public CompletableFuture<Event> synthesise(Command.Synthesise request) {
		return this.tts.synthesise(request, this.greetings);
	}

	@Override
	public Optional<short[]> greeting(String reference) {
		return this.greetings.samples(reference);
	}

	@Override
	public DestinationResolver destinations() {
		return this.destinations;
	}

	@Override
	public Optional<NextIvr> ivr(String extension) {
		return this.ivrs.apply(extension);
	}

	@Override
	public void progress(CallProgress progress) {
		this.events.publish(progress);
	}

	@Override
	public void voicemail(RecordedVoicemail voicemail) {
		this.voicemails.store(voicemail);
	}

	@Override
	public void finished(IvrCallSummary call) {
		this.recorder.record(call);
	}

}
