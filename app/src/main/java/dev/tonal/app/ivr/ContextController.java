package dev.tonal.app.ivr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.auth.Caller;
import dev.tonal.app.client.ClientRepository;
import dev.tonal.model.Context;
import dev.tonal.model.validation.ContextJson;
import dev.tonal.model.validation.ContextValidator;
import dev.tonal.model.validation.Validated;

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
 * Contexts of an IVR (api.md §7): {@code /extension/{eid}/ivr/context/}. A new context
 * gets the built-in options start, timeout and invalid; PUT is partial; a context still
 * entered or jumped to cannot be deleted (409 naming the references).
 */
@RestController
@RequestMapping("/api/ver1.0/extension/{eid}/ivr/context")
class ContextController {

	private final IvrScope scope;

	private final IvrRepository ivrs;

	private final ClientRepository clients;

	ContextController(IvrScope scope, IvrRepository ivrs, ClientRepository clients) {
		this.scope = scope;
		this.ivrs = ivrs;
		this.clients = clients;
	}

	@PostMapping
	@Transactional
	ResponseEntity<Map<String, Object>> create(Caller caller, @PathVariable long eid,
			@RequestBody Map<String, Object> body) {
		IvrExtension ivr = this.scope.ivr(caller, eid);
		Validated<Context> input = ContextValidator.read(body,
				ContextValidator.defaults(this.clients.get(ivr.clientId()).extensionLength()));
		if (!input.isValid()) {
			throw ApiException.invalid(input.errors());
		}
		long id = this.ivrs.insertContext(ivr.id(), input.value());
		return ResponseEntity.status(HttpStatus.CREATED).body(ContextJson.write(this.scope.context(ivr, id)));
	}

	@GetMapping
	@Transactional
	List<Map<String, Object>> list(Caller caller, @PathVariable long eid) {
		IvrExtension ivr = this.scope.ivr(caller, eid);
		return this.ivrs.contexts(ivr.id()).stream().map(ContextJson::write).toList();
	}

	@GetMapping("/{contextId}")
	@Transactional
	Map<String, Object> get(Caller caller, @PathVariable long eid, @PathVariable long contextId) {
		IvrExtension ivr = this.scope.ivr(caller, eid);
		return ContextJson.write(this.scope.context(ivr, contextId));
	}

	@PutMapping("/{contextId}")
	@Transactional
	Map<String, Object> update(Caller caller, @PathVariable long eid, @PathVariable long contextId,
			@RequestBody Map<String, Object> body) {
		IvrExtension ivr = this.scope.ivr(caller, eid);
		Validated<Context> input = ContextValidator.read(body, this.scope.context(ivr, contextId));
		if (!input.isValid()) {
			throw ApiException.invalid(input.errors());
		}
		this.ivrs.updateContext(ivr.id(), input.value());
		return ContextJson.write(this.scope.context(ivr, contextId));
	}

	@DeleteMapping("/{contextId}")
	@Transactional
	ResponseEntity<Void> delete(Caller caller, @PathVariable long eid, @PathVariable long contextId) {
		IvrExtension ivr = this.scope.ivr(caller, eid);
		Context context = this.scope.context(ivr, contextId);
		List<String> references = new ArrayList<>(this.ivrs.entriesOf(context.id()));
		references.addAll(this.ivrs.jumpsInto(context.id()));
		if (!references.isEmpty()) {
			throw ApiException.conflict("context " + context.id() + " is still used by: "
					+ String.join("; ", references) + ". Change those first, then delete the context.");
		}
		this.ivrs.deleteContext(ivr.id(), context.id());
		return ResponseEntity.noContent().build();
	}

}
