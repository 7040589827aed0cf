package dev.tonal.app.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.tonal.app.extension.Extension;
import dev.tonal.app.extension.ExtensionRepository;
import dev.tonal.app.extension.ExtensionStatus;
import dev.tonal.app.extension.ExtensionType;
import dev.tonal.app.registration.JdbcRegistrations;
import dev.tonal.engine.TransferFailure;
import dev.tonal.sip.b2bua.DestinationResolver;
import dev.tonal.sip.b2bua.LegRequest;
import dev.tonal.sip.registrar.Binding;

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

	private final ExtensionRepository extensions;

	private final JdbcRegistrations registrations;

	private final TrunkProperties trunk;

	TransferDestinations(ExtensionRepository extensions, JdbcRegistrations registrations, TrunkProperties trunk) {
		this.extensions = extensions;
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
		Optional<Extension> extension = this.extensions
			.byName(destination.contains("*") ? destination : prefix + destination);
		if (extension.isPresent()) {
			Extension target = extension.get();
			if (target.status() == ExtensionStatus.BLOCKED) {
				return new DestinationResolver.Fails(TransferFailure.REJECTED);
			}
			if (target.type() == ExtensionType.IVR) {
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

}
