package dev.tonal.app.extension;

import java.util.List;
import java.util.Map;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.api.InputErrors;
import dev.tonal.app.client.Client;
import dev.tonal.app.config.TonalProperties;
import dev.tonal.app.events.ClientConfigChanged;
import dev.tonal.app.events.ClientDeleting;
import dev.tonal.app.events.ExtensionCreated;
import dev.tonal.model.WireEnum;
import dev.tonal.model.validation.JsonInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of extensions (api.md §2): names, types, statuses and the write-only SIP
 * password of phones. Writes announce themselves ({@link ExtensionCreated} inside the
 * transaction, so the IVR package creates an IVR's defaults atomically, and
 * {@link ClientConfigChanged}).
 */
@Service
class ExtensionService {

	/** An extension just created, with its password when the server generated it. */
	record Created(Extension extension, String generatedPassword) {
	}

	private final ExtensionRepository extensions;

	private final ApplicationEventPublisher events;

	private final String realm;

	ExtensionService(ExtensionRepository extensions, ApplicationEventPublisher events, TonalProperties properties) {
		this.extensions = extensions;
		this.events = events;
		this.realm = properties.sip().realm();
	}

	/** A client's extensions go before the client (the table does not cascade). */
	@EventListener
	void clientDeleting(ClientDeleting event) {
		this.extensions.deleteOfClient(event.clientId());
	}

	@Transactional
	Created create(Client client, Map<String, Object> body) {
		InputErrors errors = new InputErrors();
		JsonInput fields = errors.read(body);
		String name = fullName(client, fields.string("name", null), errors);
		ExtensionType type = required(fields, "type", ExtensionType.class, errors,
				"unsupported extension type: use one of: " + WireEnum.choices(ExtensionType.class));
		ExtensionStatus status = fields.has("status") ? required(fields, "status", ExtensionStatus.class, errors,
				"must be one of: " + WireEnum.choices(ExtensionStatus.class)) : ExtensionStatus.ACTIVE;
		String label = fields.string("label", null);
		Long groupId = fields.whole("extension_group_id", null);
		String extraParams = fields.string("extra_params", null);
		String password = fields.string("password", null);
		checkPassword(type, password, errors);
		errors.throwIfAny();
		String generated = (type == ExtensionType.PHONE && password == null) ? SipPasswords.generate() : null;
		String ha1 = (type == ExtensionType.PHONE)
				? SipPasswords.ha1(name, this.realm, (generated != null) ? generated : password) : null;
		Extension draft = new Extension(0, client.id(), name, type, status, label, groupId, extraParams);
		long id;
		try {
			id = this.extensions.insert(draft, ha1);
		}
		catch (DuplicateKeyException ex) {
			throw ApiException.conflict("extension " + name + " already exists in this client: choose another name");
		}
		Extension created = this.extensions.find(client.id(), id).orElseThrow();
		this.events.publishEvent(new ExtensionCreated(id, client.id(), type.wire()));
		this.events.publishEvent(new ClientConfigChanged(client.id()));
		return new Created(created, generated);
	}

	/** A partial update: absent fields keep their value; name and type cannot change. */
	@Transactional
	Extension update(Client client, Extension current, Map<String, Object> body) {
		InputErrors errors = new InputErrors();
		JsonInput fields = errors.read(body);
		if (fields.has("name")) {
			String name = fields.string("name", null);
			if (name != null && !name.equals(current.name())
					&& !client.fullExtensionName(name).equals(current.name())) {
				errors.add("name", "an extension cannot be renamed: delete it and create " + name);
			}
		}
		if (fields.has("type")) {
			String type = fields.string("type", null);
			if (type != null && !type.equals(current.type().wire())) {
				errors.add("type", "the type of an extension cannot be changed: delete it and create a new one");
			}
		}
		ExtensionStatus status = fields.has("status") ? required(fields, "status", ExtensionStatus.class, errors,
				"must be one of: " + WireEnum.choices(ExtensionStatus.class)) : current.status();
		String label = fields.string("label", current.label());
		Long groupId = fields.whole("extension_group_id", current.extensionGroupId());
		String extraParams = fields.string("extra_params", current.extraParams());
		String password = fields.string("password", null);
		if (password != null) {
			checkPassword(current.type(), password, errors);
		}
		errors.throwIfAny();
		Extension updated = new Extension(current.id(), current.clientId(), current.name(), current.type(), status,
				label, groupId, extraParams);
		this.extensions.update(updated);
		if (password != null) {
			this.extensions.updateSipHa1(current.id(), SipPasswords.ha1(current.name(), this.realm, password));
		}
		this.events.publishEvent(new ClientConfigChanged(client.id()));
		return updated;
	}

	/** Deletes an extension and its IVR; refused while DIDs still route to it. */
	@Transactional
	void delete(Extension extension) {
		List<String> dids = this.extensions.didsOf(extension.id());
		if (!dids.isEmpty()) {
			throw ApiException.conflict("extension " + extension.name() + " is the destination of DID "
					+ String.join(", ", dids) + ": delete those DIDs or route them elsewhere first");
		}
		this.extensions.delete(extension.id());
		this.events.publishEvent(new ClientConfigChanged(extension.clientId()));
	}

	/**
	 * The stored name for an input name: bare ({@code "071"}) or full
	 * ({@code "000*071"}); the bare part must have exactly the client's extension length
	 * in digits.
	 */
	private static String fullName(Client client, String input, InputErrors errors) {
		if (input == null) {
			errors.add("name", "required: " + client.extensionLength() + " digits, e.g. \""
					+ "0".repeat(client.extensionLength() - 1) + "1\"");
			return null;
		}
		String bare = input;
		int star = input.indexOf('*');
		if (star >= 0) {
			if (!input.substring(0, star).equals(client.prefix())) {
				errors.add("name", "\"" + input + "\" has a prefix other than this client's (" + client.prefix()
						+ "): send the bare name or " + client.prefix() + "*name");
				return null;
			}
			bare = input.substring(star + 1);
		}
		if (!bare.matches("[0-9]{" + client.extensionLength() + "}")) {
			errors.add("name", "must be exactly " + client.extensionLength() + " digits (this client's extension "
					+ "length), optionally preceded by \"" + client.prefix() + "*\"; got \"" + input + "\"");
			return null;
		}
		return client.fullExtensionName(bare);
	}

	private static void checkPassword(ExtensionType type, String password, InputErrors errors) {
		if (password == null) {
			return;
		}
		if (type == ExtensionType.IVR) {
			errors.add("password", "only phone extensions have a password: remove it");
		}
		else if (password.length() < SipPasswords.MIN_LENGTH || password.length() > SipPasswords.MAX_LENGTH) {
			errors.add("password", "must be " + SipPasswords.MIN_LENGTH + " to " + SipPasswords.MAX_LENGTH
					+ " characters long; omit it to have one generated");
		}
	}

	private static <E extends Enum<E> & WireEnum> E required(JsonInput fields, String field, Class<E> type,
			InputErrors errors, String message) {
		String value = fields.string(field, null);
		E parsed = WireEnum.parse(type, value).orElse(null);
		if (parsed == null) {
			errors.add(field, (value == null) ? "required: one of " + WireEnum.choices(type) : message);
		}
		return parsed;
	}

}
