package dev.tonal.app.ivr;

import dev.tonal.app.events.ExtensionCreated;
import dev.tonal.model.IvrSettings;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every new {@code ivr} extension its IVR settings with defaults (api.md §2), in
 * the transaction that creates the extension: the listener runs synchronously where the
 * event is published.
 */
@Component
class IvrCreation {

	private final IvrRepository ivrs;

	IvrCreation(IvrRepository ivrs) {
		this.ivrs = ivrs;
	}

	@EventListener
	void extensionCreated(ExtensionCreated event) {
		if ("ivr".equals(event.type()) && this.ivrs.settings(event.extensionId()).isEmpty()) {
			this.ivrs.insertSettings(event.extensionId(), IvrSettings.defaults());
		}
	}

}
