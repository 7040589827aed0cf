/**
 * RTP (RFC 3550) without sockets: packets to and from bytes
 * ({@link dev.tonal.media.rtp.RtpPacket}), numbering and stamping what is sent
 * ({@link dev.tonal.media.rtp.RtpSender}), cutting audio into 20 ms frames
 * ({@link dev.tonal.media.rtp.AudioFrames}), and putting received packets back in order
 * ({@link dev.tonal.media.rtp.RtpReorderBuffer}). The SIP module owns the sockets.
 */
package dev.tonal.media.rtp;
