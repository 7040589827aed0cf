package dev.tonal.media.audio;

/**
 * Where a decoder delivers its audio: first the source sample rate, then mono samples in
 * the range -1..1, chunk by chunk. Streaming keeps memory proportional to the output
 * rather than to a long decoded source.
 */
interface PcmConsumer {

	/**
	 * Called once, before any samples.
	 * @param sampleRate the source sample rate in Hz
	 */
	void start(int sampleRate);

	/**
	 * Delivers mono samples.
	 * @param samples buffer of samples in -1..1
	 * @param count how many of them are valid
	 * @throws AudioFormatException when the audio exceeds a limit
	 */
	void accept(float[] samples, int count) throws AudioFormatException;

}
