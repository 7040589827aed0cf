package dev.tonal.app.events;

/**
 * Published after any write that can change what a client's IVRs do at run time
 * (extensions, sounds, intervals, DIDs, the client itself): cached IVR snapshots of that
 * client are dropped.
 */
public record ClientConfigChanged(long clientId) {
}
