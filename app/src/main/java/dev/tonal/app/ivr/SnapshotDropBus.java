package dev.tonal.app.ivr;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries snapshot drops between Tonal nodes that share one PostgreSQL database
 * (architecture.md, "Embedded default and scale-out"): a drop is published with
 * {@code pg_notify} inside the writing transaction, so PostgreSQL delivers it to every
 * node's {@code LISTEN} only when (and if) the write commits. On the embedded H2 database
 * there is one node only, and the bus does nothing.
 *
 * <p>
 * Messages are {@code "extension:<id>"}, {@code "client:<id>"}, or {@code "all"}, which
 * the listener also hands on after (re)connecting, because drops may have been missed
 * while it was not listening.
 */
@Component
class SnapshotDropBus implements SmartLifecycle {

	static final String CHANNEL = "tonal_ivr_snapshots";

	static final String ALL = "all";

	private static final Logger log = LoggerFactory.getLogger(SnapshotDropBus.class);

	/** How long one wait for notifications lasts, so that stopping is noticed soon. */
	private static final int POLL_MS = 500;

	private static final long RECONNECT_DELAY_MS = 2000;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final boolean postgres;

	private volatile Consumer<String> receiver = (message) -> {
	};

	private final Map<String, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();

	private volatile boolean running;

	private Thread listener;

	SnapshotDropBus(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.postgres = isPostgres(dataSource);
	}

	/** Whether drops travel between nodes (the database is PostgreSQL). */
	boolean active() {
		return this.postgres;
	}

	/** Who handles messages from the database (the snapshot cache). */
	void onMessage(Consumer<String> receiver) {
		this.receiver = receiver;
	}

	/** Announces a drop to every node, when the current transaction commits. */
	void publish(String message) {
		if (this.postgres) {
			this.jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, message).query((rs, n) -> n).list();
		}
	}

	/**
	 * Completes once {@code message} has been received and handled; for tests that play
	 * another node.
	 */
	CompletableFuture<Void> handled(String message) {
		return this.awaited.computeIfAbsent(message, (m) -> new CompletableFuture<>());
	}

	@Override
	public void start() {
		this.running = true;
		if (this.postgres) {
			this.listener = Thread.ofPlatform().daemon().name("ivr-snapshot-drops").start(this::listen);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.listener != null) {
			this.listener.interrupt();
			try {
				this.listener.join(POLL_MS * 4L);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				deliver(ALL);
				PGConnection notifications = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] received = notifications.getNotifications(POLL_MS);
					if (received != null) {
						for (PGNotification notification : received) {
							deliver(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Listening for IVR configuration changes of other nodes failed; retrying: {}",
							ex.getMessage());
					pause();
				}
			}
		}
	}

	private void deliver(String message) {
		try {
			this.receiver.accept(message);
		}
		catch (RuntimeException ex) {
			log.warn("Could not apply the IVR configuration change message \"{}\"", message, ex);
		}
		CompletableFuture<Void> waiting = this.awaited.remove(message);
		if (waiting != null) {
			waiting.complete(null);
		}
	}

	private void pause() {
		try {
			Thread.sleep(RECONNECT_DELAY_MS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot reach the database to find out its kind", ex);
		}
	}

}
