package dev.tonal.app.callevent;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code event_subscription} table. */
@Repository
class EventSubscriptionRepository {

	/** A subscription as shown: the components are in the order of the JSON. */
	record Subscription(long id, String url, String method, String eventType) {
	}

	private static final RowMapper<Subscription> ROW = (rs, n) -> new Subscription(rs.getLong("id"),
			rs.getString("url"), rs.getString("method"), rs.getString("event_type"));

	private final JdbcClient jdbc;

	EventSubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The client owning extension {@code extensionId}, if it exists. */
	Optional<Long> extensionClient(long extensionId) {
		return this.jdbc.sql("SELECT client_id FROM extension WHERE id = ?")
			.param(extensionId)
			.query(Long.class)
			.optional();
	}

	long insert(long clientId, long extensionId, String url, String method, String eventType) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO event_subscription (client_id, extension_id, url, method, event_type)"
					+ " VALUES (?, ?, ?, ?, ?)")
			.params(clientId, extensionId, url, method, eventType)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	List<Subscription> list(long extensionId) {
		return this.jdbc
			.sql("SELECT id, url, method, event_type FROM event_subscription WHERE extension_id = ? ORDER BY id")
			.param(extensionId)
			.query(ROW)
			.list();
	}

	/** The extension's subscriptions to one event type, for sending. */
	List<Subscription> list(long extensionId, String eventType) {
		return this.jdbc
			.sql("SELECT id, url, method, event_type FROM event_subscription WHERE extension_id = ?"
					+ " AND event_type = ? ORDER BY id")
			.params(extensionId, eventType)
			.query(ROW)
			.list();
	}

	Optional<Subscription> find(long extensionId, long id) {
		return this.jdbc
			.sql("SELECT id, url, method, event_type FROM event_subscription WHERE extension_id = ? AND id = ?")
			.params(extensionId, id)
			.query(ROW)
			.optional();
	}

	void delete(long id) {
		this.jdbc.sql("DELETE FROM event_subscription WHERE id = ?").param(id).update();
	}

}
