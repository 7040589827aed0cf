package dev.tonal.app.sound;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code sound} table. Reads of metadata never load the audio columns, which can be
 * megabytes each.
 */
@Repository
class SoundRepository {

	/** A sound's metadata; {@code created} is epoch milliseconds. */
	record Sound(long id, long clientId, String title, String filename, int durationMs, long created) {
	}

	/** Uploaded audio: the original as received and the normalised WAV calls play. */
	record Audio(String filename, byte[] original, String contentType, byte[] wav, int durationMs) {
	}

	private static final String COLUMNS = "id, client_id, title, filename, duration_ms, created";

	private static final RowMapper<Sound> ROW = (rs, n) -> new Sound(rs.getLong("id"), rs.getLong("client_id"),
			rs.getString("title"), rs.getString("filename"), rs.getInt("duration_ms"), rs.getLong("created"));

	private final JdbcClient jdbc;

	SoundRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long clientId, String title, Audio audio, long created) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO sound (client_id, title, filename, duration_ms, created, original, "
					+ "original_content_type, wav) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(clientId, title, audio.filename(), audio.durationMs(), created, audio.original(),
					audio.contentType(), audio.wav())
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	Optional<Sound> find(long clientId, long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM sound WHERE client_id = ? AND id = ?")
			.params(clientId, id)
			.query(ROW)
			.optional();
	}

	/**
	 * The client's sounds, optionally only those with one of {@code ids} or
	 * {@code titles}.
	 */
	List<Sound> list(long clientId, List<Long> ids, List<String> titles) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM sound WHERE client_id = :client");
		if (!ids.isEmpty()) {
			sql.append(" AND id IN (:ids)");
		}
		if (!titles.isEmpty()) {
			sql.append(" AND title IN (:titles)");
		}
		return this.jdbc.sql(sql.append(" ORDER BY id").toString())
			.param("client", clientId)
			.param("ids", ids)
			.param("titles", titles)
			.query(ROW)
			.list();
	}

	void updateTitle(long id, String title) {
		this.jdbc.sql("UPDATE sound SET title = ? WHERE id = ?").params(title, id).update();
	}

	void replaceAudio(long id, Audio audio) {
		this.jdbc
			.sql("UPDATE sound SET filename = ?, duration_ms = ?, original = ?, original_content_type = ?, wav = ? "
					+ "WHERE id = ?")
			.params(audio.filename(), audio.durationMs(), audio.original(), audio.contentType(), audio.wav(), id)
			.update();
	}

	Optional<byte[]> wav(long clientId, long id) {
		return this.jdbc.sql("SELECT wav FROM sound WHERE client_id = ? AND id = ?")
			.params(clientId, id)
			.query((rs, n) -> rs.getBytes("wav"))
			.optional();
	}

	void delete(long id) {
		this.jdbc.sql("DELETE FROM sound WHERE id = ?").param(id).update();
	}

}
