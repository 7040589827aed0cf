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
 * partial. The number is {@code name} as in the original API; {@code number}, Tonal's
 * earlier name for it, is still accepted on input.
 */
@RestController
@RequestMapping("/api/ver1.0/client/{cid}/did")
class DidController {

	/** E.164-ish: an optional "+" and 3 to 20 digits. */
	private static final String NUMBER = "\\+?[0-9]{3,20}";

	/** The number's field, as the original API names it. */
	private static final String NAME = "name";

	/** Accepted instead of {@link #NAME} on input. */
	private static final String NUMBER_SYNONYM = "number";

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
		String number = checkNumber(number(fields), errors);
		String domain = checkDomain(fields.text("domain"), errors);
		Long extensionId = checkExtension(client, fields.integer("extension_id"), errors);
		errors.throwIfAny();
		long id = save(() -> this.dids.insert(client.id(), number, domain, extensionId), number);
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
		String number = (fields.has(NAME) || fields.has(NUMBER_SYNONYM)) ? checkNumber(number(fields), errors)
				: current.number();
		String domain = fields.has("domain") ? checkDomain(fields.text("domain"), errors) : current.domain();
		Long extensionId = fields.has("extension_id") ? checkExtension(client, fields.integer("extension_id"), errors)
				: Long.valueOf(current.extensionId());
		errors.throwIfAny();
		save(() -> {
			this.dids.update(id, number, domain, extensionId);
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

	/** The number from {@code name}, or from its synonym {@code number}. */
	private static String number(JsonFields fields) {
		return fields.has(NAME) ? fields.text(NAME) : fields.text(NUMBER_SYNONYM);
	}

	private static String checkNumber(String number, InputErrors errors) {
		if (number == null || !number.matches(NUMBER)) {
			errors.add(NAME, "required: the public number, 3 to 20 digits with an optional leading + "
					+ "(as name, or as number)");
		}
		return number;
	}

	/** A domain is optional (empty: the DID is matched on any domain). */
	private static String checkDomain(String domain, InputErrors errors) {
		if (domain == null) {
			return "";
		}
		if (domain.length() > 255 || !domain.matches("[A-Za-z0-9.-]*")) {
			errors.add("domain", "must be a SIP domain name (letters, digits, dots and hyphens, at most 255)");
		}
		return domain;
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
