package dev.tonal.app.call;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.tonal.app.extension.ExtensionRepository;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration to the original API's call-history shape (V21) on data: calls stored
 * before it read afterwards with every field of api.md §8, and nothing recorded is lost.
 * Runs on a fresh embedded H2 database (PostgreSQL mode), or, when the suite is given a
 * PostgreSQL server ({@code SPRING_DATASOURCE_URL}), on a fresh database of that server.
 */
class CallHistoryMigrationTest {

	private DriverManagerDataSource dataSource;

	private String dropDatabase;

	@BeforeEach
	void freshDatabase() throws SQLException {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url != null && url.startsWith("jdbc:postgresql:")) {
			String name = "tonal_migration_" + ThreadLocalRandom.current().nextInt(1_000_000);
			String user = System.getenv("SPRING_DATASOURCE_USERNAME");
			String password = System.getenv("SPRING_DATASOURCE_PASSWORD");
			try (Connection admin = DriverManager.getConnection(url, user, password)) {
				admin.createStatement().execute("CREATE DATABASE " + name);
			}
			this.dropDatabase = name;
			this.dataSource = new DriverManagerDataSource(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), user,
					password);
		}
		else {
			this.dataSource = new DriverManagerDataSource(
					"jdbc:h2:mem:migration" + ThreadLocalRandom.current().nextInt(1_000_000)
							+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
					"sa", "");
		}
	}

	@AfterEach
	void dropIt() throws SQLException {
		if (this.dropDatabase != null) {
			String url = System.getenv("SPRING_DATASOURCE_URL");
			try (Connection admin = DriverManager.getConnection(url, System.getenv("SPRING_DATASOURCE_USERNAME"),
					System.getenv("SPRING_DATASOURCE_PASSWORD"))) {
				admin.createStatement().execute("DROP DATABASE " + this.dropDatabase);
			}
		}
	}

	@Test
	void callsStoredBeforeReadInTheOriginalsShapeAndKeepEverything() {
		migrate("4");
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		jdbc.sql("INSERT INTO client (name, prefix, extension_length, timezone) VALUES ('c', '000', 3, 'UTC')")
			.update();
		long client = jdbc.sql("SELECT id FROM client").query(Long.class).single();
		jdbc.sql("INSERT INTO extension (client_id, name, type, status) VALUES (?, '071', 'ivr', 'active')")
			.param(client)
			.update();
		long ivr = jdbc.sql("SELECT id FROM extension").query(Long.class).single();
		// 2026-11-23 07:00:00 UTC, 30.9 s, the caller hung up; then one transferred.
		long start = 1_795_417_200_000L;
		insertOld(jdbc, "old-1", client, ivr, start, 30_900, "caller_hangup", null);
		insertOld(jdbc, "old-2", client, ivr, start + 60_000, 12_000, "transferred", "+79876543210");
		jdbc.sql("INSERT INTO quality_rate (call_uuid, client_id, extension_id, rated_at, max_rate, rate)"
				+ " VALUES ('old-1', ?, ?, ?, 5, 4)")
			.params(client, ivr, start + 20_000)
			.update();

		migrate(null);

		CallHistoryRepository history = new CallHistoryRepository(jdbc, new ExtensionRepository(jdbc),
				new DataSourceTransactionManager(this.dataSource));
		Map<String, Object> hungUp = CallRecordJson.of(history.call(client, "old-1").orElseThrow());
		assertThat(hungUp).containsEntry("flow", "in")
			.containsEntry("init_time_gmt", "2026-11-23 07:00:00")
			.containsEntry("start_time_gmt", "2026-11-23 07:00:00")
			.containsEntry("hangup_time_gmt", "2026-11-23 07:00:30")
			.containsEntry("duration", 30L)
			.containsEntry("bridged", false)
			.containsEntry("extension_id", ivr)
			.containsEntry("from_username", "+79990001122")
			.containsEntry("to_username", "+74950000000")
			.containsEntry("result", "answered")
			.containsEntry("hangup_cause", "NORMAL_CLEARING")
			.containsEntry("hangup_disposition", "caller_bye")
			.containsEntry("caller_id_name", "Иван")
			.containsEntry("called_did", "+74950000000")
			.containsEntry("duration_ms", 30_900L)
			.containsEntry("end_reason", "caller_hangup");
		Map<String, Object> transferred = CallRecordJson.of(history.call(client, "old-2").orElseThrow());
		assertThat(transferred).containsEntry("end_reason", "transferred")
			.containsEntry("transferred_to", "+79876543210")
			.containsEntry("hangup_disposition", "callee_bye");
		assertThat(history.trace(client, "old-1")).contains("[{\"at\":0,\"type\":\"hangup\"}]");
		assertThat(history.ratings(client, null, null, null)).singleElement()
			.satisfies((rating) -> assertThat(rating.rate()).isEqualTo(4));
	}

	private static void insertOld(JdbcClient jdbc, String uuid, long client, long ivr, long start, long durationMs,
			String result, String transferredTo) {
		jdbc.sql("INSERT INTO call_history (call_uuid, client_id, extension_id, start_at, end_at, caller_id_number,"
				+ " caller_id_name, called_did, duration_ms, result, transferred_to, trace)"
				+ " VALUES (?, ?, ?, ?, ?, '+79990001122', 'Иван', '+74950000000', ?, ?, ?, ?)")
			.params(uuid, client, ivr, start, start + durationMs, durationMs, result, transferredTo,
					"[{\"at\":0,\"type\":\"hangup\"}]")
			.update();
	}

	/** Migrates to {@code target}, or to the latest version when null. */
	private void migrate(String target) {
		var config = Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration");
		if (target != null) {
			config.target(target);
		}
		config.load().migrate();
	}

}
