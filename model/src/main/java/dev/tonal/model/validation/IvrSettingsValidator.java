package dev.tonal.model.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tonal.model.IvrSettings;
import dev.tonal.model.LifetimeAction;

/**
 * Checks an IVR's settings (api.md §6): non-negative times, a destination when the
 * lifetime action transfers, and references to this IVR's context and the client's sound.
 */
public final class IvrSettingsValidator {

	private IvrSettingsValidator() {
	}

	/**
	 * Reads {@code json} over {@code base} and validates the result; one error per field.
	 */
	public static Validated<IvrSettings> read(Map<String, ?> json, IvrSettings base, References references) {
		Validated<IvrSettings> read = IvrSettingsJson.read(json, base);
		List<FieldError> errors = new ArrayList<>(read.errors());
		for (FieldError error : validate(read.value(), references)) {
			if (errors.stream().noneMatch((e) -> e.field().equals(error.field()))) {
				errors.add(error);
			}
		}
		return new Validated<>(read.value(), errors);
	}

	public static List<FieldError> validate(IvrSettings settings, References references) {
		List<FieldError> errors = new ArrayList<>();
		if (settings.entryContext() != null && !references.contextExists(settings.entryContext())) {
			errors.add(new FieldError(IvrSettingsJson.ENTRY_CONTEXT,
					"context " + settings.entryContext() + " is not a context of this IVR"));
		}
		if (settings.lifetime() < 0) {
			errors
				.add(new FieldError(IvrSettingsJson.LIFETIME, "must be 0 (no limit) or a positive number of seconds"));
		}
		if (settings.lifetimeExpAction() == LifetimeAction.TRANSFER
				&& (settings.lifetimeExpTransferDst() == null || settings.lifetimeExpTransferDst().isBlank())) {
			errors.add(new FieldError(IvrSettingsJson.LIFETIME_EXP_TRANSFER_DST,
					"is required when lifetime_exp_action is transfer: the number or extension to transfer to"));
		}
		if (settings.lifetimeExpTransferDst() != null && settings.lifetimeExpTransferDst().length() > 255) {
			errors.add(new FieldError(IvrSettingsJson.LIFETIME_EXP_TRANSFER_DST, "must be at most 255 characters"));
		}
		if (settings.sleepTime() < 0) {
			errors.add(new FieldError(IvrSettingsJson.SLEEP_TIME, "must be 0 or a positive number of milliseconds"));
		}
		if (settings.vmGreeting() != null && !references.soundExists(settings.vmGreeting())) {
			errors.add(new FieldError(IvrSettingsJson.VM_GREETING,
					"sound " + settings.vmGreeting() + " is not one of your sounds"));
		}
		if (settings.vmMailto() != null
				&& (settings.vmMailto().length() > 255 || !settings.vmMailto().matches("[^@\\s]+@[^@\\s]+"))) {
			errors.add(new FieldError(IvrSettingsJson.VM_MAILTO, "must be an e-mail address"));
		}
		return errors;
	}

}
