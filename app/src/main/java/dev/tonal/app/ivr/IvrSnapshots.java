package dev.tonal.app.ivr;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.tonal.app.events.ClientConfigChanged;
import dev.tonal.model.IvrSnapshot;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The IVR snapshots calls run on (semantics.md rule 3), cached per extension id so that
 * starting a call does not read the database. A snapshot is dropped by every write to its
 * IVR and by {@link ClientConfigChanged} for its client; the next call loads a fresh one.
 *
 * <p>
 * Drops happen at once and again after the writing transaction commits: a call starting
 * in between would otherwise cache the state from before the commit. A generation counter
 * keeps a load that raced with a drop from caching what it read.
 */
@Component
public class IvrSnapshots {

	private final IvrSnapshotLoader loader;

	private final Map<Long, IvrSnapshot> cache = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	IvrSnapshots(IvrSnapshotLoader loader) {
		this.loader = loader;
	}

	/** The current snapshot of IVR extension {@code extensionId}, if it is an IVR. */
	public Optional<IvrSnapshot> get(long extensionId) {
		IvrSnapshot cached = this.cache.get(extensionId);
		if (cached != null) {
			return Optional.of(cached);
		}
		long before = this.generation.get();
		Optional<IvrSnapshot> loaded = this.loader.load(extensionId);
		if (loaded.isPresent() && this.generation.get() == before) {
			this.cache.putIfAbsent(extensionId, loaded.get());
		}
		return loaded;
	}

	/** Drops the snapshot of one IVR, now and when the current transaction commits. */
	void invalidate(long extensionId) {
		whenCommitted(() -> this.cache.remove(extensionId));
	}

	/** Drops every snapshot of the client whose configuration changed. */
	@EventListener
	void clientConfigChanged(ClientConfigChanged event) {
		whenCommitted(() -> this.cache.values().removeIf((s) -> s.clientId() == event.clientId()));
	}

	private void whenCommitted(Runnable drop) {
		this.generation.incrementAndGet();
		drop.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					IvrSnapshots.this.generation.incrementAndGet();
					drop.run();
				}

			});
		}
	}

}
