package dev.tonal.app.sip;

import java.util.Optional;
import java.util.UUID;

import dev.tonal.app.call.CallInteractiveClient;
import dev.tonal.app.call.CallRecorder;
import dev.tonal.app.call.TextToSpeech;
import dev.tonal.app.ivr.IvrSnapshots;
import dev.tonal.engine.CallInfo;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.sip.CallRouter;
import dev.tonal.sip.CallerInfo;
import dev.tonal.sip.Route;
import dev.tonal.app.transfer.TransferDestinations;
import dev.tonal.sip.ivr.IvrRuntime;

/**
 * Routes inbound calls (semantics.md rule 1): the Request-URI user is a full extension
 * name {@code prefix*name} or a DID number. Unknown → 404, blocked → 403, a phone → 501
 * (bridging to registered phones is issue 5); an IVR answers on its cached snapshot. Not
 * done: a bare {@code name} dialled by a registered phone of the same client (there is no
 * registrar yet).
 */
final class IvrCallRouter implements CallRouter {

	private final SipTargets targets;

	private final IvrSnapshots snapshots;

	private final SoundAudio sounds;

	private final CallInteractiveClient http;

	private final TextToSpeech tts;

	private final CallRecorder recorder;

	private final IvrRuntime runtime;

	private final TransferDestinations destinations;

	IvrCallRouter(SipTargets targets, IvrSnapshots snapshots, SoundAudio sounds, CallInteractiveClient http,
			TextToSpeech tts, CallRecorder recorder, IvrRuntime runtime, TransferDestinations destinations) {
		this.destinations = destinations;
		this.targets = targets;
		this.snapshots = snapshots;
		this.sounds = sounds;
		this.http = http;
		this.tts = tts;
		this.recorder = recorder;
		this.runtime = runtime;
	}

	@Override
	public Route route(String requestUriUser, CallerInfo caller) {
		Optional<SipTargets.Target> found = this.targets.byName(requestUriUser)
			.or(() -> this.targets.byDid(requestUriUser));
		if (found.isEmpty()) {
			return Route.notFound();
		}
		SipTargets.Target target = found.get();
		if (target.blocked()) {
			return Route.blocked();
		}
		if (!target.ivr()) {
			return new Route.Phone(target.name());
		}
		Optional<IvrSnapshot> snapshot = this.snapshots.get(target.id());
		if (snapshot.isEmpty()) {
			// Deleted between the two reads.
			return Route.notFound();
		}
		CallInfo info = CallInfo.external(UUID.randomUUID().toString(), caller.number(), caller.name(), target.did());
		AppCallPorts ports = new AppCallPorts(snapshot.get().clientId(), this.sounds, this.http, this.tts,
				this.recorder, this.destinations.forIvr(target.name()));
		return Route.ivr(target.name(), this.runtime.newCall(snapshot.get(), info, ports));
	}

}
