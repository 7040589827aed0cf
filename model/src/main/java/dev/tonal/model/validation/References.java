package dev.tonal.model.validation;

/**
 * What the validation asks about things outside the object being validated. The caller
 * answers for one IVR of one client: the API from the database, the engine's validator
 * from an {@link dev.tonal.model.IvrSnapshot} ({@link SnapshotReferences}). Every
 * reference must stay inside the same client and IVR (api.md §7), so "exists" here means
 * "exists and belongs to this IVR / its client".
 */
public interface References {

	/** Whether {@code soundId} is a sound of the IVR's client. */
	boolean soundExists(long soundId);

	/** Whether {@code contextId} is a context of this IVR. */
	boolean contextExists(long contextId);

	/** Whether context {@code contextId} of this IVR has the option {@code digits}. */
	boolean optionExists(long contextId, String digits);

	/** Whether {@code intervalId} is a time interval of the IVR's client. */
	boolean intervalExists(long intervalId);

	/** Whether the server has a speech recogniser, which {@code voice_helper} needs. */
	boolean speechRecogniserConfigured();

}
