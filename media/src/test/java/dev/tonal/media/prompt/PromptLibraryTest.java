package dev.tonal.media.prompt;

import org.junit.jupiter.api.Test;

import dev.tonal.model.PlayDigitsMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The built-in prompts are loaded once and joined with short pauses. */
class PromptLibraryTest {

	private final PromptLibrary library = new PromptLibrary();

	@Test
	void speakingJoinsTheWordsWithAShortPause() {
		short[] one = this.library.samples("prompts/en/1.wav");
		short[] two = this.library.samples("prompts/en/2.wav");

		short[] spoken = this.library.speak("12", PlayDigitsMethod.DIGITS, "en");

		assertThat(spoken).hasSize(one.length + PromptLibrary.GAP_MS * 8 + two.length);
		assertThat(spoken[one.length + 10]).isZero();
	}

	@Test
	void promptsAreLoadedOnceAndShared() {
		assertThat(this.library.samples("prompts/ru/7.wav")).isSameAs(this.library.samples("prompts/ru/7.wav"));
	}

	@Test
	void nothingToSayIsNoAudio() {
		assertThat(this.library.speak("", PlayDigitsMethod.NUMBER, "ru")).isEmpty();
	}

	@Test
	void anUnknownPromptIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.library.samples("prompts/xx/1.wav"))
			.withMessageContaining("no such prompt");
	}

}
