package dev.tonal.app.telephony;

import java.time.Duration;
import java.time.InstantSource;

import dev.tonal.app.call.CallInteractiveClient;
import dev.tonal.app.call.CallRecorder;
import dev.tonal.app.call.TextToSpeech;
import dev.tonal.app.callevent.CallEventSender;
import dev.tonal.app.voicemail.VoicemailInbox;
import dev.tonal.app.voicemail.VoicemailProperties;
import dev.tonal.app.config.TonalProperties;
import dev.tonal.app.ivr.IvrSnapshots;
import dev.tonal.app.transfer.TransferDestinations;
import dev.tonal.app.transfer.TransferProperties;
import dev.tonal.engine.EngineSettings;
import dev.tonal.sip.SipConfig;
import dev.tonal.sip.SipServer;
import dev.tonal.sip.SipServerException;
import dev.tonal.sip.ivrcall.IvrRuntime;
import dev.tonal.sip.registrar.Registrar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the SIP server that answers calls with IVRs ({@code tonal.sip.*},
 * {@code tonal.rtp.ports}), unless {@code tonal.sip.enabled=false}.
 *
 * <p>
 * Stopping hangs up the calls still up (BYE) and waits until each has handed its history
 * to the {@link CallRecorder}; that is why this lifecycle's phase ({@value #PHASE}) is
 * above the recorder's: it stops first, and the recorder then drains what the calls left.
 */
@Component
public class SipRuntime implements SmartLifecycle {

	/** Lifecycle phase: stops before the call recorder. */
	public static final int PHASE = CallRecorder.PHASE + 1000;

	/** How long stopping waits for hung-up calls to hand over their history. */
	private static final Duration CALLS_ENDING = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(SipRuntime.class);

	private final TonalProperties properties;

	private final SipTargets targets;

	private final IvrSnapshots snapshots;

	private final SoundAudio sounds;

	private final CallInteractiveClient http;

	private final TextToSpeech tts;

	private final CallRecorder recorder;

	private final Registrar registrar;

	private final TransferDestinations destinations;

	private final TransferProperties transfer;

	private final CallEventSender events;

	private final VoicemailProperties voicemailLimits;

	private final VoicemailInbox voicemails;

	private volatile SipServer server;

	private volatile IvrRuntime runtime;

	SipRuntime(TonalProperties properties, SipTargets targets, IvrSnapshots snapshots, SoundAudio sounds,
			CallInteractiveClient http, TextToSpeech tts, CallRecorder recorder, Registrar registrar,
			TransferDestinations destinations, TransferProperties transfer, CallEventSender events,
			VoicemailProperties voicemailLimits, VoicemailInbox voicemails) {
		this.events = events;
		this.voicemailLimits = voicemailLimits;
		this.voicemails = voicemails;
		this.registrar = registrar;
		this.destinations = destinations;
		this.transfer = transfer;
		this.properties = properties;
		this.targets = targets;
		this.snapshots = snapshots;
		this.sounds = sounds;
		this.http = http;
		this.tts = tts;
		this.recorder = recorder;
	}

	/** The SIP configuration from {@code tonal.sip.*} and {@code tonal.rtp.ports}. */
	SipConfig config() {
		TonalProperties.Sip sip = this.properties.sip();
		TonalProperties.Rtp rtp = this.properties.rtp();
		return new SipConfig(sip.host(), sip.port(), sip.publicAddress(), rtp.min(), rtp.max());
	}

	@Override
	public synchronized void start() {
		if (!this.properties.sip().enabled() || this.server != null) {
			return;
		}
		SipConfig config = config();
		EngineSettings defaults = EngineSettings.defaults();
		IvrRuntime ivrs = new IvrRuntime(
				new EngineSettings(defaults.maxRulesWithoutInput(), defaults.maxContextEntriesWithoutInput(),
						defaults.lifetimeCap(), this.transfer.ringTimeout())
					.withVoicemail(this.voicemailLimits.maxLength(), this.voicemailLimits.silence()),
				InstantSource.system());
		try {
			this.server = SipServer.start(config, new IvrCallRouter(this.targets, this.snapshots, this.sounds,
					this.http, this.tts, this.recorder, ivrs, this.destinations, this.events, this.voicemails),
					this.registrar);
		}
		catch (SipServerException ex) {
			ivrs.close(Duration.ZERO);
			throw new IllegalStateException(ex.getMessage() + " Choose another port with tonal.sip.port, or run "
					+ "without SIP with tonal.sip.enabled=false.", ex);
		}
		this.runtime = ivrs;
	}

	@Override
	public synchronized void stop() {
		SipServer running = this.server;
		if (running == null) {
			return;
		}
		int calls = running.activeCalls();
		if (calls > 0) {
			log.info("Hanging up {} call(s) before shutting down", calls);
		}
		running.close();
		if (!this.runtime.close(CALLS_ENDING)) {
			log.warn("{} call(s) did not end within {} s of the SIP server stopping; their history is lost",
					this.runtime.activeCalls(), CALLS_ENDING.toSeconds());
		}
		this.server = null;
		this.runtime = null;
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * The SIP port in use (the bound one when {@code tonal.sip.port=0}), or -1 when off.
	 */
	public int port() {
		SipServer running = this.server;
		return (running != null) ? running.port() : -1;
	}

}
