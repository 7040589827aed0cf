package dev.tonal.app.auth;

import java.time.Instant;
import java.util.Optional;

import dev.tonal.app.config.TonalProperties;
import dev.tonal.model.WireEnum;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and checks opaque bearer tokens. A token is random; only its SHA-256 is stored,
 * with its expiry. Deleting an app deletes its tokens (revocation).
 */
@Service
public class TokenService {

	/** A token as handed to the app once. */
	public record IssuedToken(String accessToken, long expiresIn) {
	}

	/** A hash no secret matches in practice, checked against for unknown app ids. */
	private static final String UNKNOWN_APP_HASH = Secrets.hashSecret(Secrets.random(32));

	private final AppRepository apps;

	private final JdbcClient jdbc;

	private final long ttlSeconds;

	TokenService(AppRepository apps, JdbcClient jdbc, TonalProperties properties) {
		this.apps = apps;
		this.jdbc = jdbc;
		this.ttlSeconds = properties.token().ttl().toSeconds();
	}

	/** A new token for the app with these credentials, or empty when they are wrong. */
	@Transactional
	public Optional<IssuedToken> issue(String appId, String appSecret) {
		Optional<AppRepository.App> app = this.apps.findByPublicId(appId);
		// Hash the secret even for an unknown app id, so the answer time does not tell
		// which app ids exist.
		boolean valid = Secrets.matches(appSecret, app.map(AppRepository.App::secretHash).orElse(UNKNOWN_APP_HASH));
		if (app.isEmpty() || !valid) {
			return Optional.empty();
		}
		long now = Instant.now().getEpochSecond();
		// Expired tokens of this app are useless: drop them while we are here.
		this.jdbc.sql("DELETE FROM token WHERE app_id = ? AND expires_at <= ?").params(app.get().id(), now).update();
		String token = Secrets.random(32);
		this.jdbc.sql("INSERT INTO token (app_id, token_hash, expires_at) VALUES (?, ?, ?)")
			.params(app.get().id(), Secrets.sha256Hex(token), now + this.ttlSeconds)
			.update();
		return Optional.of(new IssuedToken(token, this.ttlSeconds));
	}

	/** Who holds {@code token}, if it is known and not expired. */
	public Optional<Caller> caller(String token) {
		return this.jdbc
			.sql("SELECT a.id, a.client_id, a.admin, a.access FROM token t JOIN app a ON a.id = t.app_id "
					+ "WHERE t.token_hash = ? AND t.expires_at > ?")
			.params(Secrets.sha256Hex(token), Instant.now().getEpochSecond())
			.query((rs, n) -> new Caller(rs.getLong("id"), rs.getObject("client_id", Long.class),
					rs.getBoolean("admin"), WireEnum.parse(Access.class, rs.getString("access")).orElseThrow()))
			.optional();
	}

}
