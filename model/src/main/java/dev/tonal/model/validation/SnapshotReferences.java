package dev.tonal.model.validation;

import dev.tonal.model.ContextConfig;
import dev.tonal.model.IvrSnapshot;

/**
 * {@link References} answered from an {@link IvrSnapshot}, so that the engine validates a
 * configuration with the same rules as the API, without a database.
 */
public final class SnapshotReferences implements References {

	private final IvrSnapshot snapshot;

	private final boolean speechRecogniserConfigured;

	public SnapshotReferences(IvrSnapshot snapshot, boolean speechRecogniserConfigured) {
		this.snapshot = snapshot;
		this.speechRecogniserConfigured = speechRecogniserConfigured;
	}

	@Override
	public boolean soundExists(long soundId) {
		return this.snapshot.soundDurationsMs().containsKey(soundId);
	}

	@Override
	public boolean contextExists(long contextId) {
		return this.snapshot.contexts().containsKey(contextId);
	}

	@Override
	public boolean optionExists(long contextId, String digits) {
		ContextConfig context = this.snapshot.contexts().get(contextId);
		return context != null && context.options().containsKey(digits);
	}

	@Override
	public boolean intervalExists(long intervalId) {
		return this.snapshot.intervals().containsKey(intervalId);
	}

	@Override
	public boolean speechRecogniserConfigured() {
		return this.speechRecogniserConfigured;
	}

}
