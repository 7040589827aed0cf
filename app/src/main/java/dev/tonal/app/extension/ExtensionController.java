package dev.tonal.app.extension;

import java.util.List;
import java.util.Map;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.api.InputErrors;
import dev.tonal.app.auth.Caller;
import dev.tonal.app.client.Client;
import dev.tonal.app.client.ClientRepository;
import dev.tonal.model.WireEnum;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Extensions of a client (api.md §2): {@code /client/{cid}/extension/}. */
@RestController
@RequestMapping("/api/ver1.0/client/{cid}/extension")
class ExtensionController {

	private static final int MAX_PER_PAGE = 1000;

	private final ExtensionService service;

	private final ExtensionRepository extensions;

	private final ClientRepository clients;

	ExtensionController(ExtensionService service, ExtensionRepository extensions, ClientRepository clients) {
		this.service = service;
		this.extensions = extensions;
		this.clients = clients;
	}

	@PostMapping
	ResponseEntity<ExtensionView> create(Caller caller, @PathVariable String cid,
			@RequestBody Map<String, Object> body) {
		ExtensionService.Created created = this.service.create(client(caller, cid), body);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(ExtensionView.of(created.extension(), created.generatedPassword()));
	}

	@GetMapping
	List<ExtensionView> list(Caller caller, @PathVariable String cid, @RequestParam(defaultValue = "1") int page,
			@RequestParam(name = "per_page", defaultValue = "100") int perPage,
			@RequestParam(required = false) String type) {
		InputErrors errors = new InputErrors();
		if (page < 1) {
			errors.add("page", "must be 1 or more");
		}
		if (perPage < 1 || perPage > MAX_PER_PAGE) {
			errors.add("per_page", "must be between 1 and " + MAX_PER_PAGE);
		}
		ExtensionType filter = (type != null) ? WireEnum.parse(ExtensionType.class, type).orElse(null) : null;
		if (type != null && filter == null) {
			errors.add("type", "must be one of: " + WireEnum.choices(ExtensionType.class));
		}
		errors.throwIfAny();
		long clientId = client(caller, cid).id();
		return this.extensions.list(clientId, filter, perPage, (long) (page - 1) * perPage)
			.stream()
			.map((extension) -> ExtensionView.of(extension, null))
			.toList();
	}

	@GetMapping("/{eid}")
	ExtensionView get(Caller caller, @PathVariable String cid, @PathVariable long eid) {
		return ExtensionView.of(extension(client(caller, cid), eid), null);
	}

	@PutMapping("/{eid}")
	ExtensionView update(Caller caller, @PathVariable String cid, @PathVariable long eid,
			@RequestBody Map<String, Object> body) {
		Client client = client(caller, cid);
		return ExtensionView.of(this.service.update(client, extension(client, eid), body), null);
	}

	@DeleteMapping("/{eid}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String cid, @PathVariable long eid) {
		this.service.delete(extension(client(caller, cid), eid));
		return ResponseEntity.noContent().build();
	}

	private Client client(Caller caller, String cid) {
		return this.clients.get(caller.client(cid));
	}

	private Extension extension(Client client, long eid) {
		return this.extensions.find(client.id(), eid).orElseThrow(() -> ApiException.notFound("extension " + eid));
	}

}
