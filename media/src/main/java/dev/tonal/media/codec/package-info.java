/**
 * Voice codecs: G.711 µ-law (PCMU) and A-law (PCMA), the two every SIP phone speaks.
 */
package dev.tonal.media.codec;
