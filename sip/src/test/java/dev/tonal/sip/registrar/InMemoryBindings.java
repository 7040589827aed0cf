package dev.tonal.sip.registrar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Phone accounts and bindings in memory, for tests of the registrar and of transfers. */
public final class InMemoryBindings implements BindingStore, PhoneAccounts {

	private final Map<String, PhoneAccount> accounts = new ConcurrentHashMap<>();

	private final Map<Long, Map<String, Binding>> bindings = new ConcurrentHashMap<>();

	/** Adds a phone extension with this password in {@code realm}. */
	public PhoneAccount addPhone(long id, String name, String realm, String password) {
		PhoneAccount account = new PhoneAccount(id, name, DigestAuthenticator.md5(name + ":" + realm + ":" + password),
				false);
		this.accounts.put(name, account);
		return account;
	}

	/** Replaces an account (e.g. to block it). */
	public void put(PhoneAccount account) {
		this.accounts.put(account.name(), account);
	}

	@Override
	public Optional<PhoneAccount> find(String name) {
		return Optional.ofNullable(this.accounts.get(name));
	}

	@Override
	public List<Binding> current(long extensionId, Instant now) {
		List<Binding> result = new ArrayList<>();
		for (Binding binding : this.bindings.getOrDefault(extensionId, Map.of()).values()) {
			if (binding.expiresAt().isAfter(now)) {
				result.add(binding);
			}
		}
		return result;
	}

	@Override
	public void save(long extensionId, Binding binding) {
		this.bindings.computeIfAbsent(extensionId, (id) -> new ConcurrentHashMap<>()).put(binding.contact(), binding);
	}

	@Override
	public void remove(long extensionId, String contact) {
		this.bindings.getOrDefault(extensionId, Map.of()).remove(contact);
	}

	@Override
	public void removeAll(long extensionId) {
		this.bindings.remove(extensionId);
	}

}
