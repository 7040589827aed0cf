package dev.tonal.model.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Custom option digits (api.md §7): 1..digit_len keys of 0-9*#, not a built-in name. */
class OptionDigitsTest {

	@ParameterizedTest
	@ValueSource(strings = { "1", "0", "*", "#", "12#" })
	void keysUpToDigitLenAreAnOption(String digits) {
		assertThat(OptionDigits.validate(digits, 3)).isEmpty();
	}

	@ParameterizedTest(name = "\"{0}\" with digit_len {1}")
	@CsvSource({ "start,3", "timeout,3", "invalid,3", "1a,3", "1234,3", "12,1", "' 1',3" })
	void otherDigitsAreRefusedOnTheDigitsField(String digits, int digitLen) {
		assertThat(OptionDigits.validate(digits, digitLen)).extracting(FieldError::field).containsExactly("digits");
	}

	@ParameterizedTest
	@ValueSource(strings = { "" })
	void emptyDigitsAreRequired(String digits) {
		assertThat(OptionDigits.validate(digits, 3)).singleElement()
			.satisfies((error) -> assertThat(error.message()).startsWith("is required"));
	}

}
