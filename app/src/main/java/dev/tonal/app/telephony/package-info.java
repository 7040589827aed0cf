/**
 * The SIP side of the application: {@link dev.tonal.app.telephony.SipRuntime} runs the
 * SIP server ({@code tonal.sip.*}, {@code tonal.rtp.ports}) and routes inbound calls to
 * IVRs by full extension name or DID (semantics.md rule 1), each running on its cached
 * snapshot with the sound audio, Call Interactive, text-to-speech and call recorder of
 * {@code dev.tonal.app.call}.
 */
package dev.tonal.app.telephony;
