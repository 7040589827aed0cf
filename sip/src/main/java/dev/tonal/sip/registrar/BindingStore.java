package dev.tonal.sip.registrar;

import java.time.Instant;
import java.util.List;

/**
 * Where registrations live. The application keeps them in the database, so every node
 * behind a load balancer sees every phone's devices.
 */
public interface BindingStore {

	/** The extension's bindings that have not expired at {@code now}. */
	List<Binding> current(long extensionId, Instant now);

	/** Adds or refreshes the binding of {@code binding.contact()}. */
	void save(long extensionId, Binding binding);

	/** Removes one binding (a device unregistering). */
	void remove(long extensionId, String contact);

	/** Removes every binding of the extension ({@code Contact: *}). */
	void removeAll(long extensionId);

}
