package dev.tonal.app.call;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.tonal.engine.Command;
import dev.tonal.engine.Event;
import dev.tonal.media.audio.TelephoneAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call Interactive's {@code <TextToSpeech>} (semantics.md rule 26) with espeak-ng, which
 * the build machine must have installed (CI installs it).
 */
class TextToSpeechTest {

	private static final TtsProperties ESPEAK = new TtsProperties("espeak-ng", Duration.ofSeconds(30), 2);

	@Test
	void rule26_russianTextBecomesAGreetingInTheTelephoneFormat() throws Exception {
		TextToSpeech tts = new TextToSpeech(ESPEAK);
		assertThat(tts.isAvailable()).as("espeak-ng must be installed for this test").isTrue();
		SynthesisedGreetings greetings = new SynthesisedGreetings();
		Event event = tts
			.synthesise(new Command.Synthesise(3, "Здравствуйте, вы позвонили в компанию", "ru"), greetings)
			.get(60, TimeUnit.SECONDS);
		assertThat(event).isInstanceOf(Event.SpeechSynthesised.class);
		Event.SpeechSynthesised done = (Event.SpeechSynthesised) event;
		assertThat(done.requestId()).isEqualTo(3);
		short[] samples = greetings.samples(done.greeting()).orElseThrow();
		// A second or more of speech at 8 kHz, with real sound in it.
		assertThat(samples.length).isGreaterThan(TelephoneAudio.SAMPLE_RATE);
		assertThat(peak(samples)).isGreaterThan(1000);
	}

	@Test
	void rule26_eachSynthesisGetsItsOwnReference() throws Exception {
		TextToSpeech tts = new TextToSpeech(ESPEAK);
		SynthesisedGreetings greetings = new SynthesisedGreetings();
		Event first = tts.synthesise(new Command.Synthesise(1, "hello", "en"), greetings).get(60, TimeUnit.SECONDS);
		Event second = tts.synthesise(new Command.Synthesise(2, "goodbye", "en"), greetings).get(60, TimeUnit.SECONDS);
		String a = ((Event.SpeechSynthesised) first).greeting();
		String b = ((Event.SpeechSynthesised) second).greeting();
		assertThat(a).isNotEqualTo(b);
		assertThat(greetings.samples(a)).isPresent();
		assertThat(greetings.samples(b)).isPresent();
		assertThat(new SynthesisedGreetings().samples(a)).as("greetings belong to one call").isEmpty();
	}

	@Test
	void rule26_textThatLooksLikeAnOptionIsSpokenNotObeyed() throws Exception {
		TextToSpeech tts = new TextToSpeech(ESPEAK);
		Event event = tts.synthesise(new Command.Synthesise(4, "--help", "en"), new SynthesisedGreetings())
			.get(60, TimeUnit.SECONDS);
		assertThat(event).isInstanceOf(Event.SpeechSynthesised.class);
	}

	@Test
	void rule26_anUnknownVoiceFailsWithTheReason() throws Exception {
		TextToSpeech tts = new TextToSpeech(ESPEAK);
		Event event = tts.synthesise(new Command.Synthesise(5, "hello", "xx-nonexistent"), new SynthesisedGreetings())
			.get(60, TimeUnit.SECONDS);
		assertThat(event).isInstanceOf(Event.SynthesisFailed.class);
		assertThat(((Event.SynthesisFailed) event).reason()).contains("espeak-ng failed");
	}

	@Test
	void rule26_withoutEspeakEverySynthesisFailsSayingHowToFixIt(@TempDir Path dir) throws Exception {
		String missing = dir.resolve("no-such-espeak-ng").toString();
		TextToSpeech tts = new TextToSpeech(new TtsProperties(missing, Duration.ofSeconds(5), 1));
		assertThat(tts.isAvailable()).isFalse();
		Event event = tts.synthesise(new Command.Synthesise(6, "hello", "en"), new SynthesisedGreetings())
			.get(10, TimeUnit.SECONDS);
		assertThat(event).isInstanceOf(Event.SynthesisFailed.class);
		assertThat(((Event.SynthesisFailed) event).reason()).contains("not available", missing, "install espeak-ng");
	}

	@Test
	void rule26_aSynthesisIsStoppedAtTheTimeLimit(@TempDir Path dir) throws Exception {
		// A stand-in for espeak-ng that answers --version but never finishes speaking.
		Path hanging = dir.resolve("hanging-espeak-ng");
		Files.writeString(hanging,
				"#!/bin/sh\nif [ \"$1\" = --version ]; then echo stand-in; exit 0; fi\nexec sleep 600\n");
		assertThat(hanging.toFile().setExecutable(true)).isTrue();
		TextToSpeech tts = new TextToSpeech(new TtsProperties(hanging.toString(), Duration.ofMillis(300), 1));
		assertThat(tts.isAvailable()).isTrue();
		Event event = tts.synthesise(new Command.Synthesise(8, "hello", "en"), new SynthesisedGreetings())
			.get(60, TimeUnit.SECONDS);
		assertThat(event).isEqualTo(new Event.SynthesisFailed(8, "espeak-ng took longer than 300 ms"));
	}

	@Test
	void aCallKeepsOnlyItsLatestGreetings() {
		SynthesisedGreetings greetings = new SynthesisedGreetings();
		String first = greetings.add(new short[] { 1 });
		String last = null;
		for (int i = 0; i < SynthesisedGreetings.MAX_GREETINGS; i++) {
			last = greetings.add(new short[] { 2 });
		}
		assertThat(greetings.samples(first)).isEmpty();
		assertThat(greetings.samples(last)).isPresent();
	}

	private static int peak(short[] samples) {
		int peak = 0;
		for (short sample : samples) {
			peak = Math.max(peak, Math.abs(sample));
		}
		return peak;
	}

}
