/**
 * The IVR simulator of {@code semantics.md} rule 33: a
 * {@link dev.tonal.engine.CallSession} driven by a script on a virtual clock. Inputs and
 * outputs are plain records so that the API's JSON mapping is mechanical.
 */
package dev.tonal.engine.simulation;
