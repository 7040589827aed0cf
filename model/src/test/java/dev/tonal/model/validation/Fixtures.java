package dev.tonal.model.validation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Test data for the validation: JSON objects written as Java maps (the model has no JSON
 * library) and a fixed world of references.
 */
final class Fixtures {

	/** The context the rules under test belong to. */
	static final long HOME_CONTEXT = 10;

	static final long OTHER_CONTEXT = 11;

	/** A sound of the client. */
	static final long SOUND = 51;

	/** An interval of the client. */
	static final long INTERVAL = 7;

	private Fixtures() {
	}

	/** A JSON object from alternating names and values; values may be null. */
	static Map<String, Object> json(Object... namesAndValues) {
		Map<String, Object> json = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			json.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return json;
	}

	/** Sound 51, interval 7, contexts 10 (options start, timeout, invalid, 1) and 11. */
	static References references(boolean speechRecogniser) {
		return new References() {

			@Override
			public boolean soundExists(long soundId) {
				return soundId == SOUND;
			}

			@Override
			public boolean contextExists(long contextId) {
				return contextId == HOME_CONTEXT || contextId == OTHER_CONTEXT;
			}

			@Override
			public boolean optionExists(long contextId, String digits) {
				Set<String> options = (contextId == HOME_CONTEXT) ? Set.of("start", "timeout", "invalid", "1")
						: Set.of("start", "timeout", "invalid");
				return contextExists(contextId) && options.contains(digits);
			}

			@Override
			public boolean intervalExists(long intervalId) {
				return intervalId == INTERVAL;
			}

			@Override
			public boolean speechRecogniserConfigured() {
				return speechRecogniser;
			}

		};
	}

	static References references() {
		return references(true);
	}

}
