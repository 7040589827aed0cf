package dev.tonal.app.registration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import dev.tonal.app.config.TonalProperties;
import dev.tonal.sip.registrar.DigestAuthenticator;
import dev.tonal.sip.registrar.FailedAttempts;
import dev.tonal.sip.registrar.Registrar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SIP registrar of phone extensions and the digest authenticator it shares with calls
 * from phones: realm {@code tonal.sip.realm}, bindings in the database, at most
 * {@value #FAILED_ATTEMPTS} failed attempts per source address a minute.
 */
@Configuration(proxyBeanMethods = false)
public class RegistrarConfig {

	/** Failed digest attempts a source address may make per minute. */
	static final int FAILED_ATTEMPTS = 10;

	@Bean
	DigestAuthenticator digestAuthenticator(TonalProperties properties, JdbcRegistrations accounts, JdbcClient jdbc) {
		Clock clock = Clock.systemUTC();
		return new DigestAuthenticator(properties.sip().realm(), nonceSecret(jdbc), accounts,
				new FailedAttempts(FAILED_ATTEMPTS, Duration.ofMinutes(1), clock), clock);
	}

	@Bean
	Registrar registrar(DigestAuthenticator authenticator, JdbcRegistrations registrations) {
		return new Registrar(authenticator, registrations, registrations, Clock.systemUTC());
	}

	/** The nonce secret every node shares; the first node to start makes it. */
	private static byte[] nonceSecret(JdbcClient jdbc) {
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		try {
			jdbc.sql("INSERT INTO sip_nonce_secret (id, secret) VALUES (1, ?)")
				.param(HexFormat.of().formatHex(fresh))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another node (or an earlier start) made it first: use theirs
		}
		String secret = jdbc.sql("SELECT secret FROM sip_nonce_secret WHERE id = 1").query(String.class).single();
		return HexFormat.of().parseHex(secret);
	}

}
