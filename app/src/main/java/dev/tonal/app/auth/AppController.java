package dev.tonal.app.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.api.InputErrors;
import dev.tonal.app.client.ClientRepository;
import dev.tonal.model.WireEnum;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Apps of a client (admin only): {@code /client/{cid}/app/}. A new app's secret is in the
 * 201 response only; deleting an app revokes its tokens.
 */
@RestController
@RequestMapping("/api/ver1.0/client/{cid}/app")
class AppController {

	/** The body of {@code POST /client/{cid}/app/}. */
	record NewApp(String name, String access) {
	}

	private final AppRepository apps;

	private final ClientRepository clients;

	AppController(AppRepository apps, ClientRepository clients) {
		this.apps = apps;
		this.clients = clients;
	}

	@PostMapping
	@Transactional
	ResponseEntity<Map<String, Object>> create(Caller caller, @PathVariable String cid, @RequestBody NewApp body) {
		long clientId = adminsClient(caller, cid);
		InputErrors errors = new InputErrors();
		if (body.name() == null || body.name().isBlank()) {
			errors.add("name", "required: a name for the app");
		}
		Access access = (body.access() == null) ? Access.FULL
				: WireEnum.parse(Access.class, body.access()).orElse(null);
		if (access == null) {
			errors.add("access", "must be one of: " + WireEnum.choices(Access.class));
		}
		errors.throwIfAny();
		String appId = "app-" + Secrets.random(12);
		String secret = Secrets.random(24);
		long id = this.apps.insert(clientId, body.name(), access, false, appId, Secrets.hashSecret(secret));
		Map<String, Object> created = view(
				new AppRepository.App(id, clientId, body.name(), access, false, appId, null));
		created.put("app_secret", secret);
		return ResponseEntity.status(HttpStatus.CREATED).body(created);
	}

	@GetMapping
	List<Map<String, Object>> list(Caller caller, @PathVariable String cid) {
		return this.apps.listOfClient(adminsClient(caller, cid)).stream().map(AppController::view).toList();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String cid, @PathVariable long id) {
		if (!this.apps.delete(adminsClient(caller, cid), id)) {
			throw ApiException.notFound("app " + id);
		}
		return ResponseEntity.noContent().build();
	}

	private long adminsClient(Caller caller, String cid) {
		caller.requireAdmin();
		long clientId = caller.client(cid);
		if (!this.clients.exists(clientId)) {
			throw ApiException.notFound("client " + cid);
		}
		return clientId;
	}

	private static Map<String, Object> view(AppRepository.App app) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", app.id());
		view.put("client_id", app.clientId());
		view.put("name", app.name());
		view.put("access", app.access().wire());
		view.put("app_id", app.publicId());
		return view;
	}

}
