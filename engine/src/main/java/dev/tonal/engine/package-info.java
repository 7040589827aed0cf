/**
 * The IVR engine: the behaviour of {@code semantics.md} as a pure state machine.
 * {@link dev.tonal.engine.CallSession} takes {@link dev.tonal.engine.Event}s and the
 * time, returns {@link dev.tonal.engine.Command}s and says when it next needs the time
 * ({@code nextDeadline}). It depends on the model module only, and does no I/O, keeps no
 * clock and starts no threads, so real calls (the SIP adapter), the simulator
 * ({@link dev.tonal.engine.simulation}) and tests all run the same code.
 */
package dev.tonal.engine;
