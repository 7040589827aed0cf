package dev.tonal.app.telephony;

import java.util.Optional;
import java.util.UUID;

import dev.tonal.app.call.CallInteractiveClient;
import dev.tonal.app.call.CallRecorder;
import dev.tonal.app.call.TextToSpeech;
import dev.tonal.app.callevent.CallEventSender;
import dev.tonal.app.voicemail.VoicemailInbox;
import dev.tonal.app.ivr.IvrSnapshots;
import dev.tonal.app.transfer.TransferDestinations;
import dev.tonal.engine.CallInfo;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.sip.CallRouter;
import dev.tonal.sip.CallerInfo;
import dev.tonal.sip.Route;
import dev.tonal.sip.ivrcall.IvrCallPorts;
import dev.tonal.sip.ivrcall.IvrRuntime;

/**
 * Routes inbound calls (semantics.md rule 1): the Request-URI user is a full extension
 * name {@code prefix*name}, a DID number, or — when the caller is a phone that proved its
 * credentials — a bare {@code name} of the phone's own client. Unknown → 404, blocked →
 * 403, a phone → its registered devices ring (480 when none is registered); an IVR
 * answers on its cached snapshot.
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

	private final CallEventSender events;

	private final VoicemailInbox voicemails;

	IvrCallRouter(SipTargets targets, IvrSnapshots snapshots, SoundAudio sounds, CallInteractiveClient http,
			TextToSpeech tts, CallRecorder recorder, IvrRuntime runtime, TransferDestinations destinations,
			CallEventSender events, VoicemailInbox voicemails) {
		this.events = events;
		this.voicemails = voicemails;
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
		Optional<SipTargets.Target> found = Optional.empty();
		if (caller.phone() != null && !requestUriUser.contains("*")) {
			String prefix = caller.phone().substring(0, caller.phone().indexOf('*') + 1);
			found = this.targets.byName(prefix + requestUriUser);
		}
		found = found.or(() -> this.targets.byName(requestUriUser)).or(() -> this.targets.byDid(requestUriUser));
		if (found.isEmpty()) {
			return Route.notFound();
		}
		SipTargets.Target target = found.get();
		if (target.blocked()) {
			return Route.blocked();
		}
		if (!target.ivr()) {
			return Route.ivr(target.name(), this.runtime.directCall(this.destinations.contacts(target.id())));
		}
		Optional<IvrSnapshot> snapshot = this.snapshots.get(target.id());
		if (snapshot.isEmpty()) {
			// Deleted between the two reads.
			return Route.notFound();
		}
		String uuid = UUID.randomUUID().toString();
		// A phone of ours calling is internal: called_did is then the IVR's bare name.
		CallInfo info = (caller.phone() != null)
				? new CallInfo(uuid, caller.number(), caller.name(), null, caller.phone(), null)
				: CallInfo.external(uuid, caller.number(), caller.name(), target.did());
		return Route.ivr(target.name(),
				this.runtime.newCall(snapshot.get(), info, ports(snapshot.get(), target.name())));
	}

	/** The services of a call to one IVR. */
	private AppCallPorts ports(IvrSnapshot snapshot, String ivrName) {
		return new AppCallPorts(snapshot.clientId(), this.sounds, this.http, this.tts, this.recorder,
				this.destinations.forIvr(ivrName), this::nextIvr, this.events, this.voicemails);
	}

	/** An IVR a transfer reached, to run on the same call (rule 16). */
	private Optional<IvrCallPorts.NextIvr> nextIvr(String extension) {
		return this.targets.byName(extension)
			.filter(SipTargets.Target::ivr)
			.flatMap((target) -> this.snapshots.get(target.id())
				.map((snapshot) -> new IvrCallPorts.NextIvr(snapshot, ports(snapshot, target.name()))));
	}

}
