/**
 * Tonal's SIP runtime: a SIP server for inbound calls and the call objects the IVR
 * drives.
 *
 * <p>
 * Start a {@link dev.tonal.sip.SipServer} with a {@link dev.tonal.sip.SipConfig} and a
 * {@link dev.tonal.sip.CallRouter}. For every INVITE the router decides the
 * {@link dev.tonal.sip.Route}: 404, 403, or a {@link dev.tonal.sip.CallListener} (an IVR,
 * or a call to a phone extension that rings its registered devices) which is offered the
 * {@link dev.tonal.sip.SipCall} while it rings and answers it with
 * {@link dev.tonal.sip.SipCall#answer()}. The call then plays audio through
 * {@link dev.tonal.sip.SipCall#media()} and reports every key press it decodes (RFC 4733,
 * SIP INFO, in-band; the engine counts a press seen twice once), media changes and its
 * end to the listener. Outbound legs for transfers and calls to phones are placed with
 * the server's {@link dev.tonal.sip.SipServer#dialer()} ({@code dev.tonal.sip.b2bua});
 * REGISTER is answered by {@code dev.tonal.sip.registrar}.
 *
 * <p>
 * Threading: the SIP stack's callbacks only update the call's signalling state and
 * return; routing and every listener event run on the call's own virtual thread
 * ({@link dev.tonal.sip.SerialExecutor}), one at a time; audio is paced by one shared
 * media clock. JAIN-SIP types stay in {@code dev.tonal.sip.jain}.
 */
package dev.tonal.sip;
