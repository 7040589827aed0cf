package dev.tonal.app.extension;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An extension as the API shows it, in the seed's field order. {@code password} appears
 * only in the 201 response that generated it.
 */
record ExtensionView(String status, String name, String extraParams, String label, long clientId, Long extensionGroupId,
		String type, long id, @JsonInclude(JsonInclude.Include.NON_NULL) String password) {

	static ExtensionView of(Extension extension, String generatedPassword) {
		return new ExtensionView(extension.status().wire(), extension.name(), extension.extraParams(),
				extension.label(), extension.clientId(), extension.extensionGroupId(), extension.type().wire(),
				extension.id(), generatedPassword);
	}

}
