package dev.tonal.media.audio;

/**
 * An upload that cannot be used as a sound: not WAV or MP3, corrupt, empty or silent
 * only. The message is meant for the API's user ("the WAV header says 4 channels; only
 * mono and stereo are supported").
 */
public class AudioFormatException extends Exception {

	public AudioFormatException(String message) {
		super(message);
	}

	public AudioFormatException(String message, Throwable cause) {
		super(message, cause);
	}

}
