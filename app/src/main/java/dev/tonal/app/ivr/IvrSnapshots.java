package dev.tonal.app.ivr;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.tonal.app.events.ClientConfigChanged;
import dev.tonal.app.events.IvrChanged;
import dev.tonal.model.IvrSnapshot;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The IVR snapshots calls run on (semantics.md rule 3), cached per extension id so that
 * starting a call does not read the database. A snapshot is dropped by {@link IvrChanged}
 * (the store publishes it on every write to the IVR) and by {@link ClientConfigChanged}
 * for its client; the next call loads a fresh one. With PostgreSQL, drops reach the other
 * nodes too ({@link SnapshotDropBus}).
 *
 * <p>
 * Drops happen at once and again after the writing transaction commits: a call starting
 * in between would otherwise cache the state from before the commit. Each drop also
 * counts up a generation of what it dropped (one IVR, one client, or everything), and a
 * load caches its result only if none of its generations moved meanwhile, so that a load
 * racing with a drop cannot keep what it read.
 */
@Component
public class IvrSnapshots {

	private static final String EXTENSION = "extension:";

	private static final String CLIENT = "client:";

	private final IvrSnapshotLoader loader;

	private final SnapshotDropBus bus;

	private final Map<Long, IvrSnapshot> cache = new ConcurrentHashMap<>();

	/**
	 * One counter per IVR and client ever dropped: bounded by the configuration's size.
	 */
	private final Map<String, Long> generations = new ConcurrentHashMap<>();

	IvrSnapshots(IvrSnapshotLoader loader, SnapshotDropBus bus) {
		this.loader = loader;
		this.bus = bus;
		bus.onMessage(this::dropAsAnnounced);
	}

	/** The current snapshot of IVR extension {@code extensionId}, if it is an IVR. */
	public Optional<IvrSnapshot> get(long extensionId) {
		IvrSnapshot cached = this.cache.get(extensionId);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Long> client = this.loader.clientOf(extensionId);
		if (client.isEmpty()) {
			return Optional.empty();
		}
		List<String> keys = List.of(SnapshotDropBus.ALL, CLIENT + client.get(), EXTENSION + extensionId);
		List<Long> before = keys.stream().map(this::generation).toList();
		Optional<IvrSnapshot> loaded = this.loader.load(extensionId);
		if (loaded.isPresent() && keys.stream().map(this::generation).toList().equals(before)) {
			this.cache.putIfAbsent(extensionId, loaded.get());
		}
		return loaded;
	}

	/**
	 * Drops the snapshot of the IVR the store wrote to, now and when the writing
	 * transaction commits, on this node and (through the database) on the others.
	 */
	@EventListener
	void ivrChanged(IvrChanged event) {
		whenCommitted(EXTENSION + event.extensionId());
	}

	/** Drops every snapshot of the client whose configuration changed, on every node. */
	@EventListener
	void clientConfigChanged(ClientConfigChanged event) {
		whenCommitted(CLIENT + event.clientId());
	}

	private void whenCommitted(String drop) {
		dropAsAnnounced(drop);
		this.bus.publish(drop);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					dropAsAnnounced(drop);
				}

			});
		}
	}

	/**
	 * Applies a drop: {@code "extension:<id>"}, {@code "client:<id>"} or {@code "all"},
	 * made here or announced by another node. Other messages drop nothing.
	 */
	private void dropAsAnnounced(String drop) {
		this.generations.merge(drop, 1L, Long::sum);
		if (drop.startsWith(EXTENSION)) {
			this.cache.remove(Long.parseLong(drop.substring(EXTENSION.length())));
		}
		else if (drop.startsWith(CLIENT)) {
			long clientId = Long.parseLong(drop.substring(CLIENT.length()));
			this.cache.values().removeIf((snapshot) -> snapshot.clientId() == clientId);
		}
		else if (SnapshotDropBus.ALL.equals(drop)) {
			this.cache.clear();
		}
	}

	private long generation(String key) {
		return this.generations.getOrDefault(key, 0L);
	}

}
