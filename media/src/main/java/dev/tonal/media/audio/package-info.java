/**
 * Audio files: decoding uploads (WAV in any common encoding, MP3) and normalising them to
 * the telephone format of {@link dev.tonal.media.audio.TelephoneAudio} (8 kHz mono
 * 16-bit), and reading and writing WAV files in that format.
 *
 * <p>
 * Entry point: {@link dev.tonal.media.audio.AudioNormaliser#normalise}. Everything else
 * public is the small WAV toolkit ({@link dev.tonal.media.audio.WavReader},
 * {@link dev.tonal.media.audio.WavWriter}) that prompts, recordings and tests share.
 */
package dev.tonal.media.audio;
