package dev.tonal.app.events;

/**
 * Published, inside the creating transaction, when an extension is created; the IVR
 * package listens to create an {@code ivr} extension's configuration with defaults.
 */
public record ExtensionCreated(long extensionId, long clientId, String type) {
}
