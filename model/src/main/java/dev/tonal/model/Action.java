package dev.tonal.model;

import java.util.Locale;

/** The 16 things a rule can do (api.md §7; behaviour in semantics.md §4). */
public enum Action implements WireEnum {

	PLAY_SOUND, PLAY_SILENCE, PLAY_DIGITS, PLAY_DIGITS_FROM_VARIABLE, JUMP_TO_CONTEXT, TRANSFER, SIMPLE_TRANSFER,
	TRANSFER_FROM_VARIABLE, HANGUP, SET_VARIABLE, RECORD_DIGITS, CALL_INTERACTIVE, SET_CALLER_ID_NUMBER,
	SET_CALLER_ID_NAME, QUALITY_RATE, VOICE_HELPER;

	@Override
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
