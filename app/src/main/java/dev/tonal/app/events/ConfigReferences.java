package dev.tonal.app.events;

import java.util.List;

/**
 * Who still uses a sound or an interval, so that deleting it can answer 409 naming them.
 * Implemented by the IVR package (rules and IVR settings refer to sounds and intervals).
 * Each entry is a human-readable place, e.g. "extension 204, context 1, option start,
 * rule 7".
 */
public interface ConfigReferences {

	List<String> usesOfSound(long soundId);

	List<String> usesOfInterval(long intervalId);

	/**
	 * No references: what applies while no package that refers to sounds or intervals is
	 * present.
	 */
	static ConfigReferences none() {
		return new ConfigReferences() {

			@Override
			public List<String> usesOfSound(long soundId) {
				return List.of();
			}

			@Override
			public List<String> usesOfInterval(long intervalId) {
				return List.of();
			}

		};
	}

}
