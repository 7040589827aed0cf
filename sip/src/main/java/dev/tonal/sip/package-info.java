/**
 * Tonal's SIP runtime: a SIP server for inbound calls and the call objects the IVR
 * drives.
 *
 * <p>
 * Start a {@link dev.tonal.sip.SipServer} with a {@link dev.tonal.sip.SipConfig} and a
 * {@link dev.tonal.sip.CallRouter}. For every INVITE the router decides the
 * {@link dev.tonal.sip.Route}: 404, 403, 501 (phones, for now) or an IVR, whose
 * {@link dev.tonal.sip.CallListener} is offered the {@link dev.tonal.sip.SipCall} while
 * it rings and answers it with {@link dev.tonal.sip.SipCall#answer()}. The call then
 * plays audio through {@link dev.tonal.sip.SipCall#media()} and reports key presses (RFC
 * 4733, SIP INFO, in-band), media changes and its end to the listener.
 *
 * <p>
 * Threading: the SIP stack's callbacks only update the call's signalling state and
 * return; routing and every listener event run on the call's own virtual thread
 * ({@link dev.tonal.sip.SerialExecutor}), one at a time; audio is paced by one shared
 * media clock. JAIN-SIP types stay in {@code dev.tonal.sip.jain}.
 */
package dev.tonal.sip;
