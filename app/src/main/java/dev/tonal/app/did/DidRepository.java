package dev.tonal.app.did;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code did} table: public numbers routed to extensions, unique platform-wide. */
@Repository
class DidRepository {

	/**
	 * A DID as stored and shown, in the original API's shape (api.md §5): {@code name} is
	 * the public number, {@code domain} the SIP domain it arrives on (empty: any). The
	 * components are in the order the JSON shows them.
	 */
	record Did(long id, @JsonProperty("name") String number, String domain, long clientId, long extensionId) {
	}

	private static final String COLUMNS = "id, number, domain, client_id, extension_id";

	private static final RowMapper<Did> ROW = (rs, n) -> new Did(rs.getLong("id"), rs.getString("number"),
			rs.getString("domain"), rs.getLong("client_id"), rs.getLong("extension_id"));

	private final JdbcClient jdbc;

	DidRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long clientId, String number, String domain, long extensionId) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO did (client_id, number, domain, extension_id) VALUES (?, ?, ?, ?)")
			.params(clientId, number, domain, extensionId)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	Optional<Did> find(long clientId, long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM did WHERE client_id = ? AND id = ?")
			.params(clientId, id)
			.query(ROW)
			.optional();
	}

	List<Did> list(long clientId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM did WHERE client_id = ? ORDER BY id")
			.param(clientId)
			.query(ROW)
			.list();
	}

	void update(long id, String number, String domain, long extensionId) {
		this.jdbc.sql("UPDATE did SET number = ?, domain = ?, extension_id = ? WHERE id = ?")
			.params(number, domain, extensionId, id)
			.update();
	}

	void delete(long id) {
		this.jdbc.sql("DELETE FROM did WHERE id = ?").param(id).update();
	}

}
