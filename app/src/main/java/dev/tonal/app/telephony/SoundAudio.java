package dev.tonal.app.telephony;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.tonal.app.events.ClientConfigChanged;
import dev.tonal.media.audio.AudioFormatException;
import dev.tonal.media.audio.WavReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audio calls play: each sound's normalised WAV (stored at upload, api.md §3) decoded
 * once into 8 kHz samples and kept in memory by sound id, so a prompt does not read the
 * database while a call runs. Dropped like IVR snapshots: by {@link ClientConfigChanged}
 * (sounds uploaded, replaced or deleted), at once and again when the writing transaction
 * commits.
 *
 * <p>
 * Known limit: with several nodes, a sound replaced on another node stays cached here
 * until this node's next write for that client (the snapshot drop bus is internal to
 * {@code dev.tonal.app.ivr}).
 */
@Component
class SoundAudio {

	private static final Logger log = LoggerFactory.getLogger(SoundAudio.class);

	private record Cached(long clientId, short[] samples) {
	}

	private final JdbcClient jdbc;

	private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

	SoundAudio(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The samples of sound {@code soundId} of client {@code clientId}, if it exists. */
	Optional<short[]> samples(long clientId, long soundId) {
		Cached cached = this.cache.get(soundId);
		if (cached != null && cached.clientId() == clientId) {
			return Optional.of(cached.samples());
		}
		Optional<short[]> loaded = this.jdbc.sql("SELECT wav FROM sound WHERE client_id = ? AND id = ?")
			.params(clientId, soundId)
			.query((rs, n) -> rs.getBytes("wav"))
			.optional()
			.flatMap((wav) -> decode(soundId, wav));
		loaded.ifPresent((samples) -> this.cache.put(soundId, new Cached(clientId, samples)));
		return loaded;
	}

	/**
	 * The samples of the client's sound with this file name or title (Call Interactive
	 * {@code <PlaySound>}), or with this id when the name is a number.
	 */
	Optional<short[]> named(long clientId, String name) {
		Optional<Long> id = this.jdbc.sql(
				"SELECT id FROM sound WHERE client_id = ? AND (filename = ? OR title = ? OR CAST(id AS VARCHAR(20)) = ?) "
						+ "ORDER BY id LIMIT 1")
			.params(clientId, name, name, name)
			.query(Long.class)
			.optional();
		return id.flatMap((soundId) -> samples(clientId, soundId));
	}

	@EventListener
	void clientConfigChanged(ClientConfigChanged event) {
		drop(event.clientId());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					drop(event.clientId());
				}

			});
		}
	}

	private void drop(long clientId) {
		this.cache.values().removeIf((cached) -> cached.clientId() == clientId);
	}

	private static Optional<short[]> decode(long soundId, byte[] wav) {
		try {
			return Optional.of(WavReader.read(wav));
		}
		catch (AudioFormatException ex) {
			log.error("Sound {} cannot be played: its stored audio is not 8 kHz mono 16-bit ({})", soundId,
					ex.getMessage());
			return Optional.empty();
		}
	}

}
