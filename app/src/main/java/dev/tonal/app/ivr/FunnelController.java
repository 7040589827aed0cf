package dev.tonal.app.ivr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.api.Datetimes;
import dev.tonal.app.api.InputErrors;
import dev.tonal.app.auth.Caller;
import dev.tonal.app.call.StoredTraces;
import dev.tonal.model.ContextConfig;
import dev.tonal.model.IvrSnapshot;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /extension/{eid}/ivr/funnel?from=&to=}: where this IVR's callers went in a
 * period, counted from the stored traces of its calls ({@link Funnel}: every figure
 * counts calls). {@code from}/{@code to} are {@code "YYYY-MM-DD HH:MM:SS"} in the
 * client's timezone, both ends included; either may be left out.
 */
@RestController
@RequestMapping("/api/ver1.0/extension/{eid}/ivr")
class FunnelController {

	private final IvrScope scope;

	private final IvrSnapshots snapshots;

	private final StoredTraces traces;

	FunnelController(IvrScope scope, IvrSnapshots snapshots, StoredTraces traces) {
		this.scope = scope;
		this.snapshots = snapshots;
		this.traces = traces;
	}

	@GetMapping("/funnel")
	Map<String, Object> funnel(Caller caller, @PathVariable long eid,
			@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to) {
		IvrExtension ivr = this.scope.ivr(caller, eid);
		IvrSnapshot snapshot = this.snapshots.get(ivr.id())
			.orElseThrow(() -> ApiException.notFound("extension " + eid));
		String zone = snapshot.clientTimezone();
		InputErrors errors = new InputErrors();
		Instant start = Datetimes.parameter(from, "from", zone, errors);
		Instant last = Datetimes.parameter(to, "to", zone, errors);
		if (start != null && last != null && last.isBefore(start)) {
			errors.add("to", "must not be before from");
		}
		errors.throwIfAny();
		Funnel funnel = new Funnel();
		this.traces.forEach(ivr.clientId(), ivr.id(), start, (last != null) ? last.plusSeconds(1) : null, funnel::add);
		return json(funnel, snapshot, from, to);
	}

	private static Map<String, Object> json(Funnel funnel, IvrSnapshot snapshot, String from, String to) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("extension_id", snapshot.extensionId());
		json.put("from", blankToNull(from));
		json.put("to", blankToNull(to));
		json.put("calls", funnel.calls());
		List<Map<String, Object>> contexts = new ArrayList<>();
		// Every context of the IVR as it is now, counted or not, then contexts that only
		// old calls knew (deleted since).
		Map<Long, Funnel.ContextCounts> counted = new LinkedHashMap<>(funnel.contexts());
		for (ContextConfig config : snapshot.contexts().values()) {
			Funnel.ContextCounts counts = counted.remove(config.context().id());
			contexts.add(context(config.context().id(), config.context().name(), config.options().keySet(), counts));
		}
		counted.forEach((id, counts) -> contexts.add(context(id, null, List.of(), counts)));
		json.put("contexts", contexts);
		List<Map<String, Object>> moves = new ArrayList<>();
		for (Map.Entry<Funnel.Move, Integer> move : funnel.moves()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("from_context", move.getKey().from());
			item.put("from_option", move.getKey().fromOption());
			item.put("to_context", move.getKey().to());
			item.put("to_option", move.getKey().toOption());
			item.put("calls", move.getValue());
			moves.add(item);
		}
		json.put("moves", moves);
		return json;
	}

	private static Map<String, Object> context(long id, String name, Iterable<String> configuredOptions,
			Funnel.ContextCounts counts) {
		Funnel.ContextCounts figures = (counts != null) ? counts : new Funnel.ContextCounts();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("context", id);
		json.put("name", name);
		json.put("entered", figures.entered());
		json.put("timed_out", figures.option("timeout"));
		json.put("invalid", figures.option("invalid"));
		json.put("hung_up", figures.hungUp());
		json.put("transfers", figures.transfers());
		json.put("transfers_answered", figures.transfersAnswered());
		json.put("transfers_failed", figures.transfersFailed());
		Map<String, Integer> options = new LinkedHashMap<>();
		configuredOptions.forEach((digits) -> options.put(digits, figures.option(digits)));
		figures.options().forEach(options::putIfAbsent);
		List<Map<String, Object>> list = new ArrayList<>();
		options.forEach((digits, calls) -> {
			Map<String, Object> option = new LinkedHashMap<>();
			option.put("digits", digits);
			option.put("calls", calls);
			list.add(option);
		});
		json.put("options", list);
		return json;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
