package dev.tonal.app.interval;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code time_interval} table; conditions are JSON text in the API's format. */
@Repository
class IntervalRepository {

	/** A stored interval. */
	record StoredInterval(long id, long clientId, String name, String timezone, String conditionsJson) {
	}

	private static final RowMapper<StoredInterval> ROW = (rs, n) -> new StoredInterval(rs.getLong("id"),
			rs.getLong("client_id"), rs.getString("name"), rs.getString("timezone"), rs.getString("conditions"));

	private final JdbcClient jdbc;

	IntervalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long clientId, String name, String timezone, String conditionsJson) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO time_interval (client_id, name, timezone, conditions) VALUES (?, ?, ?, ?)")
			.params(clientId, name, timezone, conditionsJson)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	Optional<StoredInterval> find(long clientId, long id) {
		return this.jdbc.sql("SELECT * FROM time_interval WHERE client_id = ? AND id = ?")
			.params(clientId, id)
			.query(ROW)
			.optional();
	}

	List<StoredInterval> list(long clientId) {
		return this.jdbc.sql("SELECT * FROM time_interval WHERE client_id = ? ORDER BY id")
			.param(clientId)
			.query(ROW)
			.list();
	}

	void update(StoredInterval interval) {
		this.jdbc.sql("UPDATE time_interval SET name = ?, timezone = ?, conditions = ? WHERE id = ?")
			.params(interval.name(), interval.timezone(), interval.conditionsJson(), interval.id())
			.update();
	}

	void delete(long id) {
		this.jdbc.sql("DELETE FROM time_interval WHERE id = ?").param(id).update();
	}

}
