package dev.tonal.app.events;

/**
 * Published, inside the deleting transaction, just before a client's row is deleted: the
 * owners of tables that refer to the client without a cascade (extensions) delete its
 * rows first.
 */
public record ClientDeleting(long clientId) {
}
