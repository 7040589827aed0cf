/**
 * The shared 20 ms media clock that paces the audio of all calls.
 */
package dev.tonal.media.clock;
