package dev.tonal.media.audio;

/**
 * An uploaded sound decoded and converted to what calls play: 8 kHz, mono, 16-bit signed
 * PCM.
 *
 * @param wav the normalised audio as a complete WAV file (RIFF, PCM 16-bit LE, 8000 Hz,
 * mono)
 * @param durationMs its duration in milliseconds
 * @param sourceFormat what was decoded, for logs and errors, e.g. "WAV float 32-bit 44100
 * Hz stereo" or "MP3 22050 Hz mono"
 */
public record NormalisedAudio(byte[] wav, int durationMs, String sourceFormat) {
}
