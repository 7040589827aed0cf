package dev.tonal.app.voicemail;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.tonal.app.call.CallRecorder;
import dev.tonal.media.audio.WavWriter;
import dev.tonal.sip.ivrcall.RecordedVoicemail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Where calls leave their voicemails (docs/voicemail.md): {@link #store} returns at once;
 * one writer thread turns each recording into a WAV, stores it in the {@code voicemail}
 * table (retrying a failed write a few times) and then hands it to the
 * {@link VoicemailMailer} when the IVR has {@code vm_mailto}. A recording with no audio
 * at all (the caller hung up at the beep) is not stored.
 *
 * <p>
 * Like the {@link CallRecorder} it stops late (phase {@value #PHASE}), after the SIP
 * runtime has hung up the calls, and stopping writes what is still queued.
 */
@Component
public class VoicemailInbox implements SmartLifecycle {

	/** Lifecycle phase: stops after anything that may still end calls. */
	public static final int PHASE = CallRecorder.PHASE;

	static final int ATTEMPTS = 4;

	private static final Logger log = LoggerFactory.getLogger(VoicemailInbox.class);

	private final VoicemailRepository repository;

	private final VoicemailMailer mailer;

	private final Duration retryDelay;

	private volatile ExecutorService writer;

	@Autowired
	VoicemailInbox(VoicemailRepository repository, VoicemailMailer mailer) {
		this(repository, mailer, Duration.ofMillis(250));
	}

	VoicemailInbox(VoicemailRepository repository, VoicemailMailer mailer, Duration retryDelay) {
		this.repository = repository;
		this.mailer = mailer;
		this.retryDelay = retryDelay;
	}

	/** Queues a voicemail to be stored; returns at once and never throws. */
	public void store(RecordedVoicemail voicemail) {
		ExecutorService running = this.writer;
		if (running != null) {
			try {
				running.execute(() -> write(voicemail));
				return;
			}
			catch (RuntimeException stopping) {
				// Stopped meanwhile: write it here.
			}
		}
		write(voicemail);
	}

	private void write(RecordedVoicemail voicemail) {
		if (voicemail.samples().length == 0) {
			log.info("Voicemail of call {} has no audio; not stored", voicemail.callUuid());
			return;
		}
		var ivr = voicemail.snapshot();
		VoicemailRepository.NewVoicemail row = new VoicemailRepository.NewVoicemail(ivr.clientId(), ivr.extensionId(),
				ivr.bareName(), voicemail.callUuid(), voicemail.callerIdNumber(), voicemail.callerIdName(),
				voicemail.calledDid(), voicemail.start().toEpochMilli(), (int) voicemail.durationMs(), voicemail.why(),
				WavWriter.write(voicemail.samples()), blankToNull(ivr.settings().vmMailto()),
				ivr.settings().vmAttachFile());
		Duration delay = this.retryDelay;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			try {
				long id = this.repository.insert(row);
				log.info("Voicemail {} of call {} stored ({} ms)", id, voicemail.callUuid(), row.durationMs());
				if (row.mailTo() != null) {
					this.mailer.send(id);
				}
				return;
			}
			catch (RuntimeException ex) {
				if (attempt == ATTEMPTS) {
					log.error("Voicemail of call {} (client {}) could not be stored after {} attempts",
							voicemail.callUuid(), ivr.clientId(), ATTEMPTS, ex);
					return;
				}
				log.warn("Storing the voicemail of call {} failed ({}); retrying in {} ms", voicemail.callUuid(),
						ex.getMessage(), delay.toMillis());
				try {
					Thread.sleep(delay);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
				delay = delay.multipliedBy(2);
			}
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	@Override
	public void start() {
		this.writer = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "voicemail-store");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void stop() {
		ExecutorService running = this.writer;
		if (running == null) {
			return;
		}
		this.writer = null;
		running.shutdown();
		try {
			if (!running.awaitTermination(30, TimeUnit.SECONDS)) {
				log.error("Voicemails still being stored after 30 s of shutting down");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.writer != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
