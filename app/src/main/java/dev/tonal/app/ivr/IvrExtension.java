package dev.tonal.app.ivr;

/**
 * An {@code ivr} extension whose configuration a request works on, after the caller's
 * right to it has been checked ({@link IvrExtensions}).
 *
 * @param id the extension id
 * @param clientId the owning client
 * @param name the full name, {@code prefix*name}
 */
record IvrExtension(long id, long clientId, String name) {
}
