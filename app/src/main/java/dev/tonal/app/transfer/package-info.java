/**
 * Where transfers go: transfer destinations resolved to registered devices, IVRs or the
 * outbound trunk ({@code tonal.trunk.*}), and the ring timeout
 * ({@code tonal.transfer.ring-timeout}).
 */
package dev.tonal.app.transfer;
