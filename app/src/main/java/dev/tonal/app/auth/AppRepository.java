package dev.tonal.app.auth;

import java.util.List;
import java.util.Optional;

import dev.tonal.model.WireEnum;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code app} table: OAuth2 client-credentials apps of clients and of the platform.
 */
@Repository
class AppRepository {

	/** One app; {@code clientId} is null for platform admin apps. */
	record App(long id, Long clientId, String name, Access access, boolean admin, String publicId, String secretHash) {
	}

	private static final RowMapper<App> ROW = (rs, n) -> new App(rs.getLong("id"),
			rs.getObject("client_id", Long.class), rs.getString("name"),
			WireEnum.parse(Access.class, rs.getString("access")).orElseThrow(), rs.getBoolean("admin"),
			rs.getString("public_id"), rs.getString("secret_hash"));

	private final JdbcClient jdbc;

	AppRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Long clientId, String name, Access access, boolean admin, String publicId, String secretHash) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO app (client_id, name, access, admin, public_id, secret_hash) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(clientId, name, access.wire(), admin, publicId, secretHash)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	Optional<App> findByPublicId(String publicId) {
		return this.jdbc.sql("SELECT * FROM app WHERE public_id = ?").param(publicId).query(ROW).optional();
	}

	Optional<App> find(long clientId, long id) {
		return this.jdbc.sql("SELECT * FROM app WHERE client_id = ? AND id = ?")
			.params(clientId, id)
			.query(ROW)
			.optional();
	}

	List<App> listOfClient(long clientId) {
		return this.jdbc.sql("SELECT * FROM app WHERE client_id = ? ORDER BY id").param(clientId).query(ROW).list();
	}

	boolean anyAdmin() {
		return this.jdbc.sql("SELECT COUNT(*) FROM app WHERE admin").query(Long.class).single() > 0;
	}

	void updateSecret(long id, String secretHash) {
		this.jdbc.sql("UPDATE app SET secret_hash = ? WHERE id = ?").params(secretHash, id).update();
	}

	/**
	 * Deletes an app; its tokens go with it (foreign key cascade), which revokes them.
	 */
	boolean delete(long clientId, long id) {
		return this.jdbc.sql("DELETE FROM app WHERE client_id = ? AND id = ?").params(clientId, id).update() > 0;
	}

}
