package dev.tonal.app.client;

import java.util.List;
import java.util.Optional;

import dev.tonal.app.api.ApiException;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code client} table: tenants. */
@Repository
public class ClientRepository {

	private static final RowMapper<Client> ROW = (rs, n) -> new Client(rs.getLong("id"), rs.getString("name"),
			rs.getString("prefix"), rs.getInt("extension_length"), rs.getString("timezone"));

	private final JdbcClient jdbc;

	ClientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Client> find(long id) {
		return this.jdbc.sql("SELECT * FROM client WHERE id = ?").param(id).query(ROW).optional();
	}

	/** The client, or a 404 for {@code cid} (which came from the path). */
	public Client get(long id) {
		return find(id).orElseThrow(() -> ApiException.notFound("client " + id));
	}

	public boolean exists(long id) {
		return find(id).isPresent();
	}

	List<Client> list() {
		return this.jdbc.sql("SELECT * FROM client ORDER BY id").query(ROW).list();
	}

	long insert(String name, String prefix, int extensionLength, String timezone) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO client (name, prefix, extension_length, timezone) VALUES (?, ?, ?, ?)")
			.params(name, prefix, extensionLength, timezone)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	void update(Client client) {
		this.jdbc.sql("UPDATE client SET name = ?, extension_length = ?, timezone = ? WHERE id = ?")
			.params(client.name(), client.extensionLength(), client.timezone(), client.id())
			.update();
	}

	/**
	 * Deletes a client and what cascades from it. Its extensions must be gone already
	 * ({@link dev.tonal.app.events.ClientDeleting}), so that the IVR rows cascading from
	 * them are gone before the client's sounds and intervals they refer to.
	 */
	void delete(long id) {
		this.jdbc.sql("DELETE FROM client WHERE id = ?").param(id).update();
	}

}
