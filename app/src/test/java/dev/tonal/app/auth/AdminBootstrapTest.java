package dev.tonal.app.auth;

import java.time.Duration;
import java.util.UUID;

import dev.tonal.app.config.TonalProperties;
import org.flywaydb.core.Flyway;
import org.h2.Driver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start of an installation (api.md §1), on a private empty database of its own
 * (the API suite's database is shared and never empty).
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

	private AppRepository apps;

	@BeforeEach
	void emptyDatabase() {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:bootstrap-"
				+ UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.apps = new AppRepository(JdbcClient.create(dataSource));
	}

	@Test
	void withoutCredentialsAnAdminIsGeneratedAndPrintedOnce(CapturedOutput output) {
		bootstrap(null, null).ensureAdmin();
		assertThat(output.getAll()).contains("client_id:").contains("client_secret:");
		String secret = output.getAll().replaceAll("(?s).*client_secret: (\\S+).*", "$1");
		String id = output.getAll().replaceAll("(?s).*client_id:\\s+(\\S+).*", "$1");
		AppRepository.App admin = this.apps.findByPublicId(id).orElseThrow();
		assertThat(admin.admin()).isTrue();
		assertThat(Secrets.matches(secret, admin.secretHash())).isTrue();
		int printed = output.getAll().length();
		bootstrap(null, null).ensureAdmin();
		assertThat(output.getAll().substring(printed)).doesNotContain("client_secret:");
	}

	@Test
	void configuredCredentialsAreEnsuredIdempotently(CapturedOutput output) {
		bootstrap("ops", "first-secret").ensureAdmin();
		bootstrap("ops", "first-secret").ensureAdmin();
		assertThat(Secrets.matches("first-secret", this.apps.findByPublicId("ops").orElseThrow().secretHash()))
			.isTrue();
		bootstrap("ops", "rotated-secret").ensureAdmin();
		assertThat(Secrets.matches("rotated-secret", this.apps.findByPublicId("ops").orElseThrow().secretHash()))
			.isTrue();
		assertThat(output.getAll()).doesNotContain("client_secret:");
	}

	@Test
	void bootstrapCanBeTurnedOff() {
		new AdminBootstrap(this.apps, properties(null, null, false)).ensureAdmin();
		assertThat(this.apps.anyAdmin()).isFalse();
	}

	private AdminBootstrap bootstrap(String id, String secret) {
		return new AdminBootstrap(this.apps, properties(id, secret, true));
	}

	private static TonalProperties properties(String id, String secret, boolean bootstrap) {
		return new TonalProperties(null, new TonalProperties.Admin(id, secret, bootstrap),
				new TonalProperties.Sip("tonal", false, "127.0.0.1", 0, null),
				new TonalProperties.Token(Duration.ofHours(1)), new TonalProperties.Rtp("20000-29999"));
	}

}
