/**
 * How a call leaves the IVR (semantics rule 16), carried out for the engine, which makes
 * every decision: outbound legs placed by a {@link dev.tonal.sip.b2bua.Dialer}; a
 * destination's devices rung as one leg by a {@link dev.tonal.sip.b2bua.ForkedLeg}; RTP
 * relayed between two {@link dev.tonal.sip.b2bua.BridgeEnd}s by an
 * {@link dev.tonal.sip.b2bua.RtpBridge} (SSRC, sequence and timestamp rewriting,
 * PCMU/PCMA transcoding, RFC 4733 relay); and {@link dev.tonal.sip.b2bua.CallTransfers},
 * which carries out one call's Ring/CancelLeg/Bridge/ringback commands and reports each
 * leg by its id. Nothing here has a timer or picks a winner between destinations. Where a
 * destination leads (devices, trunk, IVR) is the application's
 * {@link dev.tonal.sip.b2bua.DestinationResolver}.
 */
package dev.tonal.sip.b2bua;
