package dev.tonal.app.voicemail;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code voicemail} table. Reads of metadata never load the audio.
 */
@Repository
class VoicemailRepository {

	/** A voicemail's metadata; {@code created} and {@code mailSentAt} are epoch ms. */
	record Voicemail(long id, long clientId, Long extensionId, String extension, String callUuid, String callerIdNumber,
			String callerIdName, String calledDid, long created, int durationMs, String endedBy, String mailTo,
			boolean mailAttach, int mailAttempts, Long mailSentAt, String mailError) {
	}

	/** A new voicemail, with its WAV. */
	record NewVoicemail(long clientId, long extensionId, String extension, String callUuid, String callerIdNumber,
			String callerIdName, String calledDid, long created, int durationMs, String endedBy, byte[] wav,
			String mailTo, boolean mailAttach) {
	}

	private static final String COLUMNS = "id, client_id, extension_id, extension, call_uuid, caller_id_number, "
			+ "caller_id_name, called_did, created, duration_ms, ended_by, mail_to, mail_attach, mail_attempts, "
			+ "mail_sent_at, mail_error";

	private static final RowMapper<Voicemail> ROW = (rs, n) -> new Voicemail(rs.getLong("id"), rs.getLong("client_id"),
			rs.getObject("extension_id", Long.class), rs.getString("extension"), rs.getString("call_uuid"),
			rs.getString("caller_id_number"), rs.getString("caller_id_name"), rs.getString("called_did"),
			rs.getLong("created"), rs.getInt("duration_ms"), rs.getString("ended_by"), rs.getString("mail_to"),
			rs.getBoolean("mail_attach"), rs.getInt("mail_attempts"), rs.getObject("mail_sent_at", Long.class),
			rs.getString("mail_error"));

	private final JdbcClient jdbc;

	VoicemailRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a voicemail; an IVR deleted meanwhile leaves {@code extension_id} null. */
	long insert(NewVoicemail v) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO voicemail (client_id, extension_id, extension, call_uuid, caller_id_number, "
				+ "caller_id_name, called_did, created, duration_ms, ended_by, wav, mail_to, mail_attach, "
				+ "mail_attempts) VALUES (?, (SELECT id FROM extension WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
				+ "?, 0)")
			.params(v.clientId(), v.extensionId(), v.extension(), v.callUuid(), v.callerIdNumber(), v.callerIdName(),
					v.calledDid(), v.created(), v.durationMs(), v.endedBy(), v.wav(), v.mailTo(), v.mailAttach())
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	Optional<Voicemail> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM voicemail WHERE id = ?").param(id).query(ROW).optional();
	}

	Optional<Voicemail> find(long clientId, long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM voicemail WHERE client_id = ? AND id = ?")
			.params(clientId, id)
			.query(ROW)
			.optional();
	}

	/** The client's voicemails, newest first. */
	List<Voicemail> list(long clientId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM voicemail WHERE client_id = ? ORDER BY created DESC, id DESC")
			.param(clientId)
			.query(ROW)
			.list();
	}

	Optional<byte[]> wav(long clientId, long id) {
		return this.jdbc.sql("SELECT wav FROM voicemail WHERE client_id = ? AND id = ?")
			.params(clientId, id)
			.query((rs, n) -> rs.getBytes("wav"))
			.optional();
	}

	Optional<byte[]> wav(long id) {
		return this.jdbc.sql("SELECT wav FROM voicemail WHERE id = ?")
			.param(id)
			.query((rs, n) -> rs.getBytes("wav"))
			.optional();
	}

	/** Mails still to send: not sent, not given up. */
	List<Long> unsentMails(int maxAttempts) {
		return this.jdbc
			.sql("SELECT id FROM voicemail WHERE mail_to IS NOT NULL AND mail_sent_at IS NULL AND mail_attempts < ?"
					+ " ORDER BY id")
			.param(maxAttempts)
			.query(Long.class)
			.list();
	}

	void mailSent(long id, long at) {
		this.jdbc
			.sql("UPDATE voicemail SET mail_sent_at = ?, mail_attempts = mail_attempts + 1, mail_error = NULL "
					+ "WHERE id = ?")
			.params(at, id)
			.update();
	}

	void mailFailed(long id, String error) {
		String shortened = (error != null && error.length() > 1000) ? error.substring(0, 1000) : error;
		this.jdbc.sql("UPDATE voicemail SET mail_attempts = mail_attempts + 1, mail_error = ? WHERE id = ?")
			.params(shortened, id)
			.update();
	}

	boolean delete(long clientId, long id) {
		return this.jdbc.sql("DELETE FROM voicemail WHERE client_id = ? AND id = ?").params(clientId, id).update() > 0;
	}

}
