package dev.tonal.app.telephony;

import java.util.Optional;

import dev.tonal.app.extension.Extension;
import dev.tonal.app.extension.ExtensionRepository;

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

	private final JdbcClient jdbc;

	private final ExtensionRepository extensions;

	SipTargets(JdbcClient jdbc, ExtensionRepository extensions) {
		this.jdbc = jdbc;
		this.extensions = extensions;
	}

	/** The extension named {@code prefix*name} (names are unique: prefixes are). */
	Optional<Target> byName(String fullName) {
		return this.extensions.byName(fullName).map((extension) -> target(extension, null));
	}

	/** The extension a DID number is routed to. */
	Optional<Target> byDid(String number) {
		// The did table has no lookup by number in its repository yet (app/did is being
		// rewritten), so the routing is read here; the extension comes from its owner.
		return this.jdbc.sql("SELECT extension_id FROM did WHERE number = ?")
			.param(number)
			.query(Long.class)
			.optional()
			.flatMap(this.extensions::byId)
			.map((extension) -> target(extension, number));
	}

	private static Target target(Extension extension, String did) {
		return new Target(extension.id(), extension.name(), extension.type().wire(), extension.status().wire(), did);
	}

}
