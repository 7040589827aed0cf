package dev.tonal.app.voicemail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.tonal.app.api.Datetimes;
import dev.tonal.app.client.ClientRepository;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mails a stored voicemail to its {@code mail_to} through the SMTP server of
 * {@code tonal.mail.*}, off the call thread (one mail thread). A failed attempt is
 * logged, counted in the table and tried again after {@code retry-delay}, doubling each
 * time (at most an hour), until {@code max-attempts}; the recording stays stored whatever
 * happens. Mails not yet sent when the server stopped are sent when it starts again.
 */
@Component
class VoicemailMailer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(VoicemailMailer.class);

	private static final Duration LONGEST_WAIT = Duration.ofHours(1);

	private final MailProperties properties;

	private final VoicemailRepository repository;

	private final ClientRepository clients;

	private final JavaMailSenderImpl sender;

	private volatile ScheduledExecutorService scheduler;

	VoicemailMailer(MailProperties properties, VoicemailRepository repository, ClientRepository clients) {
		this.properties = properties;
		this.repository = repository;
		this.clients = clients;
		this.sender = properties.configured() ? sender(properties) : null;
	}

	private static JavaMailSenderImpl sender(MailProperties properties) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(properties.host());
		sender.setPort(properties.port());
		sender.setDefaultEncoding("UTF-8");
		Properties smtp = new Properties();
		String timeout = String.valueOf(properties.timeout().toMillis());
		smtp.put("mail.smtp.connectiontimeout", timeout);
		smtp.put("mail.smtp.timeout", timeout);
		smtp.put("mail.smtp.writetimeout", timeout);
		if (properties.username() != null && !properties.username().isBlank()) {
			sender.setUsername(properties.username());
			sender.setPassword(properties.password());
			smtp.put("mail.smtp.auth", "true");
		}
		if (properties.startTls()) {
			smtp.put("mail.smtp.starttls.enable", "true");
			smtp.put("mail.smtp.starttls.required", "true");
		}
		sender.setJavaMailProperties(smtp);
		return sender;
	}

	/** Sends the voicemail's mail soon; returns at once. */
	void send(long id) {
		if (this.sender == null) {
			log.warn("Voicemail {} has vm_mailto but no SMTP server is configured (tonal.mail.host): not mailed", id);
			return;
		}
		schedule(id, Duration.ZERO);
	}

	private void schedule(long id, Duration delay) {
		ScheduledExecutorService running = this.scheduler;
		if (running == null) {
			log.warn("Voicemail {} not mailed now: the server is stopping; it is sent when it starts again", id);
			return;
		}
		try {
			running.schedule(() -> attempt(id), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException stopping) {
			log.warn("Voicemail {} not mailed now: the server is stopping; it is sent when it starts again", id);
		}
	}

	private void attempt(long id) {
		Optional<VoicemailRepository.Voicemail> found;
		try {
			found = this.repository.find(id);
		}
		catch (RuntimeException ex) {
			log.warn("Voicemail {}: could not read it to mail it ({}); retrying", id, ex.getMessage());
			schedule(id, this.properties.retryDelay());
			return;
		}
		if (found.isEmpty() || found.get().mailSentAt() != null || found.get().mailTo() == null) {
			return; // deleted, or already sent
		}
		VoicemailRepository.Voicemail voicemail = found.get();
		try {
			this.sender.send(message(voicemail));
			this.repository.mailSent(id, Instant.now().toEpochMilli());
			log.info("Voicemail {} mailed to {}", id, voicemail.mailTo());
		}
		catch (MessagingException | RuntimeException ex) {
			failed(voicemail, ex);
		}
	}

	private void failed(VoicemailRepository.Voicemail voicemail, Exception ex) {
		int attempts = voicemail.mailAttempts() + 1;
		try {
			this.repository.mailFailed(voicemail.id(), String.valueOf(ex.getMessage()));
		}
		catch (RuntimeException db) {
			log.warn("Voicemail {}: could not record the failed mail: {}", voicemail.id(), db.getMessage());
		}
		if (attempts >= this.properties.maxAttempts()) {
			log.error("Voicemail {} could not be mailed to {} after {} attempts; given up (the recording is kept): {}",
					voicemail.id(), voicemail.mailTo(), attempts, ex.getMessage());
			return;
		}
		Duration delay = this.properties.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
		if (delay.compareTo(LONGEST_WAIT) > 0) {
			delay = LONGEST_WAIT;
		}
		log.warn("Voicemail {} could not be mailed to {} (attempt {} of {}): {}; retrying in {} s", voicemail.id(),
				voicemail.mailTo(), attempts, this.properties.maxAttempts(), ex.getMessage(), delay.toSeconds());
		schedule(voicemail.id(), delay);
	}

	private MimeMessage message(VoicemailRepository.Voicemail voicemail) throws MessagingException {
		String timezone = this.clients.get(voicemail.clientId()).timezone();
		MimeMessage message = this.sender.createMimeMessage();
		boolean attach = voicemail.mailAttach();
		MimeMessageHelper helper = new MimeMessageHelper(message, attach, "UTF-8");
		helper.setFrom(this.properties.from());
		helper.setTo(InternetAddress.parse(voicemail.mailTo()));
		helper.setSubject(VoicemailMail.subject(voicemail));
		helper.setText(VoicemailMail.body(voicemail,
				Datetimes.format(Instant.ofEpochMilli(voicemail.created()), timezone), timezone));
		if (attach) {
			byte[] wav = this.repository.wav(voicemail.id()).orElseThrow();
			helper.addAttachment(VoicemailMail.fileName(voicemail), new ByteArrayResource(wav), "audio/wav");
		}
		return message;
	}

	@Override
	public void start() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "voicemail-mail");
			thread.setDaemon(true);
			return thread;
		});
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.scheduler = executor;
		if (this.sender != null) {
			try {
				this.repository.unsentMails(this.properties.maxAttempts()).forEach((id) -> schedule(id, Duration.ZERO));
			}
			catch (RuntimeException ex) {
				log.warn("Could not look for voicemails still to mail: {}", ex.getMessage());
			}
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.scheduler;
		this.scheduler = null;
		if (running != null) {
			running.shutdown();
			try {
				running.awaitTermination(this.properties.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	/** Stops after the inbox, which may still hand it mails while stopping. */
	@Override
	public int getPhase() {
		return VoicemailInbox.PHASE - 100;
	}

}
