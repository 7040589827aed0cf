/**
 * Key presses on every transport of semantics rule 32: RFC 4733 telephone-events
 * (receiving with {@link dev.tonal.media.dtmf.TelephoneEventReceiver}, sending with
 * {@link dev.tonal.media.dtmf.TelephoneEventEncoder}), SIP INFO bodies
 * ({@link dev.tonal.media.dtmf.SipInfoDtmf}) and in-band tones
 * ({@link dev.tonal.media.dtmf.InbandDtmfDetector},
 * {@link dev.tonal.media.dtmf.InbandDtmfGenerator}); and the
 * {@link dev.tonal.media.dtmf.DtmfDeduplicator} that makes one press seen on two
 * transports count once.
 */
package dev.tonal.media.dtmf;
