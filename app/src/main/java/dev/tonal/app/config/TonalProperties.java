package dev.tonal.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Tonal's own settings ({@code tonal.*}), with their defaults: {@code tonal.data-dir}
 * ({@code ./data}), {@code tonal.admin.client-id}/{@code client-secret} (unset; env
 * {@code TONAL_ADMIN_CLIENT_ID}/{@code TONAL_ADMIN_CLIENT_SECRET}), {@code
 * tonal.admin.bootstrap} (true), {@code tonal.sip.realm} ({@code tonal}),
 * {@code tonal.token.ttl} (3600 s).
 *
 * @param dataDir where the embedded database and logs live
 * @param admin the platform admin app
 * @param sip SIP settings the API needs
 * @param token access token settings
 */
@ConfigurationProperties("tonal")
public record TonalProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Admin admin, @DefaultValue Sip sip,
		@DefaultValue Token token) {

	/**
	 * The platform admin app.
	 *
	 * @param clientId its app id, or blank to generate one on an empty installation
	 * @param clientSecret its secret, or blank
	 * @param bootstrap whether to generate an admin app when none exists and none is
	 * configured (a production profile may turn it off)
	 */
	public record Admin(String clientId, String clientSecret, @DefaultValue("true") boolean bootstrap) {

		/** Whether both credentials are configured. */
		public boolean configured() {
			return this.clientId != null && !this.clientId.isBlank() && this.clientSecret != null
					&& !this.clientSecret.isBlank();
		}

	}

	/**
	 * @param realm the SIP digest realm
	 */
	public record Sip(@DefaultValue("tonal") String realm) {
	}

	/**
	 * @param ttl how long an access token is valid; a bare number means seconds
	 */
	public record Token(@DefaultValue("3600s") @DurationUnit(ChronoUnit.SECONDS) Duration ttl) {
	}

}
