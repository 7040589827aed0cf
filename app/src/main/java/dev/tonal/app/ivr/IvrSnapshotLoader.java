package dev.tonal.app.ivr;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tonal.app.extension.ExtensionRepository;

import dev.tonal.model.Context;
import dev.tonal.model.ContextConfig;
import dev.tonal.model.Interval;
import dev.tonal.model.IntervalCondition;
import dev.tonal.model.IvrSettings;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.model.Rule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds an {@link IvrSnapshot} from the database: everything a call of one IVR needs,
 * read in one transaction so that the parts agree with each other.
 */
@Component
class IvrSnapshotLoader {

	/**
	 * Prompts are spoken in Russian unless a client chooses otherwise (no such setting
	 * yet).
	 */
	private static final String DEFAULT_LANGUAGE = "ru";

	private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final JdbcClient jdbc;

	private final IvrRepository ivrs;

	private final IvrExtensions extensions;

	private final ExtensionRepository extensionNames;

	private final ObjectMapper json;

	IvrSnapshotLoader(JdbcClient jdbc, IvrRepository ivrs, IvrExtensions extensions, ExtensionRepository extensionNames,
			ObjectMapper json) {
		this.extensionNames = extensionNames;
		this.jdbc = jdbc;
		this.ivrs = ivrs;
		this.extensions = extensions;
		this.json = json;
	}

	/**
	 * The client of IVR extension {@code extensionId}; empty when there is no such IVR.
	 */
	Optional<Long> clientOf(long extensionId) {
		return this.extensions.findIvr(extensionId).map(IvrExtension::clientId);
	}

	/**
	 * The snapshot of IVR extension {@code extensionId}; empty when there is no such IVR.
	 */
	@Transactional(readOnly = true)
	Optional<IvrSnapshot> load(long extensionId) {
		Optional<IvrExtension> found = this.extensions.findIvr(extensionId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		IvrExtension ivr = found.get();
		IvrSettings settings = this.ivrs.settings(extensionId).orElseGet(IvrSettings::defaults);
		String timezone = this.jdbc.sql("SELECT timezone FROM client WHERE id = ?")
			.param(ivr.clientId())
			.query(String.class)
			.single();
		return Optional.of(new IvrSnapshot(ivr.id(), ivr.name(), ivr.clientId(), timezone, DEFAULT_LANGUAGE, settings,
				contexts(extensionId), soundDurations(ivr.clientId()), extensionNames(ivr.clientId()),
				intervals(ivr.clientId())));
	}

	private Map<Long, ContextConfig> contexts(long extensionId) {
		Map<Long, List<Rule>> rulesByOption = this.ivrs.rulesOfIvr(extensionId);
		Map<Long, Map<String, List<Rule>>> optionsByContext = new HashMap<>();
		for (IvrRepository.Option option : this.ivrs.optionsOfIvr(extensionId)) {
			optionsByContext.computeIfAbsent(option.contextId(), (id) -> new LinkedHashMap<>())
				.put(option.digits(), rulesByOption.getOrDefault(option.id(), List.of()));
		}
		Map<Long, ContextConfig> contexts = new LinkedHashMap<>();
		for (Context context : this.ivrs.contexts(extensionId)) {
			contexts.put(context.id(),
					new ContextConfig(context, optionsByContext.getOrDefault(context.id(), Map.of())));
		}
		return contexts;
	}

	private Map<Long, Integer> soundDurations(long clientId) {
		Map<Long, Integer> durations = new HashMap<>();
		this.jdbc.sql("SELECT id, duration_ms FROM sound WHERE client_id = ?")
			.param(clientId)
			.query((rs, n) -> durations.put(rs.getLong("id"), rs.getInt("duration_ms")))
			.list();
		return durations;
	}

	private Set<String> extensionNames(long clientId) {
		return this.extensionNames.namesOf(clientId)
			.stream()
			.map((name) -> name.substring(name.indexOf('*') + 1))
			.collect(Collectors.toSet());
	}

	private Map<Long, Interval> intervals(long clientId) {
		Map<Long, Interval> intervals = new HashMap<>();
		this.jdbc.sql("SELECT id, name, timezone, conditions FROM time_interval WHERE client_id = ?")
			.param(clientId)
			.query((rs, n) -> intervals.put(rs.getLong("id"),
					new Interval(rs.getLong("id"), rs.getString("name"), rs.getString("timezone"),
							conditions(rs.getString("conditions")))))
			.list();
		return intervals;
	}

	/** Conditions stored in the API's wire format (api.md §4); 0 or absent means any. */
	private List<IntervalCondition> conditions(String text) {
		List<IntervalCondition> conditions = new ArrayList<>();
		for (JsonNode c : this.json.readTree(text)) {
			conditions.add(new IntervalCondition(part(c, "start_dow"), part(c, "end_dow"), part(c, "start_mday"),
					part(c, "end_mday"), part(c, "month"), time(c, "start_time"), time(c, "end_time"),
					datetime(c, "start_datetime"), datetime(c, "end_datetime")));
		}
		return conditions;
	}

	private static Integer part(JsonNode condition, String field) {
		JsonNode value = condition.get(field);
		return (value == null || value.isNull() || value.asInt() == 0) ? null : value.asInt();
	}

	private static LocalTime time(JsonNode condition, String field) {
		String text = text(condition, field);
		return (text != null) ? LocalTime.parse(text) : null;
	}

	private static LocalDateTime datetime(JsonNode condition, String field) {
		String text = text(condition, field);
		if (text == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(text, DATETIME);
		}
		catch (DateTimeParseException ex) {
			return LocalDateTime.parse(text);
		}
	}

	private static String text(JsonNode condition, String field) {
		JsonNode value = condition.get(field);
		return (value == null || value.isNull() || value.asString().isBlank()) ? null : value.asString();
	}

}
