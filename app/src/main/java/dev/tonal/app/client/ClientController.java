package dev.tonal.app.client;

import java.util.List;
import java.util.Map;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.api.InputErrors;
import dev.tonal.app.api.Timezones;
import dev.tonal.app.auth.Caller;
import dev.tonal.app.events.ClientConfigChanged;
import dev.tonal.app.events.ClientDeleting;
import dev.tonal.model.validation.JsonInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clients (tenants), admin only (api.md §1): {@code /client/}. The prefix cannot change
 * after creation, because extension names are stored with it.
 */
@RestController
@RequestMapping("/api/ver1.0/client")
class ClientController {

	/** The body of POST and (partial) PUT; absent fields are null. */
	private record ClientInput(String name, String prefix, Integer extensionLength, String timezone) {

		static ClientInput read(Map<String, Object> body, InputErrors errors) {
			JsonInput in = errors.read(body);
			return new ClientInput(in.string("name", null), in.string("prefix", null),
					in.integer("extension_length", null), in.string("timezone", null));
		}

	}

	private static final int MAX_EXTENSION_LENGTH = 9;

	private final ClientRepository clients;

	private final ApplicationEventPublisher events;

	ClientController(ClientRepository clients, ApplicationEventPublisher events) {
		this.clients = clients;
		this.events = events;
	}

	@PostMapping
	@Transactional
	ResponseEntity<Client> create(Caller caller, @RequestBody Map<String, Object> body) {
		caller.requireAdmin();
		InputErrors errors = new InputErrors();
		ClientInput input = ClientInput.read(body, errors);
		if (input.name() == null || input.name().isBlank()) {
			errors.add("name", "required: a display name for the client");
		}
		if (input.prefix() == null || !input.prefix().matches("[0-9]{1,16}")) {
			errors.add("prefix", "required: 1 to 16 digits, unique among clients (e.g. \"000\")");
		}
		int extensionLength = (input.extensionLength() != null) ? input.extensionLength() : 3;
		checkExtensionLength(extensionLength, errors);
		String timezone = (input.timezone() != null) ? input.timezone() : Timezones.DEFAULT;
		checkTimezone(timezone, errors);
		errors.throwIfAny();
		long id;
		try {
			id = this.clients.insert(input.name(), input.prefix(), extensionLength, timezone);
		}
		catch (DuplicateKeyException ex) {
			throw ApiException.conflict("prefix " + input.prefix() + " is taken by another client: choose another");
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(this.clients.get(id));
	}

	@GetMapping
	List<Client> list(Caller caller) {
		caller.requireAdmin();
		return this.clients.list();
	}

	@GetMapping("/{cid}")
	Client get(Caller caller, @PathVariable String cid) {
		caller.requireAdmin();
		return this.clients.get(caller.client(cid));
	}

	@PutMapping("/{cid}")
	@Transactional
	Client update(Caller caller, @PathVariable String cid, @RequestBody Map<String, Object> body) {
		caller.requireAdmin();
		Client current = this.clients.get(caller.client(cid));
		InputErrors errors = new InputErrors();
		ClientInput input = ClientInput.read(body, errors);
		if (input.name() != null && input.name().isBlank()) {
			errors.add("name", "must not be blank");
		}
		if (input.prefix() != null && !input.prefix().equals(current.prefix())) {
			errors.add("prefix", "cannot be changed: extension names are stored with it; create a new client");
		}
		if (input.extensionLength() != null) {
			checkExtensionLength(input.extensionLength(), errors);
		}
		if (input.timezone() != null) {
			checkTimezone(input.timezone(), errors);
		}
		errors.throwIfAny();
		Client updated = new Client(current.id(), (input.name() != null) ? input.name() : current.name(),
				current.prefix(),
				(input.extensionLength() != null) ? input.extensionLength() : current.extensionLength(),
				(input.timezone() != null) ? input.timezone() : current.timezone());
		this.clients.update(updated);
		this.events.publishEvent(new ClientConfigChanged(current.id()));
		return updated;
	}

	@DeleteMapping("/{cid}")
	@Transactional
	ResponseEntity<Void> delete(Caller caller, @PathVariable String cid) {
		caller.requireAdmin();
		Client client = this.clients.get(caller.client(cid));
		this.events.publishEvent(new ClientDeleting(client.id()));
		this.clients.delete(client.id());
		this.events.publishEvent(new ClientConfigChanged(client.id()));
		return ResponseEntity.noContent().build();
	}

	private static void checkExtensionLength(int length, InputErrors errors) {
		if (length < 1 || length > MAX_EXTENSION_LENGTH) {
			errors.add("extension_length", "must be between 1 and " + MAX_EXTENSION_LENGTH);
		}
	}

	private static void checkTimezone(String timezone, InputErrors errors) {
		if (!Timezones.isKnown(timezone)) {
			errors.add("timezone", Timezones.unknownMessage(timezone));
		}
	}

}
