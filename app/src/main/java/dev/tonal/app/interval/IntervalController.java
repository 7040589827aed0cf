package dev.tonal.app.interval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.api.InputErrors;
import dev.tonal.app.api.Timezones;
import dev.tonal.app.auth.Caller;
import dev.tonal.app.client.Client;
import dev.tonal.app.client.ClientRepository;
import dev.tonal.app.events.ClientConfigChanged;
import dev.tonal.app.events.ConfigReferences;
import dev.tonal.model.validation.JsonInput;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Time intervals of a client (api.md §4): {@code /client/{cid}/interval/}. PUT is
 * partial; {@code conditions}, when given, replace the old ones. Deleting an interval
 * that rules still use answers 409 naming them.
 */
@RestController
@RequestMapping("/api/ver1.0/client/{cid}/interval")
class IntervalController {

	private static final int MAX_NAME = 255;

	private final IntervalRepository intervals;

	private final ClientRepository clients;

	private final ObjectProvider<ConfigReferences> references;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	IntervalController(IntervalRepository intervals, ClientRepository clients,
			ObjectProvider<ConfigReferences> references, ApplicationEventPublisher events, JsonMapper json) {
		this.intervals = intervals;
		this.clients = clients;
		this.references = references;
		this.events = events;
		this.json = json;
	}

	@PostMapping
	@Transactional
	ResponseEntity<Map<String, Object>> create(Caller caller, @PathVariable String cid,
			@RequestBody Map<String, Object> body) {
		Client client = client(caller, cid);
		InputErrors errors = new InputErrors();
		JsonInput fields = errors.read(body);
		String name = checkName(fields.string("name", null), errors);
		String timezone = checkTimezone(fields.string("timezone", client.timezone()), errors);
		List<Map<String, Object>> conditions = IntervalConditions.of(fields, errors);
		errors.throwIfAny();
		long id = this.intervals.insert(client.id(), name, timezone, this.json.writeValueAsString(conditions));
		this.events.publishEvent(new ClientConfigChanged(client.id()));
		return ResponseEntity.status(HttpStatus.CREATED).body(view(interval(client, id)));
	}

	@GetMapping
	List<Map<String, Object>> list(Caller caller, @PathVariable String cid) {
		return this.intervals.list(client(caller, cid).id()).stream().map(this::view).toList();
	}

	@GetMapping("/{id}")
	Map<String, Object> get(Caller caller, @PathVariable String cid, @PathVariable long id) {
		return view(interval(client(caller, cid), id));
	}

	@PutMapping("/{id}")
	@Transactional
	Map<String, Object> update(Caller caller, @PathVariable String cid, @PathVariable long id,
			@RequestBody Map<String, Object> body) {
		Client client = client(caller, cid);
		IntervalRepository.StoredInterval current = interval(client, id);
		InputErrors errors = new InputErrors();
		JsonInput fields = errors.read(body);
		String name = fields.has("name") ? checkName(fields.string("name", null), errors) : current.name();
		String timezone = fields.has("timezone") ? checkTimezone(fields.string("timezone", null), errors)
				: current.timezone();
		String conditions = current.conditionsJson();
		if (fields.has("conditions")) {
			conditions = this.json.writeValueAsString(IntervalConditions.of(fields, errors));
		}
		errors.throwIfAny();
		this.intervals.update(new IntervalRepository.StoredInterval(id, client.id(), name, timezone, conditions));
		this.events.publishEvent(new ClientConfigChanged(client.id()));
		return view(interval(client, id));
	}

	@DeleteMapping("/{id}")
	@Transactional
	ResponseEntity<Void> delete(Caller caller, @PathVariable String cid, @PathVariable long id) {
		Client client = client(caller, cid);
		interval(client, id);
		List<String> uses = this.references.getIfAvailable(ConfigReferences::none).usesOfInterval(id);
		if (!uses.isEmpty()) {
			throw ApiException
				.conflict("interval " + id + " is still used by: " + String.join("; ", uses) + ". Change those first");
		}
		this.intervals.delete(id);
		this.events.publishEvent(new ClientConfigChanged(client.id()));
		return ResponseEntity.noContent().build();
	}

	private Client client(Caller caller, String cid) {
		return this.clients.get(caller.client(cid));
	}

	private IntervalRepository.StoredInterval interval(Client client, long id) {
		return this.intervals.find(client.id(), id).orElseThrow(() -> ApiException.notFound("interval " + id));
	}

	private Map<String, Object> view(IntervalRepository.StoredInterval interval) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", interval.id());
		view.put("name", interval.name());
		view.put("timezone", interval.timezone());
		view.put("conditions", this.json.readTree(interval.conditionsJson()));
		return view;
	}

	private static String checkName(String name, InputErrors errors) {
		if (name == null || name.isBlank()) {
			errors.add("name", "required: a name for the interval");
		}
		else if (name.length() > MAX_NAME) {
			errors.add("name", "must be at most " + MAX_NAME + " characters");
		}
		return name;
	}

	private static String checkTimezone(String timezone, InputErrors errors) {
		if (!Timezones.isKnown(timezone)) {
			errors.add("timezone", (timezone == null) ? "must be an IANA timezone name such as \"Europe/Moscow\""
					: Timezones.unknownMessage(timezone));
		}
		return timezone;
	}

}
