package dev.tonal.app.callevent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.api.InputErrors;
import dev.tonal.app.api.JsonFields;
import dev.tonal.app.auth.Caller;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Call-event subscriptions of an extension (api.md §9): {@code /extension/{eid}/event/}.
 * An extension of another client is 404, like everything else of another tenant.
 */
@RestController
@RequestMapping("/api/ver1.0/extension/{eid}/event")
class EventSubscriptionController {

	private static final Set<String> METHODS = Set.of("GET", "POST");

	private final EventSubscriptionRepository subscriptions;

	EventSubscriptionController(EventSubscriptionRepository subscriptions) {
		this.subscriptions = subscriptions;
	}

	@PostMapping
	ResponseEntity<EventSubscriptionRepository.Subscription> create(Caller caller, @PathVariable long eid,
			@RequestBody JsonNode body) {
		long client = extensionClient(caller, eid);
		InputErrors errors = new InputErrors();
		JsonFields fields = JsonFields.of(body, errors);
		String url = checkUrl(fields.text("url"), errors);
		String method = fields.text("method");
		method = (method == null) ? "POST" : method.trim().toUpperCase(Locale.ROOT);
		if (!METHODS.contains(method)) {
			errors.add("method", "must be GET (fields in the query string) or POST (form fields)");
		}
		String eventType = fields.text("event_type");
		if (eventType == null || CallEventType.parse(eventType).isEmpty()) {
			errors.add("event_type", "required: one of dial-in, dial-out, answer, hangup");
		}
		errors.throwIfAny();
		long id = this.subscriptions.insert(client, eid, url, method, eventType);
		return ResponseEntity.status(HttpStatus.CREATED).body(subscription(eid, id));
	}

	@GetMapping
	List<EventSubscriptionRepository.Subscription> list(Caller caller, @PathVariable long eid) {
		extensionClient(caller, eid);
		return this.subscriptions.list(eid);
	}

	@GetMapping("/{id}")
	EventSubscriptionRepository.Subscription get(Caller caller, @PathVariable long eid, @PathVariable long id) {
		extensionClient(caller, eid);
		return subscription(eid, id);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable long eid, @PathVariable long id) {
		extensionClient(caller, eid);
		this.subscriptions.delete(subscription(eid, id).id());
		return ResponseEntity.noContent().build();
	}

	/** The extension's client, when the caller may see it; 404 otherwise. */
	private long extensionClient(Caller caller, long eid) {
		return this.subscriptions.extensionClient(eid)
			.filter(caller::canSee)
			.orElseThrow(() -> ApiException.notFound("extension " + eid));
	}

	private EventSubscriptionRepository.Subscription subscription(long eid, long id) {
		return this.subscriptions.find(eid, id)
			.orElseThrow(() -> ApiException.notFound("event subscription " + id + " of extension " + eid));
	}

	private static String checkUrl(String url, InputErrors errors) {
		String problem = "required: the http:// or https:// URL to send the events to";
		if (url == null) {
			errors.add("url", problem);
			return null;
		}
		try {
			URI uri = new URI(url.trim());
			if (uri.getHost() == null
					|| !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					|| url.length() > 2048) {
				errors.add("url", problem);
			}
		}
		catch (URISyntaxException ex) {
			errors.add("url", problem);
		}
		return url.trim();
	}

}
