package dev.tonal.app.call;

import dev.tonal.sip.ivrcall.IvrCallSummary;

/**
 * Where {@link CallRecorder} writes finished calls: the database in the application
 * ({@link CallHistoryRepository}), something simpler in tests of the recorder itself.
 */
interface CallStore {

	/**
	 * Stores the call, its trace and its ratings, all or nothing.
	 * @throws org.springframework.dao.DuplicateKeyException when the call is already
	 * stored
	 * @throws RuntimeException when the store fails (the recorder retries)
	 */
	void write(IvrCallSummary call);

}
