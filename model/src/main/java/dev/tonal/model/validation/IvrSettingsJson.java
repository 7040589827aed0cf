package dev.tonal.model.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tonal.model.IvrSettings;
import dev.tonal.model.LifetimeAction;

/**
 * The JSON shape of an IVR's settings (api.md §6): its field names, reading over the
 * stored settings (PUT is partial) and writing the full object.
 */
public final class IvrSettingsJson {

	public static final String ENTRY_CONTEXT = "entry_context";

	public static final String LIFETIME = "lifetime";

	public static final String LIFETIME_EXP_ACTION = "lifetime_exp_action";

	public static final String LIFETIME_EXP_TRANSFER_DST = "lifetime_exp_transfer_dst";

	public static final String SLEEP_TIME = "sleep_time";

	public static final String VM_ENABLED = "vm_enabled";

	public static final String VM_GREETING = "vm_greeting";

	public static final String VM_MAILTO = "vm_mailto";

	public static final String VM_ATTACH_FILE = "vm_attach_file";

	private IvrSettingsJson() {
	}

	/** Reads {@code json} over {@code base}; reports type errors only. */
	public static Validated<IvrSettings> read(Map<String, ?> json, IvrSettings base) {
		JsonInput in = new JsonInput(json, "", new ArrayList<>());
		LifetimeAction action = in.enumValue(LIFETIME_EXP_ACTION, LifetimeAction.class, base.lifetimeExpAction());
		if (action == null) {
			if (json.containsKey(LIFETIME_EXP_ACTION) && json.get(LIFETIME_EXP_ACTION) == null) {
				in.fail(LIFETIME_EXP_ACTION, "must not be null: hangup or transfer");
			}
			action = base.lifetimeExpAction();
		}
		String transferDst = in.string(LIFETIME_EXP_TRANSFER_DST, base.lifetimeExpTransferDst());
		String mailto = in.string(VM_MAILTO, base.vmMailto());
		IvrSettings settings = new IvrSettings(in.id(ENTRY_CONTEXT, base.entryContext()),
				in.requiredInt(LIFETIME, base.lifetime()), action, blankToNull(transferDst),
				in.requiredInt(SLEEP_TIME, base.sleepTime()), in.requiredBool(VM_ENABLED, base.vmEnabled()),
				in.id(VM_GREETING, base.vmGreeting()), blankToNull(mailto),
				in.requiredBool(VM_ATTACH_FILE, base.vmAttachFile()));
		return new Validated<>(settings, in.errors());
	}

	public static Map<String, Object> write(IvrSettings settings) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put(ENTRY_CONTEXT, settings.entryContext());
		json.put(LIFETIME, settings.lifetime());
		json.put(LIFETIME_EXP_ACTION, settings.lifetimeExpAction().wire());
		json.put(LIFETIME_EXP_TRANSFER_DST, settings.lifetimeExpTransferDst());
		json.put(SLEEP_TIME, settings.sleepTime());
		json.put(VM_ENABLED, settings.vmEnabled());
		json.put(VM_GREETING, settings.vmGreeting());
		json.put(VM_MAILTO, settings.vmMailto());
		json.put(VM_ATTACH_FILE, settings.vmAttachFile());
		return json;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
