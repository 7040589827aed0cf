package dev.tonal.app.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.tonal.app.extension.ExtensionRepository;
import dev.tonal.app.extension.ExtensionStatus;
import dev.tonal.app.extension.ExtensionType;
import dev.tonal.sip.registrar.Binding;
import dev.tonal.sip.registrar.BindingStore;
import dev.tonal.sip.registrar.PhoneAccount;
import dev.tonal.sip.registrar.PhoneAccounts;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Phone extensions (name, HA1, status, from {@link ExtensionRepository}) and their
 * registered devices in the database: the {@code registration} table.
 */
@Repository
public class JdbcRegistrations implements BindingStore, PhoneAccounts {

	private static final RowMapper<Binding> BINDING = (rs, n) -> new Binding(rs.getString("contact"),
			Instant.ofEpochMilli(rs.getLong("expires_at")), rs.getString("source"), rs.getString("user_agent"),
			rs.getString("call_id"), rs.getLong("cseq"));

	private final JdbcClient jdbc;

	private final ExtensionRepository extensions;

	JdbcRegistrations(JdbcClient jdbc, ExtensionRepository extensions) {
		this.jdbc = jdbc;
		this.extensions = extensions;
	}

	@Override
	public Optional<PhoneAccount> find(String name) {
		return this.extensions.byName(name)
			.filter((extension) -> extension.type() == ExtensionType.PHONE)
			.map((phone) -> new PhoneAccount(phone.id(), phone.name(), this.extensions.sipHa1(phone.id()).orElse(null),
					phone.status() == ExtensionStatus.BLOCKED));
	}

	@Override
	public List<Binding> current(long extensionId, Instant now) {
		return this.jdbc
			.sql("SELECT contact, expires_at, source, user_agent, call_id, cseq FROM registration "
					+ "WHERE extension_id = ? AND expires_at > ? ORDER BY id")
			.params(extensionId, now.toEpochMilli())
			.query(BINDING)
			.list();
	}

	@Override
	@Transactional
	public void save(long extensionId, Binding binding) {
		// Lapsed bindings of this extension go when it registers again: no sweeper
		// needed.
		this.jdbc.sql("DELETE FROM registration WHERE extension_id = ? AND (contact = ? OR expires_at <= ?)")
			.params(extensionId, binding.contact(), Instant.now().toEpochMilli())
			.update();
		this.jdbc
			.sql("INSERT INTO registration (extension_id, contact, expires_at, source, user_agent, call_id, cseq) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(extensionId, binding.contact(), binding.expiresAt().toEpochMilli(), clip(binding.source()),
					clip(binding.userAgent()), clip(binding.callId()), binding.cseq())
			.update();
	}

	@Override
	public void remove(long extensionId, String contact) {
		this.jdbc.sql("DELETE FROM registration WHERE extension_id = ? AND contact = ?")
			.params(extensionId, contact)
			.update();
	}

	@Override
	public void removeAll(long extensionId) {
		this.jdbc.sql("DELETE FROM registration WHERE extension_id = ?").param(extensionId).update();
	}

	private static String clip(String text) {
		String value = (text != null) ? text : "";
		return (value.length() > 255) ? value.substring(0, 255) : value;
	}

}
