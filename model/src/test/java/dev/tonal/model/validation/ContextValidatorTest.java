package dev.tonal.model.validation;

import java.util.Map;
import java.util.stream.Stream;

import dev.tonal.model.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.tonal.model.validation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Contexts (api.md §7): defaults, partial updates, and each bad field. */
class ContextValidatorTest {

	private static final Context STORED = new Context(5, "Main", 5000, 2000, 3, true);

	@Test
	void newContextTakesDocumentedDefaultsAndTheClientsExtensionLength() {
		Validated<Context> read = ContextValidator.read(json("name", "Main"), ContextValidator.defaults(4));
		assertThat(read.errors()).isEmpty();
		assertThat(read.value()).isEqualTo(new Context(0, "Main", 5000, 2000, 4, false));
	}

	@Test
	void partialUpdateKeepsAbsentFields() {
		Validated<Context> read = ContextValidator.read(json("timeout", 7000, "id", 99), STORED);
		assertThat(read.errors()).isEmpty();
		assertThat(read.value()).isEqualTo(new Context(5, "Main", 7000, 2000, 3, true));
	}

	@Test
	void seedContextIsValid() {
		Validated<Context> read = ContextValidator.read(json("digit_len", 3, "allow_any_dial", true,
				"inter_digit_timeout", 2000, "name", "Основной контекст", "timeout", 5000),
				ContextValidator.defaults(3));
		assertThat(read.errors()).isEmpty();
	}

	static Stream<Arguments> badContexts() {
		return Stream.of(arguments("no name on create", json("timeout", 5000), "name"),
				arguments("blank name", json("name", " "), "name"),
				arguments("name too long", json("name", "x".repeat(256)), "name"),
				arguments("timeout 0", json("name", "m", "timeout", 0), "timeout"),
				arguments("timeout null", json("name", "m", "timeout", null), "timeout"),
				arguments("inter_digit_timeout negative", json("name", "m", "inter_digit_timeout", -1),
						"inter_digit_timeout"),
				arguments("digit_len 0", json("name", "m", "digit_len", 0), "digit_len"),
				arguments("digit_len 33", json("name", "m", "digit_len", 33), "digit_len"),
				arguments("allow_any_dial not boolean", json("name", "m", "allow_any_dial", "yes"), "allow_any_dial"));
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("badContexts")
	void badContextFailsOnExactlyItsField(String name, Map<String, Object> context, String field) {
		Validated<Context> read = ContextValidator.read(context, ContextValidator.defaults(3));
		assertThat(read.errors()).extracting(FieldError::field).containsExactly(field);
	}

	@Test
	void writtenContextHasTheSeedsFields() {
		assertThat(ContextJson.write(STORED)).containsOnlyKeys("id", "name", "timeout", "inter_digit_timeout",
				"digit_len", "allow_any_dial");
	}

}
