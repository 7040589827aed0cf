package dev.tonal.app.ivr;

import java.util.List;
import java.util.Map;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.auth.Caller;
import dev.tonal.model.BuiltInOption;
import dev.tonal.model.Context;
import dev.tonal.model.validation.FieldError;
import dev.tonal.model.validation.OptionDigits;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Options of a context (api.md §7): {@code …/context/{id}/options/}. The list shows the
 * built-in options first, then custom ones in creation order. Built-ins cannot be
 * deleted.
 */
@RestController
@RequestMapping("/api/ver1.0/extension/{eid}/ivr/context/{contextId}/options")
class OptionController {

	private final IvrScope scope;

	private final IvrRepository ivrs;

	OptionController(IvrScope scope, IvrRepository ivrs) {
		this.scope = scope;
		this.ivrs = ivrs;
	}

	@PostMapping
	@Transactional
	ResponseEntity<Map<String, Object>> create(Caller caller, @PathVariable long eid, @PathVariable long contextId,
			@RequestBody Map<String, Object> body) {
		IvrExtension ivr = this.scope.ivr(caller, eid);
		Context context = this.scope.context(ivr, contextId);
		String digits = digits(body.get(OptionDigits.FIELD));
		List<FieldError> errors = OptionDigits.validate(digits, context.digitLen());
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		if (this.ivrs.option(context.id(), digits).isPresent()) {
			throw ApiException.conflict("option " + digits + " already exists in context " + context.id());
		}
		this.ivrs.insertOption(ivr.id(), context.id(), digits);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of(OptionDigits.FIELD, digits));
	}

	@GetMapping
	@Transactional
	List<Map<String, Object>> list(Caller caller, @PathVariable long eid, @PathVariable long contextId) {
		IvrExtension ivr = this.scope.ivr(caller, eid);
		Context context = this.scope.context(ivr, contextId);
		return this.ivrs.options(context.id())
			.stream()
			.map((option) -> Map.<String, Object>of(OptionDigits.FIELD, option.digits()))
			.toList();
	}

	@DeleteMapping("/{digits}")
	@Transactional
	ResponseEntity<Void> delete(Caller caller, @PathVariable long eid, @PathVariable long contextId,
			@PathVariable String digits) {
		IvrExtension ivr = this.scope.ivr(caller, eid);
		Context context = this.scope.context(ivr, contextId);
		if (BuiltInOption.isBuiltIn(digits)) {
			throw ApiException.badRequest("option " + digits
					+ " is built in and cannot be deleted; to change what it does, change its rules");
		}
		IvrRepository.Option option = this.scope.option(context, digits);
		List<String> references = this.ivrs.referencesTo(option);
		if (!references.isEmpty()) {
			throw ApiException.conflict("option " + digits + " of context " + context.id() + " is still used by: "
					+ String.join("; ", references) + ". Change those first, then delete the option.");
		}
		this.ivrs.deleteOption(ivr.id(), option.id());
		return ResponseEntity.noContent().build();
	}

	/** Digits as sent: a string, or a number such as 1 for "1" (kept as typed). */
	private static String digits(Object value) {
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof Integer || value instanceof Long) {
			return value.toString();
		}
		if (value == null) {
			return null;
		}
		throw ApiException.invalid(OptionDigits.FIELD, "must be a string of keys, e.g. \"1\"");
	}

}
