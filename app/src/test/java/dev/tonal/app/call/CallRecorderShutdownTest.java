package dev.tonal.app.call;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.tonal.app.TonalApplication;
import dev.tonal.app.support.TestSummaries;
import dev.tonal.engine.CallResult;
import dev.tonal.sip.CallEndReason;
import dev.tonal.sip.ivrcall.IvrCallSummary;
import dev.tonal.engine.TraceEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clean shutdown loses no finished call (architecture.md, runtime model): calls still
 * queued when the application closes are in the database when it starts again on the same
 * data directory.
 */
class CallRecorderShutdownTest {

	private static final int CALLS = 300;

	@TempDir
	Path dataDir;

	@Test
	void rule31_callsQueuedAtShutdownAreStoredBeforeTheDatabaseCloses() throws IOException {
		long clientId;
		try (ConfigurableApplicationContext app = start()) {
			clientId = newClient(app.getBean(JdbcClient.class));
			CallRecorder recorder = app.getBean(CallRecorder.class);
			for (int i = 0; i < CALLS; i++) {
				recorder.record(call(clientId, i));
			}
		} // closing right away: most calls are still queued
		try (ConfigurableApplicationContext app = start()) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(count(jdbc, "call_history", clientId)).isEqualTo(CALLS);
			assertThat(count(jdbc, "quality_rate", clientId)).isEqualTo(2 * CALLS);
			// the shared PostgreSQL database of the API suite must not keep this client
			jdbc.sql("DELETE FROM client WHERE id = ?").param(clientId).update();
		}
	}

	private ConfigurableApplicationContext start() throws IOException {
		Files.createDirectories(this.dataDir);
		// Command-line arguments outrank application.properties; the datasource is left
		// alone so that SPRING_DATASOURCE_URL (PostgreSQL runs) still wins.
		return new SpringApplicationBuilder(TonalApplication.class).run("--tonal.data-dir=" + this.dataDir,
				"--server.port=0", "--tonal.admin.client-id=shutdown-test-admin",
				"--tonal.admin.client-secret=shutdown-test-secret-0123456789", "--spring.main.banner-mode=off",
				"--tonal.sip.host=127.0.0.1", "--tonal.sip.port=0");
	}

	private static long newClient(JdbcClient jdbc) {
		String prefix = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
		jdbc.sql("INSERT INTO client (name, prefix, extension_length, timezone) VALUES (?, ?, 3, 'UTC')")
			.params("shutdown test " + prefix, prefix)
			.update();
		return jdbc.sql("SELECT id FROM client WHERE prefix = ?").param(prefix).query(Long.class).single();
	}

	private static IvrCallSummary call(long clientId, int i) {
		Instant start = Instant.parse("2026-11-23T07:00:00Z").plusSeconds(i);
		List<TraceEntry> trace = new ArrayList<>();
		for (int step = 0; step < 50; step++) {
			trace.add(TraceEntry.of(step * 100L, "rule_started", "rule", (long) step, "action", "play_sound"));
		}
		return TestSummaries.call("shutdown-" + clientId + "-" + i, TestSummaries.ivr(clientId, -1, "000*071"), start,
				20, "+7999000" + i, null, new CallResult(CallResult.End.CALLER_HANGUP, 20_000, null, "caller hung up"),
				CallEndReason.CALLER_HUNG_UP, List.of(), trace,
				List.of(new IvrCallSummary.Rating(start.plusSeconds(10), 5, 5),
						new IvrCallSummary.Rating(start.plusSeconds(12), 1, 5)));
	}

	private static long count(JdbcClient jdbc, String table, long clientId) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE client_id = ?")
			.param(clientId)
			.query(Long.class)
			.single();
	}

}
