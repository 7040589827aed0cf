/**
 * Call events (api.md §9): subscriptions per extension ({@code /extension/{eid}/event/})
 * and the sender that tells subscribers of {@code dial-in}, {@code dial-out},
 * {@code answer} and {@code hangup} as calls go, off the calls' threads
 * ({@link dev.tonal.app.callevent.CallEventSender}).
 */
package dev.tonal.app.callevent;
