package dev.tonal.media.prompt;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tonal.model.PlayDigitsMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** Semantics rule 14: play_digits says digits one by one or as a cardinal number. */
class NumberSpeakerTest {

	@Test
	void rule14_methodDigitsSaysEachCharacter() {
		assertThat(words("12*", PlayDigitsMethod.DIGITS, "en")).containsExactly("1", "2", "star");
		assertThat(words("#0", PlayDigitsMethod.DIGITS, "ru")).containsExactly("pound", "0");
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|',
			value = { "0|0", "7|7", "12|12", "20|20", "42|40 2", "100|1 hundred", "115|1 hundred 15",
					"342|3 hundred 40 2", "1000|1 thousand", "1001|1 thousand 1", "2019|2 thousand 19",
					"21000|20 1 thousand", "100000|1 hundred thousand", "999999|9 hundred 90 9 thousand 9 hundred 90 9",
					"007|7", "000|0" })
	void rule14_methodNumberSaysTheCardinalNumberInEnglish(String text, String expected) {
		assertThat(words(text, PlayDigitsMethod.NUMBER, "en")).containsExactly(expected.split(" "));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|',
			value = { "0|0", "12|12", "42|40 2", "100|100", "342|300 40 2", "1000|thousand-1", "1001|thousand-1 1",
					"2000|2f thousand-2", "3500|3 thousand-2 500", "5000|5 thousand-5", "11000|11 thousand-5",
					"12000|12 thousand-5", "14000|14 thousand-5", "21000|20 1f thousand-1", "22000|20 2f thousand-2",
					"25000|20 5 thousand-5", "101000|100 1f thousand-1", "111000|100 11 thousand-5",
					"112000|100 12 thousand-5", "122000|100 20 2f thousand-2", "999999|900 90 9 thousand-5 900 90 9",
					"2|2", "21|20 1" })
	void rule14_methodNumberFollowsRussianGrammar(String text, String expected) {
		assertThat(words(text, PlayDigitsMethod.NUMBER, "ru")).containsExactly(expected.split(" "));
	}

	@Test
	void rule14_textThatIsNotASpeakableNumberIsSaidDigitByDigit() {
		assertThat(words("12*", PlayDigitsMethod.NUMBER, "en")).containsExactly("1", "2", "star");
		assertThat(words("1000000", PlayDigitsMethod.NUMBER, "en")).containsExactly("1", "0", "0", "0", "0", "0", "0");
		assertThat(words("+7 (495)", PlayDigitsMethod.NUMBER, "ru")).containsExactly("7", "4", "9", "5");
	}

	@Test
	void rule14_emptyOrMissingTextSaysNothing() {
		assertThat(NumberSpeaker.prompts("", PlayDigitsMethod.NUMBER, "ru")).isEmpty();
		assertThat(NumberSpeaker.prompts(null, PlayDigitsMethod.DIGITS, "ru")).isEmpty();
	}

	@Test
	void rule14_russianIsTheDefaultLanguage() {
		assertThat(NumberSpeaker.prompts("5", PlayDigitsMethod.DIGITS, null)).containsExactly("prompts/ru/5.wav");
		assertThat(NumberSpeaker.prompts("5", PlayDigitsMethod.DIGITS, "de")).containsExactly("prompts/ru/5.wav");
		assertThat(NumberSpeaker.prompts("5", PlayDigitsMethod.DIGITS, "en-US")).containsExactly("prompts/en/5.wav");
	}

	@Test
	void everyPromptThatCanBeAskedForExists() {
		Set<String> names = new HashSet<>();
		for (String language : List.of("ru", "en")) {
			for (int n = 0; n <= NumberSpeaker.MAX_NUMBER; n += (n < 2000) ? 1 : 997) {
				names.addAll(NumberSpeaker.prompts(String.valueOf(n), PlayDigitsMethod.NUMBER, language));
			}
			for (int thousands = 1; thousands < 1000; thousands++) {
				names.addAll(NumberSpeaker.prompts(thousands + "000", PlayDigitsMethod.NUMBER, language));
			}
			names.addAll(NumberSpeaker.prompts("0123456789*#", PlayDigitsMethod.DIGITS, language));
		}
		PromptLibrary library = new PromptLibrary();

		assertThat(names).hasSize(32 + 44);
		for (String name : names) {
			assertThat(library.samples(name)).as(name).hasSizeGreaterThan(800);
		}
	}

	private static List<String> words(String text, PlayDigitsMethod method, String language) {
		return NumberSpeaker.prompts(text, method, language)
			.stream()
			.map((path) -> path.substring(path.lastIndexOf('/') + 1, path.length() - ".wav".length()))
			.toList();
	}

}
