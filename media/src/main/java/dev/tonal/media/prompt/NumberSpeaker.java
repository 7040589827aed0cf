package dev.tonal.media.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tonal.model.PlayDigitsMethod;

/**
 * Turns the text of a {@code play_digits} rule into the prompts that speak it
 * (semantics.md rule 14), in Russian (the default) or English.
 *
 * <p>
 * Method {@code digits} says each character: "12*" → one, two, star. Method
 * {@code number} says a cardinal number: "12" → twelve; leading zeros are not spoken;
 * from 0 to 999 999. Text that is not such a number (other characters, or too large) is
 * said digit by digit instead, so nothing is silently lost. Characters without a prompt
 * (letters, '+', spaces) are skipped.
 *
 * <p>
 * Prompt names are paths under the class path, e.g. {@code prompts/ru/5.wav}; the files
 * come from {@code scripts/prompts/make-prompts.sh}. Russian follows its grammar: тысяча
 * / тысячи / тысяч by the last digits, and the feminine одна / две before it (двадцать
 * одна тысяча, две тысячи).
 */
public final class NumberSpeaker {

	/** Largest number spoken as a number. */
	public static final int MAX_NUMBER = 999_999;

	private NumberSpeaker() {
	}

	/**
	 * The prompts that speak {@code text}.
	 * @param text what to say (digits, '*', '#')
	 * @param method one by one or as a number
	 * @param language "ru" or "en" (also "en-US" and the like); anything else is Russian
	 * @return class path resource names, in playing order (empty for empty text)
	 */
	public static List<String> prompts(String text, PlayDigitsMethod method, String language) {
		Language lang = Language.of(language);
		List<String> words = new ArrayList<>();
		if (text == null) {
			return words;
		}
		String trimmed = text.trim();
		if (method == PlayDigitsMethod.NUMBER && isSpeakableNumber(trimmed)) {
			int number = Integer.parseInt(trimmed.replaceFirst("^0+(?=.)", ""));
			if (lang == Language.RU) {
				russianNumber(number, words);
			}
			else {
				englishNumber(number, words);
			}
		}
		else {
			digitByDigit(trimmed, words);
		}
		return words.stream().map((word) -> "prompts/" + lang.directory + "/" + word + ".wav").toList();
	}

	private static boolean isSpeakableNumber(String text) {
		if (text.isEmpty() || !text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return false;
		}
		String significant = text.replaceFirst("^0+(?=.)", "");
		return significant.length() <= 6;
	}

	private static void digitByDigit(String text, List<String> words) {
		for (char c : text.toCharArray()) {
			if (c >= '0' && c <= '9') {
				words.add(String.valueOf(c));
			}
			else if (c == '*') {
				words.add("star");
			}
			else if (c == '#') {
				words.add("pound");
			}
		}
	}

	private static void englishNumber(int number, List<String> words) {
		if (number == 0) {
			words.add("0");
			return;
		}
		int thousands = number / 1000;
		if (thousands > 0) {
			englishBelowThousand(thousands, words);
			words.add("thousand");
		}
		englishBelowThousand(number % 1000, words);
	}

	/** 1-999 as "three hundred forty two"; nothing for 0. */
	private static void englishBelowThousand(int number, List<String> words) {
		if (number >= 100) {
			words.add(String.valueOf(number / 100));
			words.add("hundred");
		}
		tensAndUnits(number % 100, words, false);
	}

	private static void russianNumber(int number, List<String> words) {
		if (number == 0) {
			words.add("0");
			return;
		}
		int thousands = number / 1000;
		if (thousands == 1) {
			// "тысяча", not "одна тысяча"
			words.add("thousand-1");
		}
		else if (thousands > 1) {
			russianBelowThousand(thousands, words, true);
			words.add(russianThousandForm(thousands));
		}
		russianBelowThousand(number % 1000, words, false);
	}

	/** 1-999 as "триста сорок два"; nothing for 0. */
	private static void russianBelowThousand(int number, List<String> words, boolean feminine) {
		if (number >= 100) {
			words.add(String.valueOf(number / 100 * 100));
		}
		tensAndUnits(number % 100, words, feminine);
	}

	/**
	 * тысяча after 1, 21, 31…; тысячи after 2-4, 22-24…; тысяч otherwise and after 11-14.
	 */
	private static String russianThousandForm(int thousands) {
		int lastTwo = thousands % 100;
		int last = thousands % 10;
		if (lastTwo >= 11 && lastTwo <= 14) {
			return "thousand-5";
		}
		if (last == 1) {
			return "thousand-1";
		}
		if (last >= 2 && last <= 4) {
			return "thousand-2";
		}
		return "thousand-5";
	}

	/**
	 * 1-99: a single word below 20, else the tens and the units; the feminine forms of 1
	 * and 2 where asked (Russian only: English has none).
	 */
	private static void tensAndUnits(int number, List<String> words, boolean feminine) {
		if (number == 0) {
			return;
		}
		if (number < 20) {
			words.add(unit(number, feminine));
			return;
		}
		words.add(String.valueOf(number / 10 * 10));
		if (number % 10 != 0) {
			words.add(unit(number % 10, feminine));
		}
	}

	private static String unit(int number, boolean feminine) {
		return (feminine && (number == 1 || number == 2)) ? number + "f" : String.valueOf(number);
	}

	private enum Language {

		RU("ru"), EN("en");

		private final String directory;

		Language(String directory) {
			this.directory = directory;
		}

		static Language of(String code) {
			if (code != null && code.toLowerCase(Locale.ROOT).startsWith("en")) {
				return EN;
			}
			return RU;
		}

	}

}
