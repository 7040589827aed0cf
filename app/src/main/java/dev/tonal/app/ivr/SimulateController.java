package dev.tonal.app.ivr;

import java.time.Clock;
import java.util.Map;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.auth.Caller;
import dev.tonal.engine.EngineSettings;
import dev.tonal.engine.simulation.SimulationInput;
import dev.tonal.engine.simulation.Simulator;
import dev.tonal.model.IvrSnapshot;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /extension/{eid}/ivr/simulate} (semantics.md rule 33): runs the IVR's
 * current configuration in the engine's simulator, on a virtual clock and without SIP,
 * and answers how the call ended with its trace. A read: it changes nothing (and so is a
 * POST only because it takes a script), which is why read-only tokens may call it (the
 * one exception in {@link dev.tonal.app.auth.BearerTokenFilter}).
 */
@RestController
@RequestMapping("/api/ver1.0/extension/{eid}/ivr")
class SimulateController {

	private final IvrScope scope;

	private final IvrSnapshots snapshots;

	private final Clock clock = Clock.systemUTC();

	SimulateController(IvrScope scope, IvrSnapshots snapshots) {
		this.scope = scope;
		this.snapshots = snapshots;
	}

	@PostMapping("/simulate")
	Map<String, Object> simulate(Caller caller, @PathVariable long eid,
			@RequestBody(required = false) Map<String, Object> body) {
		IvrExtension ivr = this.scope.ivr(caller, eid);
		IvrSnapshot snapshot = this.snapshots.get(ivr.id())
			.orElseThrow(() -> ApiException.notFound("extension " + eid));
		SimulationInput input;
		try {
			input = SimulationJson.read(body, this.clock.instant(), snapshot.clientTimezone());
		}
		catch (IllegalArgumentException ex) {
			// The engine's own checks of the script, for anything SimulationJson let
			// through.
			throw ApiException.badRequest(ex.getMessage());
		}
		return SimulationJson.write(new Simulator(snapshot, EngineSettings.defaults()).run(input));
	}

}
