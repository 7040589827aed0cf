package dev.tonal.app.voicemail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP server voicemail e-mails go through ({@code tonal.mail.*}). Without a
 * {@code host} no mail is sent (voicemails are still stored).
 *
 * @param host the SMTP server; unset: no mail
 * @param port its port (25)
 * @param username user name to log in with, or unset for no login
 * @param password its password
 * @param startTls whether to require STARTTLS (false)
 * @param from the sender address ({@code tonal@localhost})
 * @param timeout connect and read timeout of one attempt (10 s)
 * @param retryDelay the wait before the first retry of a failed mail; it doubles for each
 * further one (30 s)
 * @param maxAttempts how many times a mail is tried before it is given up (8)
 */
@ConfigurationProperties("tonal.mail")
public record MailProperties(String host, @DefaultValue("25") int port, String username, String password,
		@DefaultValue("false") boolean startTls, @DefaultValue("tonal@localhost") String from,
		@DefaultValue("10s") Duration timeout, @DefaultValue("30s") Duration retryDelay,
		@DefaultValue("8") int maxAttempts) {

	public MailProperties {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("tonal.mail.max-attempts must be at least 1: " + maxAttempts);
		}
		if (!retryDelay.isPositive() || !timeout.isPositive()) {
			throw new IllegalArgumentException("tonal.mail.retry-delay and tonal.mail.timeout must be positive");
		}
	}

	/** Whether an SMTP server is configured. */
	public boolean configured() {
		return this.host != null && !this.host.isBlank();
	}

}
