/**
 * Real calls running IVRs: the adapter between a SIP call and the engine's
 * {@link dev.tonal.engine.CallSession}.
 *
 * <p>
 * The application makes one {@link dev.tonal.sip.ivrcall.IvrRuntime} per SIP server (the
 * shared timer thread, built-in prompts, engine limits, clock) and, for each call its
 * router sends to an IVR, a {@link dev.tonal.sip.CallListener} from
 * {@link dev.tonal.sip.ivrcall.IvrRuntime#newCall}, giving it the IVR's snapshot, who
 * calls, and an {@link dev.tonal.sip.ivrcall.IvrCallPorts} with what only the application
 * has (sound audio, Call Interactive, text-to-speech, the call recorder). The call then
 * runs on its own executor; when it ends, for whatever reason, its
 * {@link dev.tonal.sip.ivrcall.IvrCallSummary} (result, trace with SIP/RTP detail,
 * ratings) goes to the ports. Stop the SIP server first, then close the runtime: closing
 * waits for the calls being hung up to hand over their summaries.
 */
package dev.tonal.sip.ivrcall;
