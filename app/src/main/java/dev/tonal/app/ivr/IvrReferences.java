package dev.tonal.app.ivr;

import dev.tonal.model.validation.References;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the validation's reference questions ({@link References}) from the database,
 * for one IVR: sounds and intervals must be its client's, contexts and options its own.
 */
@Component
class IvrReferences {

	private final JdbcClient jdbc;

	private final boolean speechRecogniserConfigured;

	IvrReferences(JdbcClient jdbc, @Value("${tonal.speech.recogniser:}") String speechRecogniser) {
		this.jdbc = jdbc;
		this.speechRecogniserConfigured = !speechRecogniser.isBlank();
	}

	/** Whether the server has a speech recogniser ({@code voice_helper} needs one). */
	boolean speechRecogniserConfigured() {
		return this.speechRecogniserConfigured;
	}

	/** The references seen from {@code ivr}. */
	References of(IvrExtension ivr) {
		return new References() {

			@Override
			public boolean soundExists(long soundId) {
				return exists("SELECT COUNT(*) FROM sound WHERE id = ? AND client_id = ?", soundId, ivr.clientId());
			}

			@Override
			public boolean contextExists(long contextId) {
				return exists("SELECT COUNT(*) FROM ivr_context WHERE id = ? AND extension_id = ?", contextId,
						ivr.id());
			}

			@Override
			public boolean optionExists(long contextId, String digits) {
				return exists(
						"SELECT COUNT(*) FROM ivr_option o JOIN ivr_context c ON c.id = o.context_id "
								+ "WHERE o.context_id = ? AND o.digits = ? AND c.extension_id = ?",
						contextId, digits, ivr.id());
			}

			@Override
			public boolean intervalExists(long intervalId) {
				return exists("SELECT COUNT(*) FROM time_interval WHERE id = ? AND client_id = ?", intervalId,
						ivr.clientId());
			}

			@Override
			public boolean speechRecogniserConfigured() {
				return IvrReferences.this.speechRecogniserConfigured;
			}

		};
	}

	private boolean exists(String countQuery, Object... params) {
		return this.jdbc.sql(countQuery).params(params).query(Long.class).single() > 0;
	}

}
