package dev.tonal.app.events;

/**
 * Published by the IVR store, inside the writing transaction, after any write to one
 * IVR's settings, contexts, options or rules: the cached snapshot of that IVR is dropped,
 * on every node.
 */
public record IvrChanged(long extensionId) {
}
