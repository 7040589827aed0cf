/**
 * How a call leaves the IVR (semantics rule 16): outbound legs placed by a
 * {@link dev.tonal.sip.b2bua.Dialer}, parallel ringing with a
 * {@link dev.tonal.sip.b2bua.Fork} (first answer wins, the rest are cancelled), RTP
 * relayed between two {@link dev.tonal.sip.b2bua.BridgeEnd}s by an
 * {@link dev.tonal.sip.b2bua.RtpBridge} (SSRC, sequence and timestamp rewriting,
 * PCMU/PCMA transcoding, RFC 4733 relay), and {@link dev.tonal.sip.b2bua.CallTransfers},
 * which carries out the engine's Ring/CancelRing/Bridge commands for one call. Where a
 * destination leads (devices, trunk, IVR) is the application's
 * {@link dev.tonal.sip.b2bua.DestinationResolver}.
 */
package dev.tonal.sip.b2bua;
