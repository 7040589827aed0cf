package dev.tonal.app.ivr;

import java.util.Map;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.auth.Caller;
import dev.tonal.model.IvrSettings;
import dev.tonal.model.validation.IvrSettingsJson;
import dev.tonal.model.validation.IvrSettingsValidator;
import dev.tonal.model.validation.Validated;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An IVR's settings (api.md §6): {@code GET/PUT /extension/{eid}/ivr/}. There is no POST
 * or DELETE: the IVR lives as long as its extension. PUT is partial and answers the full
 * object.
 */
@RestController
@RequestMapping("/api/ver1.0/extension/{eid}/ivr")
class IvrSettingsController {

	private final IvrScope scope;

	private final IvrRepository ivrs;

	private final IvrReferences references;

	IvrSettingsController(IvrScope scope, IvrRepository ivrs, IvrReferences references) {
		this.scope = scope;
		this.ivrs = ivrs;
		this.references = references;
	}

	@GetMapping
	@Transactional
	Map<String, Object> get(Caller caller, @PathVariable long eid) {
		IvrExtension ivr = this.scope.ivr(caller, eid);
		return IvrSettingsJson.write(settings(ivr));
	}

	@PutMapping
	@Transactional
	Map<String, Object> update(Caller caller, @PathVariable long eid, @RequestBody Map<String, Object> body) {
		IvrExtension ivr = this.scope.ivr(caller, eid);
		Validated<IvrSettings> input = IvrSettingsValidator.read(body, settings(ivr), this.references.of(ivr));
		if (!input.isValid()) {
			throw ApiException.invalid(input.errors());
		}
		this.ivrs.updateSettings(ivr.id(), input.value());
		return IvrSettingsJson.write(settings(ivr));
	}

	private IvrSettings settings(IvrExtension ivr) {
		return this.ivrs.settings(ivr.id()).orElseThrow();
	}

}
