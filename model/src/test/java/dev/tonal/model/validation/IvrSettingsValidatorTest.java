package dev.tonal.model.validation;

import java.util.Map;
import java.util.stream.Stream;

import dev.tonal.model.IvrSettings;
import dev.tonal.model.LifetimeAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.tonal.model.validation.Fixtures.json;
import static dev.tonal.model.validation.Fixtures.references;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** IVR settings (api.md §6): partial PUT over the stored settings, and each bad field. */
class IvrSettingsValidatorTest {

	@Test
	void seedPutKeepsTheOtherDefaults() {
		Validated<IvrSettings> read = IvrSettingsValidator.read(json("sleep_time", 5000, "entry_context", 10),
				IvrSettings.defaults(), references());
		assertThat(read.errors()).isEmpty();
		assertThat(read.value())
			.isEqualTo(new IvrSettings(10L, 1800, LifetimeAction.HANGUP, null, 5000, false, null, null, false));
	}

	@Test
	void transferOnExpiryWithADestinationIsValid() {
		Validated<IvrSettings> read = IvrSettingsValidator.read(
				json("lifetime", 0, "lifetime_exp_action", "transfer", "lifetime_exp_transfer_dst", "050"),
				IvrSettings.defaults(), references());
		assertThat(read.errors()).isEmpty();
	}

	@Test
	void writtenSettingsIncludeVoicemailFields() {
		assertThat(IvrSettingsJson.write(IvrSettings.defaults())).containsOnlyKeys("entry_context", "lifetime",
				"lifetime_exp_action", "lifetime_exp_transfer_dst", "sleep_time", "vm_enabled", "vm_greeting",
				"vm_mailto", "vm_attach_file");
	}

	static Stream<Arguments> badSettings() {
		return Stream.of(arguments("entry_context of another IVR", json("entry_context", 99), "entry_context"),
				arguments("negative lifetime", json("lifetime", -1), "lifetime"),
				arguments("unknown lifetime action", json("lifetime_exp_action", "park"), "lifetime_exp_action"),
				arguments("null lifetime action", json("lifetime_exp_action", null), "lifetime_exp_action"),
				arguments("transfer without destination", json("lifetime_exp_action", "transfer"),
						"lifetime_exp_transfer_dst"),
				arguments("transfer to a blank destination",
						json("lifetime_exp_action", "transfer", "lifetime_exp_transfer_dst", " "),
						"lifetime_exp_transfer_dst"),
				arguments("negative sleep_time", json("sleep_time", -5), "sleep_time"),
				arguments("vm_greeting of another client", json("vm_greeting", 99), "vm_greeting"),
				arguments("vm_mailto not an address", json("vm_mailto", "boss"), "vm_mailto"),
				arguments("vm_enabled not boolean", json("vm_enabled", 1), "vm_enabled"));
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("badSettings")
	void badSettingFailsOnExactlyItsField(String name, Map<String, Object> settings, String field) {
		Validated<IvrSettings> read = IvrSettingsValidator.read(settings, IvrSettings.defaults(), references());
		assertThat(read.errors()).extracting(FieldError::field).containsExactly(field);
	}

}
