package dev.tonal.app.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /user/}: who the token is. */
@RestController
class UserController {

	@GetMapping("/api/ver1.0/user")
	Map<String, Object> user(Caller caller) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("client_id", caller.clientId());
		user.put("access", caller.access().wire());
		user.put("admin", caller.admin());
		return user;
	}

}
