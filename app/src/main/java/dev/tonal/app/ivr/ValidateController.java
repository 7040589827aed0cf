package dev.tonal.app.ivr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.auth.Caller;
import dev.tonal.engine.validation.Finding;
import dev.tonal.engine.validation.IvrValidator;
import dev.tonal.model.IvrSnapshot;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /extension/{eid}/ivr/validate} (semantics.md rule 34): the engine's static
 * analysis of the IVR's current configuration, as {@code [{"severity": "error|warning",
 * "path", "message"}]}.
 */
@RestController
@RequestMapping("/api/ver1.0/extension/{eid}/ivr")
class ValidateController {

	private final IvrScope scope;

	private final IvrSnapshots snapshots;

	private final IvrReferences references;

	ValidateController(IvrScope scope, IvrSnapshots snapshots, IvrReferences references) {
		this.scope = scope;
		this.snapshots = snapshots;
		this.references = references;
	}

	@GetMapping("/validate")
	List<Map<String, Object>> validate(Caller caller, @PathVariable long eid) {
		IvrExtension ivr = this.scope.ivr(caller, eid);
		IvrSnapshot snapshot = this.snapshots.get(ivr.id())
			.orElseThrow(() -> ApiException.notFound("extension " + eid));
		return IvrValidator.validate(snapshot, this.references.speechRecogniserConfigured())
			.stream()
			.map(ValidateController::json)
			.toList();
	}

	private static Map<String, Object> json(Finding finding) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("severity", finding.severity().wire());
		json.put("path", finding.path());
		json.put("message", finding.message());
		return json;
	}

}
