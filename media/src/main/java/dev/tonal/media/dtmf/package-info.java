/**
 * Key presses on every transport of semantics rule 32: RFC 4733 telephone-events
 * (receiving with {@link dev.tonal.media.dtmf.TelephoneEventReceiver}, sending with
 * {@link dev.tonal.media.dtmf.TelephoneEventEncoder}), SIP INFO bodies
 * ({@link dev.tonal.media.dtmf.SipInfoDtmf}) and in-band tones
 * ({@link dev.tonal.media.dtmf.InbandDtmfDetector},
 * {@link dev.tonal.media.dtmf.InbandDtmfGenerator}). Each decoder reports one key per
 * press; a press seen on two transports is counted once by the engine (its
 * {@code CallSession}), not here.
 */
package dev.tonal.media.dtmf;
