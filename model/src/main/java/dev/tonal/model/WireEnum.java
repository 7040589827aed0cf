package dev.tonal.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enum whose constants have a fixed spelling on the wire (JSON, database), such as
 * {@code "play_sound"}. One place decides the spelling: {@link #wire()}.
 */
public interface WireEnum {

	/** The spelling used in JSON and in the database. */
	String wire();

	/**
	 * The constant of {@code type} spelled {@code wire}, if any (exact, case-sensitive).
	 */
	static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String wire) {
		if (wire == null) {
			return Optional.empty();
		}
		return Arrays.stream(type.getEnumConstants()).filter((e) -> e.wire().equals(wire)).findFirst();
	}

	/** Every spelling of {@code type}, for error messages ("one of: a, b, c"). */
	static <E extends Enum<E> & WireEnum> String choices(Class<E> type) {
		return String.join(", ", Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).toList());
	}

}
