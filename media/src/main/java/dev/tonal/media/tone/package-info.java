/**
 * Call-progress tones, such as the ringback a caller hears while a transfer rings.
 */
package dev.tonal.media.tone;
