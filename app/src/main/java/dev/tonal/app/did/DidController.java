package dev.tonal.app.did;

import java.util.List;
import java.util.function.LongSupplier;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.api.InputErrors;
import dev.tonal.app.api.JsonFields;
import dev.tonal.app.auth.Caller;
import dev.tonal.app.client.Client;
import dev.tonal.app.client.ClientRepository;
import dev.tonal.app.events.ClientConfigChanged;
import dev.tonal.app.extension.ExtensionRepository;
import tools.jackson.databind.JsonNode;

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
 * DIDs of a client (api.md §5): {@code /client/{cid}/did/}. A number is unique
 * platform-wide (409 otherwise) and routes to one of the client's extensions. PUT is
 * partial.
 */
@RestController
@RequestMapping("/api/ver1.0/client/{cid}/did")
class DidController {

	/** E.164-ish: an optional "+" and 3 to 20 digits. */
	private static final String NUMBER = "\\+?[0-9]{3,20}";

	private final DidRepository dids;

	private final ClientRepository clients;

	private final ExtensionRepository extensions;

	private final ApplicationEventPublisher events;

	DidController(DidRepository dids, ClientRepository clients, ExtensionRepository extensions,
			ApplicationEventPublisher events) {
		this.dids = dids;
		this.clients = clients;
		this.extensions = extensions;
		this.events = events;
	}

	@PostMapping
	@Transactional
	ResponseEntity<DidRepository.Did> create(Caller caller, @PathVariable String cid, @RequestBody JsonNode body) {
		Client client = client(caller, cid);
		InputErrors errors = new InputErrors();
		JsonFields fields = JsonFields.of(body, errors);
		String number = checkNumber(fields.text("number"), errors);
		Long extensionId = checkExtension(client, fields.integer("extension_id"), errors);
		errors.throwIfAny();
		long id = save(() -> this.dids.insert(client.id(), number, extensionId), number);
		this.events.publishEvent(new ClientConfigChanged(client.id()));
		return ResponseEntity.status(HttpStatus.CREATED).body(did(client, id));
	}

	@GetMapping
	List<DidRepository.Did> list(Caller caller, @PathVariable String cid) {
		return this.dids.list(client(caller, cid).id());
	}

	@GetMapping("/{id}")
	DidRepository.Did get(Caller caller, @PathVariable String cid, @PathVariable long id) {
		return did(client(caller, cid), id);
	}

	@PutMapping("/{id}")
	@Transactional
	DidRepository.Did update(Caller caller, @PathVariable String cid, @PathVariable long id,
			@RequestBody JsonNode body) {
		Client client = client(caller, cid);
		DidRepository.Did current = did(client, id);
		InputErrors errors = new InputErrors();
		JsonFields fields = JsonFields.of(body, errors);
		String number = fields.has("number") ? checkNumber(fields.text("number"), errors) : current.number();
		Long extensionId = fields.has("extension_id") ? checkExtension(client, fields.integer("extension_id"), errors)
				: Long.valueOf(current.extensionId());
		errors.throwIfAny();
		save(() -> {
			this.dids.update(id, number, extensionId);
			return id;
		}, number);
		this.events.publishEvent(new ClientConfigChanged(client.id()));
		return did(client, id);
	}

	@DeleteMapping("/{id}")
	@Transactional
	ResponseEntity<Void> delete(Caller caller, @PathVariable String cid, @PathVariable long id) {
		Client client = client(caller, cid);
		this.dids.delete(did(client, id).id());
		this.events.publishEvent(new ClientConfigChanged(client.id()));
		return ResponseEntity.noContent().build();
	}

	/** Runs a write, turning a taken number (unique constraint) into a 409 naming it. */
	private static long save(LongSupplier write, String number) {
		try {
			return write.getAsLong();
		}
		catch (DuplicateKeyException ex) {
			throw ApiException.conflict("DID " + number + " is already routed on this platform: "
					+ "delete it there first, or choose another number");
		}
	}

	private Client client(Caller caller, String cid) {
		return this.clients.get(caller.client(cid));
	}

	private DidRepository.Did did(Client client, long id) {
		return this.dids.find(client.id(), id).orElseThrow(() -> ApiException.notFound("DID " + id));
	}

	private static String checkNumber(String number, InputErrors errors) {
		if (number == null || !number.matches(NUMBER)) {
			errors.add("number", "required: the public number, 3 to 20 digits with an optional leading +");
		}
		return number;
	}

	private Long checkExtension(Client client, Long extensionId, InputErrors errors) {
		if (extensionId == null) {
			errors.add("extension_id", "required: the id of one of this client's extensions");
		}
		else if (this.extensions.find(client.id(), extensionId).isEmpty()) {
			errors.add("extension_id", "this client has no extension " + extensionId);
		}
		return extensionId;
	}

}
