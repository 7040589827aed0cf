package dev.tonal.app.ivr;

import java.util.Optional;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.auth.Caller;
import dev.tonal.app.extension.ExtensionRepository;
import dev.tonal.model.IvrSettings;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Finds the {@code ivr} extension a request names and checks that the caller may use it:
 * another tenant's extension is answered as not found (api.md §1), and an extension of
 * another type has no voice menu.
 */
@Component
class IvrExtensions {

	private record Row(long id, long clientId, String name, String type) {
	}

	private final ExtensionRepository extensions;

	private final IvrRepository ivrs;

	IvrExtensions(ExtensionRepository extensions, IvrRepository ivrs) {
		this.extensions = extensions;
		this.ivrs = ivrs;
	}

	/** The extension {@code eid} if the caller may see it and it is an IVR; else 404. */
	IvrExtension require(Caller caller, long eid) {
		Row row = find(eid).filter((r) -> caller.canSee(r.clientId()))
			.orElseThrow(() -> ApiException.notFound("extension " + eid));
		if (!"ivr".equals(row.type())) {
			throw new ApiException(HttpStatus.NOT_FOUND, "extension " + eid + " is of type " + row.type()
					+ ", not ivr: only ivr extensions have a voice menu (create one with \"type\": \"ivr\")");
		}
		if (this.ivrs.settings(eid).isEmpty()) {
			// An ivr extension always has its settings row (ExtensionCreated); this
			// repairs
			// rows created before that listener existed.
			this.ivrs.insertSettings(eid, IvrSettings.defaults());
		}
		return new IvrExtension(row.id(), row.clientId(), row.name());
	}

	/** The extension {@code eid} whatever the caller, for internal use (snapshots). */
	Optional<IvrExtension> findIvr(long eid) {
		return find(eid).filter((r) -> "ivr".equals(r.type()))
			.map((r) -> new IvrExtension(r.id(), r.clientId(), r.name()));
	}

	private Optional<Row> find(long eid) {
		return this.extensions.byId(eid).map((e) -> new Row(e.id(), e.clientId(), e.name(), e.type().wire()));
	}

}
