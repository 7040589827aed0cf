package dev.tonal.app.ivr;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.auth.Caller;
import dev.tonal.model.Context;

import org.springframework.stereotype.Component;

/**
 * Resolves the path of an IVR resource ({@code /extension/{eid}/ivr/context/{id}/options/
 * {digits}}) step by step, answering 404 for the first part that is not there or not the
 * caller's.
 */
@Component
class IvrScope {

	private final IvrExtensions extensions;

	private final IvrRepository ivrs;

	IvrScope(IvrExtensions extensions, IvrRepository ivrs) {
		this.extensions = extensions;
		this.ivrs = ivrs;
	}

	IvrExtension ivr(Caller caller, long eid) {
		return this.extensions.require(caller, eid);
	}

	Context context(IvrExtension ivr, long contextId) {
		return this.ivrs.context(ivr.id(), contextId)
			.orElseThrow(() -> ApiException.notFound("context " + contextId + " of extension " + ivr.id()));
	}

	IvrRepository.Option option(Context context, String digits) {
		return this.ivrs.option(context.id(), digits)
			.orElseThrow(() -> ApiException.notFound("option " + digits + " of context " + context.id()));
	}

}
