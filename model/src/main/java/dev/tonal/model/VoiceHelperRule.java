package dev.tonal.model;

/**
 * One speech-navigation alternative of a {@code voice_helper} rule: when the recognised
 * text matches {@code transcription} ("sales|shop": alternatives, each a word or word
 * stem), option {@code toOption} of the current context runs.
 */
public record VoiceHelperRule(String toOption, String transcription) {
}
