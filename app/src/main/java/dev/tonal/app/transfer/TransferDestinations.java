package dev.tonal.app.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.tonal.app.registration.JdbcRegistrations;
import dev.tonal.engine.TransferFailure;
import dev.tonal.sip.b2bua.DestinationResolver;
import dev.tonal.sip.b2bua.LegRequest;
import dev.tonal.sip.registrar.Binding;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where transfer destinations lead (semantics rule 16): a bare extension name of the
 * call's client or a full {@code prefix*name} is that extension — a phone rings every
 * registered device, an IVR runs on the same call; anything else that looks like a phone
 * number goes out through the trunk; the rest has no route.
 */
@Component
public class TransferDestinations {

	private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{1,32}");

	private final JdbcClient jdbc;

	private final JdbcRegistrations registrations;

	private final TrunkProperties trunk;

	TransferDestinations(JdbcClient jdbc, JdbcRegistrations registrations, TrunkProperties trunk) {
		this.jdbc = jdbc;
		this.registrations = registrations;
		this.trunk = trunk;
	}

	/**
	 * The registered devices of a phone extension, to ring when it is dialled straight
	 * (rule 1) or is a transfer destination.
	 */
	public List<String> contacts(long extensionId) {
		return this.registrations.current(extensionId, Instant.now()).stream().map(Binding::contact).toList();
	}

	/**
	 * The resolver for calls of one IVR.
	 * @param ivrExtension the full name ({@code prefix*name}) of the IVR taking the call:
	 * its prefix is the client's
	 */
	public DestinationResolver forIvr(String ivrExtension) {
		String prefix = ivrExtension.substring(0, ivrExtension.indexOf('*') + 1);
		return (destination) -> resolve(prefix, destination.strip());
	}

	private DestinationResolver.Resolution resolve(String prefix, String destination) {
		Optional<Extension> extension = extension(destination.contains("*") ? destination : prefix + destination);
		if (extension.isPresent()) {
			Extension target = extension.get();
			if (target.blocked()) {
				return new DestinationResolver.Fails(TransferFailure.REJECTED);
			}
			if (target.type().equals("ivr")) {
				return new DestinationResolver.Ivr(target.name());
			}
			List<String> contacts = contacts(target.id());
			return contacts.isEmpty() ? new DestinationResolver.Fails(TransferFailure.UNREGISTERED)
					: new DestinationResolver.Ring(contacts, null);
		}
		if (destination.contains("*") || !NUMBER.matcher(destination).matches() || !this.trunk.configured()) {
			return new DestinationResolver.Fails(TransferFailure.NO_ROUTE);
		}
		LegRequest.TrunkCredentials credentials = this.trunk.hasCredentials()
				? new LegRequest.TrunkCredentials(this.trunk.username(), this.trunk.password()) : null;
		return new DestinationResolver.Ring(List.of(this.trunk.uriFor(destination)), credentials);
	}

	private record Extension(long id, String name, String type, String status) {

		boolean blocked() {
			return "blocked".equals(this.status);
		}

	}

	private Optional<Extension> extension(String fullName) {
		return this.jdbc.sql("SELECT id, name, type, status FROM extension WHERE name = ?")
			.param(fullName)
			.query((rs, n) -> new Extension(rs.getLong("id"), rs.getString("name"), rs.getString("type"),
					rs.getString("status")))
			.optional();
	}

}
