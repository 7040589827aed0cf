package dev.tonal.app.telephony;

import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds what an inbound call dialled (semantics.md rule 1): an extension by its full
 * name, or the extension a DID number is routed to. Read once per INVITE, on the call's
 * own thread.
 */
@Repository
class SipTargets {

	/**
	 * An extension a call can reach.
	 *
	 * @param id the extension id
	 * @param name its full name, {@code prefix*name}
	 * @param type {@code ivr} or {@code phone}
	 * @param status {@code active} or {@code blocked}
	 * @param did the DID number dialled, or null when the extension was dialled by name
	 */
	record Target(long id, String name, String type, String status, String did) {

		boolean blocked() {
			return "blocked".equals(this.status);
		}

		boolean ivr() {
			return "ivr".equals(this.type);
		}

	}

	private static final RowMapper<Target> ROW = (rs, n) -> new Target(rs.getLong("id"), rs.getString("name"),
			rs.getString("type"), rs.getString("status"), rs.getString("did"));

	private final JdbcClient jdbc;

	SipTargets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The extension named {@code prefix*name} (names are unique: prefixes are). */
	Optional<Target> byName(String fullName) {
		return this.jdbc.sql("SELECT id, name, type, status, NULL AS did FROM extension WHERE name = ?")
			.param(fullName)
			.query(ROW)
			.optional();
	}

	/** The extension a DID number is routed to. */
	Optional<Target> byDid(String number) {
		return this.jdbc
			.sql("SELECT e.id, e.name, e.type, e.status, d.number AS did FROM did d "
					+ "JOIN extension e ON e.id = d.extension_id WHERE d.number = ?")
			.param(number)
			.query(ROW)
			.optional();
	}

}
