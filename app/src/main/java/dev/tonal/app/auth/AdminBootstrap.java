package dev.tonal.app.auth;

import java.util.Optional;

import dev.tonal.app.config.TonalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Makes sure the platform can be administered (api.md §1). With configured credentials
 * ({@code tonal.admin.client-id}/{@code client-secret}) the admin app with that id exists
 * and has that secret; this is idempotent, also when several nodes or test contexts start
 * on one database at once. Without them, an installation that has no admin app yet gets a
 * generated one whose credentials are printed once (they cannot be shown again: only a
 * hash is stored).
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AppRepository apps;

	private final TonalProperties.Admin admin;

	AdminBootstrap(AppRepository apps, TonalProperties properties) {
		this.apps = apps;
		this.admin = properties.admin();
	}

	@Override
	public void run(ApplicationArguments args) {
		ensureAdmin();
	}

	void ensureAdmin() {
		if (this.admin.configured()) {
			ensureConfiguredAdmin(this.admin.clientId(), this.admin.clientSecret());
		}
		else if (this.admin.bootstrap() && !this.apps.anyAdmin()) {
			generateAdmin();
		}
	}

	private void ensureConfiguredAdmin(String appId, String secret) {
		Optional<AppRepository.App> existing = this.apps.findByPublicId(appId);
		if (existing.isEmpty()) {
			try {
				this.apps.insert(null, "admin", Access.FULL, true, appId, Secrets.hashSecret(secret));
				log.info("Created the configured admin app {}", appId);
				return;
			}
			catch (DuplicateKeyException ex) {
				// Another node or context created it at the same moment: check it like an
				// old one.
				existing = this.apps.findByPublicId(appId);
			}
		}
		AppRepository.App app = existing.orElseThrow();
		if (!app.admin()) {
			throw new IllegalStateException("tonal.admin.client-id " + appId
					+ " is the app id of a client's app, not of an admin app: configure another id");
		}
		if (!Secrets.matches(secret, app.secretHash())) {
			this.apps.updateSecret(app.id(), Secrets.hashSecret(secret));
			log.info("Updated the secret of the configured admin app {}", appId);
		}
	}

	private void generateAdmin() {
		String appId = "admin-" + Secrets.random(9);
		String secret = Secrets.random(24);
		this.apps.insert(null, "admin", Access.FULL, true, appId, Secrets.hashSecret(secret));
		log.warn("""

				================================================================================
				 Tonal created a platform admin app. Its secret is shown this once only:
				   client_id:     {}
				   client_secret: {}
				 Get a token:  POST /oauth/token  grant_type=client_credentials&client_id=...&client_secret=...
				 To choose the credentials yourself, set TONAL_ADMIN_CLIENT_ID and TONAL_ADMIN_CLIENT_SECRET.
				================================================================================""", appId, secret);
	}

}
