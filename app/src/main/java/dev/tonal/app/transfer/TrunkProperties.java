package dev.tonal.app.transfer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbound trunk external numbers are transferred through ({@code tonal.trunk.*}).
 *
 * @param uri the SIP URI with {@code {number}} where the dialled number goes, e.g.
 * {@code sip:{number}@gw.example:5060}; unset means no trunk (external destinations fail
 * with "no route")
 * @param username user name for the trunk's digest challenge (unset: no credentials)
 * @param password password for the trunk's digest challenge
 */
@ConfigurationProperties("tonal.trunk")
public record TrunkProperties(String uri, String username, String password) {

	public TrunkProperties {
		if (uri != null && !uri.isBlank() && !uri.contains("{number}")) {
			throw new IllegalArgumentException(
					"tonal.trunk.uri must contain {number} where the dialled number goes, e.g. "
							+ "sip:{number}@gw.example:5060; got " + uri);
		}
	}

	/** Whether a trunk is configured. */
	public boolean configured() {
		return this.uri != null && !this.uri.isBlank();
	}

	/** The trunk URI for a number. */
	public String uriFor(String number) {
		return this.uri.replace("{number}", number);
	}

	/** Whether digest credentials toward the trunk are configured. */
	public boolean hasCredentials() {
		return this.username != null && !this.username.isBlank() && this.password != null;
	}

}
