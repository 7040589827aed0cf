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
 * {@code tonal.sip.enabled} (true), {@code tonal.sip.host} ({@code 0.0.0.0}),
 * {@code tonal.sip.port} (5060), {@code tonal.sip.public-address} (unset),
 * {@code tonal.rtp.ports} ({@code 20000-29999}), {@code tonal.token.ttl} (3600 s).
 *
 * @param dataDir where the embedded database and logs live
 * @param admin the platform admin app
 * @param sip SIP settings
 * @param token access token settings
 * @param rtp RTP settings
 */
@ConfigurationProperties("tonal")
public record TonalProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Admin admin, @DefaultValue Sip sip,
		@DefaultValue Token token, @DefaultValue Rtp rtp) {

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
	 * @param enabled whether the SIP server runs
	 * @param host the address SIP (UDP and TCP) and RTP bind to
	 * @param port the SIP port, UDP and TCP; 0 picks a free one (tests)
	 * @param publicAddress the address put in Contact and SDP, when peers must reach us
	 * by another address than {@code host} (NAT); unset: {@code host}, or a LAN address
	 */
	public record Sip(@DefaultValue("tonal") String realm, @DefaultValue("true") boolean enabled,
			@DefaultValue("0.0.0.0") String host, @DefaultValue("5060") int port, String publicAddress) {
	}

	/**
	 * @param ports the RTP port range, {@code min-max}
	 */
	public record Rtp(@DefaultValue("20000-29999") String ports) {

		/** The lowest port of the range. */
		public int min() {
			return bound(0);
		}

		/** The highest port of the range. */
		public int max() {
			return bound(1);
		}

		private int bound(int which) {
			String[] parts = this.ports.trim().split("\\s*-\\s*");
			try {
				if (parts.length == 2) {
					return Integer.parseInt(parts[which]);
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException(
					"tonal.rtp.ports must be a range like 20000-29999, got \"" + this.ports + "\"");
		}

	}

	/**
	 * @param ttl how long an access token is valid; a bare number means seconds
	 */
	public record Token(@DefaultValue("3600s") @DurationUnit(ChronoUnit.SECONDS) Duration ttl) {
	}

}
