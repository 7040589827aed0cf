package dev.tonal.app.ivr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.auth.Caller;
import dev.tonal.model.Context;
import dev.tonal.model.Rule;
import dev.tonal.model.validation.RuleJson;
import dev.tonal.model.validation.RuleValidator;
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
 * Rules of an option (api.md §7): {@code …/options/{digits}/rules/}. Every answer carries
 * every rule field (null where unset). A new rule goes to the end of the option's order;
 * PUT replaces a rule and is validated like POST; {@code rules/order/} reads and sets the
 * execution order.
 */
@RestController
@RequestMapping("/api/ver1.0/extension/{eid}/ivr/context/{contextId}/options/{digits}/rules")
class RuleController {

	private static final String ORDER = "order";

	private final IvrScope scope;

	private final IvrRepository ivrs;

	private final IvrReferences references;

	RuleController(IvrScope scope, IvrRepository ivrs, IvrReferences references) {
		this.scope = scope;
		this.ivrs = ivrs;
		this.references = references;
	}

	/** The option a request names, with the IVR and context it is in. */
	private record Target(IvrExtension ivr, Context context, IvrRepository.Option option) {
	}

	@PostMapping
	@Transactional
	ResponseEntity<Map<String, Object>> create(Caller caller, @PathVariable long eid, @PathVariable long contextId,
			@PathVariable String digits, @RequestBody Map<String, Object> body) {
		Target target = target(caller, eid, contextId, digits);
		Rule rule = validated(target, body);
		long id = this.ivrs.insertRule(target.ivr().id(), target.option().id(), rule);
		return ResponseEntity.status(HttpStatus.CREATED).body(RuleJson.write(stored(target, id)));
	}

	@GetMapping
	@Transactional
	List<Map<String, Object>> list(Caller caller, @PathVariable long eid, @PathVariable long contextId,
			@PathVariable String digits) {
		Target target = target(caller, eid, contextId, digits);
		return this.ivrs.rules(target.option().id()).stream().map(RuleJson::write).toList();
	}

	@GetMapping("/order")
	@Transactional
	Map<String, Object> order(Caller caller, @PathVariable long eid, @PathVariable long contextId,
			@PathVariable String digits) {
		Target target = target(caller, eid, contextId, digits);
		return Map.of(ORDER, ruleIds(target));
	}

	@PutMapping("/order")
	@Transactional
	Map<String, Object> reorder(Caller caller, @PathVariable long eid, @PathVariable long contextId,
			@PathVariable String digits, @RequestBody Map<String, Object> body) {
		Target target = target(caller, eid, contextId, digits);
		List<Long> current = ruleIds(target);
		List<Long> wanted = permutation(body.get(ORDER), current);
		this.ivrs.reorder(target.ivr().id(), target.option().id(), wanted);
		return Map.of(ORDER, ruleIds(target));
	}

	@GetMapping("/{ruleId}")
	@Transactional
	Map<String, Object> get(Caller caller, @PathVariable long eid, @PathVariable long contextId,
			@PathVariable String digits, @PathVariable long ruleId) {
		Target target = target(caller, eid, contextId, digits);
		return RuleJson.write(stored(target, ruleId));
	}

	@PutMapping("/{ruleId}")
	@Transactional
	Map<String, Object> replace(Caller caller, @PathVariable long eid, @PathVariable long contextId,
			@PathVariable String digits, @PathVariable long ruleId, @RequestBody Map<String, Object> body) {
		Target target = target(caller, eid, contextId, digits);
		stored(target, ruleId);
		Rule rule = validated(target, body);
		this.ivrs.updateRule(target.ivr().id(), ruleId, rule);
		return RuleJson.write(stored(target, ruleId));
	}

	@DeleteMapping("/{ruleId}")
	@Transactional
	ResponseEntity<Void> delete(Caller caller, @PathVariable long eid, @PathVariable long contextId,
			@PathVariable String digits, @PathVariable long ruleId) {
		Target target = target(caller, eid, contextId, digits);
		stored(target, ruleId);
		this.ivrs.deleteRule(target.ivr().id(), ruleId);
		return ResponseEntity.noContent().build();
	}

	private Target target(Caller caller, long eid, long contextId, String digits) {
		IvrExtension ivr = this.scope.ivr(caller, eid);
		Context context = this.scope.context(ivr, contextId);
		return new Target(ivr, context, this.scope.option(context, digits));
	}

	private Rule validated(Target target, Map<String, Object> body) {
		Validated<Rule> input = RuleValidator.read(body, target.context().id(), this.references.of(target.ivr()));
		if (!input.isValid()) {
			throw ApiException.invalid(input.errors());
		}
		return input.value();
	}

	private Rule stored(Target target, long ruleId) {
		return this.ivrs.rule(target.option().id(), ruleId)
			.orElseThrow(() -> ApiException.notFound("rule " + ruleId + " of option " + target.option().digits()
					+ " of context " + target.context().id()));
	}

	private List<Long> ruleIds(Target target) {
		return this.ivrs.rules(target.option().id()).stream().map(Rule::id).toList();
	}

	/** {@code value} as rule ids, if it is a permutation of {@code current}; else 400. */
	private static List<Long> permutation(Object value, List<Long> current) {
		String expected = "must list each rule id of the option exactly once, in the wanted order: " + current;
		if (!(value instanceof List<?> items)) {
			throw ApiException.invalid(ORDER, "is required: " + expected);
		}
		List<Long> ids = new ArrayList<>();
		for (Object item : items) {
			if (!(item instanceof Integer || item instanceof Long)) {
				throw ApiException.invalid(ORDER, expected);
			}
			ids.add(((Number) item).longValue());
		}
		Set<Long> unique = new HashSet<>(ids);
		if (ids.size() != current.size() || unique.size() != ids.size() || !unique.containsAll(current)) {
			throw ApiException.invalid(ORDER, expected);
		}
		return ids;
	}

}
