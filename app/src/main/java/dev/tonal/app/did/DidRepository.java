package dev.tonal.app.did;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code did} table: public numbers routed to extensions, unique platform-wide. */
@Repository
class DidRepository {

	/** A DID as stored and shown ({@code client_id} is not part of the API's shape). */
	record Did(long id, String number, long extensionId) {
	}

	private static final RowMapper<Did> ROW = (rs, n) -> new Did(rs.getLong("id"), rs.getString("number"),
			rs.getLong("extension_id"));

	private final JdbcClient jdbc;

	DidRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long clientId, String number, long extensionId) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO did (client_id, number, extension_id) VALUES (?, ?, ?)")
			.params(clientId, number, extensionId)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	Optional<Did> find(long clientId, long id) {
		return this.jdbc.sql("SELECT id, number, extension_id FROM did WHERE client_id = ? AND id = ?")
			.params(clientId, id)
			.query(ROW)
			.optional();
	}

	List<Did> list(long clientId) {
		return this.jdbc.sql("SELECT id, number, extension_id FROM did WHERE client_id = ? ORDER BY id")
			.param(clientId)
			.query(ROW)
			.list();
	}

	void update(long id, String number, long extensionId) {
		this.jdbc.sql("UPDATE did SET number = ?, extension_id = ? WHERE id = ?")
			.params(number, extensionId, id)
			.update();
	}

	void delete(long id) {
		this.jdbc.sql("DELETE FROM did WHERE id = ?").param(id).update();
	}

}
