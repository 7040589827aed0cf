package dev.tonal.app.extension;

import java.util.List;
import java.util.Optional;

import dev.tonal.model.WireEnum;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code extension} table, its only reader and writer: other packages ask here (by
 * id, by full name, a client's names, a phone's SIP HA1).
 */
@Repository
public class ExtensionRepository {

	private static final RowMapper<Extension> ROW = (rs, n) -> new Extension(rs.getLong("id"), rs.getLong("client_id"),
			rs.getString("name"), WireEnum.parse(ExtensionType.class, rs.getString("type")).orElseThrow(),
			WireEnum.parse(ExtensionStatus.class, rs.getString("status")).orElseThrow(), rs.getString("label"),
			rs.getObject("extension_group_id", Long.class), rs.getString("extra_params"));

	private static final String COLUMNS = "id, client_id, name, type, status, label, extension_group_id, extra_params";

	private final JdbcClient jdbc;

	public ExtensionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The client's extension with this id, if any. */
	public Optional<Extension> find(long clientId, long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM extension WHERE client_id = ? AND id = ?")
			.params(clientId, id)
			.query(ROW)
			.optional();
	}

	/** The extension with this id whatever its client, for internal use. */
	public Optional<Extension> byId(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM extension WHERE id = ?").param(id).query(ROW).optional();
	}

	/** The extension named {@code prefix*name} (names are unique: prefixes are). */
	public Optional<Extension> byName(String fullName) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM extension WHERE name = ?")
			.param(fullName)
			.query(ROW)
			.optional();
	}

	/** Whether an extension with this id exists (it may be deleted while a call runs). */
	public boolean exists(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM extension WHERE id = ?").param(id).query(Long.class).single() > 0;
	}

	/** The full names ({@code prefix*name}) of the client's extensions. */
	public List<String> namesOf(long clientId) {
		return this.jdbc.sql("SELECT name FROM extension WHERE client_id = ? ORDER BY id")
			.param(clientId)
			.query(String.class)
			.list();
	}

	/** The SIP digest HA1 of a phone extension; empty when none is stored. */
	public Optional<String> sipHa1(long id) {
		return this.jdbc.sql("SELECT sip_ha1 FROM extension WHERE id = ?")
			.param(id)
			.query((rs, n) -> Optional.ofNullable(rs.getString("sip_ha1")))
			.optional()
			.flatMap((ha1) -> ha1);
	}

	List<Extension> list(long clientId, ExtensionType type, int limit, long offset) {
		String where = (type != null) ? " AND type = :type" : "";
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM extension WHERE client_id = :client" + where
					+ " ORDER BY id LIMIT :limit OFFSET :offset")
			.param("client", clientId)
			.param("type", (type != null) ? type.wire() : null)
			.param("limit", limit)
			.param("offset", offset)
			.query(ROW)
			.list();
	}

	long insert(Extension extension, String sipHa1) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO extension (client_id, name, type, status, label, extension_group_id, extra_params, "
					+ "sip_ha1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(extension.clientId(), extension.name(), extension.type().wire(), extension.status().wire(),
					extension.label(), extension.extensionGroupId(), extension.extraParams(), sipHa1)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	void update(Extension extension) {
		this.jdbc
			.sql("UPDATE extension SET status = ?, label = ?, extension_group_id = ?, extra_params = ? "
					+ "WHERE id = ? AND client_id = ?")
			.params(extension.status().wire(), extension.label(), extension.extensionGroupId(), extension.extraParams(),
					extension.id(), extension.clientId())
			.update();
	}

	void updateSipHa1(long id, String sipHa1) {
		this.jdbc.sql("UPDATE extension SET sip_ha1 = ? WHERE id = ?").params(sipHa1, id).update();
	}

	/** The DID numbers routed to an extension. */
	List<String> didsOf(long id) {
		return this.jdbc.sql("SELECT number FROM did WHERE extension_id = ? ORDER BY number")
			.param(id)
			.query(String.class)
			.list();
	}

	/**
	 * Deletes an extension; its IVR and registrations go with it (foreign key cascades).
	 */
	void delete(long id) {
		this.jdbc.sql("DELETE FROM extension WHERE id = ?").param(id).update();
	}

	/** Deletes every extension of a client, with what cascades from them. */
	void deleteOfClient(long clientId) {
		this.jdbc.sql("DELETE FROM extension WHERE client_id = ?").param(clientId).update();
	}

}
