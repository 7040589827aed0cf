package dev.tonal.app.extension;

/**
 * An extension as stored (without its SIP credentials).
 *
 * @param id its id
 * @param clientId its client
 * @param name full name, {@code prefix*name}
 * @param type phone or ivr
 * @param status active or blocked
 * @param label display name, or null
 * @param extensionGroupId stored as given, or null
 * @param extraParams stored as given, or null
 */
public record Extension(long id, long clientId, String name, ExtensionType type, ExtensionStatus status, String label,
		Long extensionGroupId, String extraParams) {
}
