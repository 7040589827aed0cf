package dev.tonal.app.ivr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tonal.app.events.IvrChanged;
import dev.tonal.model.BuiltInOption;
import dev.tonal.model.Context;
import dev.tonal.model.IvrSettings;
import dev.tonal.model.LifetimeAction;
import dev.tonal.model.Rule;
import dev.tonal.model.WireEnum;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The IVR tables of {@code V2__ivr.sql}: settings ({@code ivr}), contexts, options and
 * rules (their columns are {@link RuleRows}). Knows nothing about callers or validation;
 * the controllers check those first. Every write publishes {@link IvrChanged} for its
 * IVR.
 */
@Repository
class IvrRepository {

	/** A stored option: its row id and its digits (or built-in name). */
	record Option(long id, long contextId, String digits) {
	}

	/** A stored rule with the option it belongs to. */
	record StoredRule(long optionId, Rule rule) {
	}

	private static final RowMapper<IvrSettings> SETTINGS = (rs, n) -> new IvrSettings(
			rs.getObject("entry_context", Long.class), rs.getInt("lifetime"),
			wire(LifetimeAction.class, rs.getString("lifetime_exp_action")), rs.getString("lifetime_exp_transfer_dst"),
			rs.getInt("sleep_time"), rs.getBoolean("vm_enabled"), rs.getObject("vm_greeting", Long.class),
			rs.getString("vm_mailto"), rs.getBoolean("vm_attach_file"));

	private static final RowMapper<Context> CONTEXT = (rs, n) -> new Context(rs.getLong("id"), rs.getString("name"),
			rs.getInt("timeout"), rs.getInt("inter_digit_timeout"), rs.getInt("digit_len"),
			rs.getBoolean("allow_any_dial"));

	private static final RowMapper<Option> OPTION = (rs, n) -> new Option(rs.getLong("id"), rs.getLong("context_id"),
			rs.getString("digits"));

	private final JdbcClient jdbc;

	private final RuleRows ruleRows;

	private final ApplicationEventPublisher events;

	IvrRepository(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.ruleRows = new RuleRows(json);
		this.events = events;
	}

	/**
	 * Every write ends here: whoever caches the IVR (the snapshot cache) hears of it, in
	 * the writing transaction.
	 */
	private void changed(long extensionId) {
		this.events.publishEvent(new IvrChanged(extensionId));
	}

	// Settings

	Optional<IvrSettings> settings(long extensionId) {
		return this.jdbc.sql("SELECT * FROM ivr WHERE extension_id = ?").param(extensionId).query(SETTINGS).optional();
	}

	void insertSettings(long extensionId, IvrSettings s) {
		this.jdbc
			.sql("INSERT INTO ivr (extension_id, entry_context, lifetime, lifetime_exp_action, "
					+ "lifetime_exp_transfer_dst, sleep_time, vm_enabled, vm_greeting, vm_mailto, vm_attach_file) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(extensionId, s.entryContext(), s.lifetime(), s.lifetimeExpAction().wire(),
					s.lifetimeExpTransferDst(), s.sleepTime(), s.vmEnabled(), s.vmGreeting(), s.vmMailto(),
					s.vmAttachFile())
			.update();
		changed(extensionId);
	}

	void updateSettings(long extensionId, IvrSettings s) {
		this.jdbc
			.sql("UPDATE ivr SET entry_context = ?, lifetime = ?, lifetime_exp_action = ?, "
					+ "lifetime_exp_transfer_dst = ?, sleep_time = ?, vm_enabled = ?, vm_greeting = ?, vm_mailto = ?, "
					+ "vm_attach_file = ? WHERE extension_id = ?")
			.params(s.entryContext(), s.lifetime(), s.lifetimeExpAction().wire(), s.lifetimeExpTransferDst(),
					s.sleepTime(), s.vmEnabled(), s.vmGreeting(), s.vmMailto(), s.vmAttachFile(), extensionId)
			.update();
		changed(extensionId);
	}

	// Contexts

	List<Context> contexts(long extensionId) {
		return this.jdbc.sql("SELECT * FROM ivr_context WHERE extension_id = ? ORDER BY id")
			.param(extensionId)
			.query(CONTEXT)
			.list();
	}

	Optional<Context> context(long extensionId, long contextId) {
		return this.jdbc.sql("SELECT * FROM ivr_context WHERE extension_id = ? AND id = ?")
			.params(extensionId, contextId)
			.query(CONTEXT)
			.optional();
	}

	/** Inserts a context with its built-in options; returns its id. */
	long insertContext(long extensionId, Context c) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO ivr_context (extension_id, name, timeout, inter_digit_timeout, digit_len, allow_any_dial)"
					+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(extensionId, c.name(), c.timeout(), c.interDigitTimeout(), c.digitLen(), c.allowAnyDial())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		for (String builtIn : BuiltInOption.ALL) {
			insertOptionRow(id, builtIn);
		}
		changed(extensionId);
		return id;
	}

	void updateContext(long extensionId, Context c) {
		this.jdbc
			.sql("UPDATE ivr_context SET name = ?, timeout = ?, inter_digit_timeout = ?, digit_len = ?, "
					+ "allow_any_dial = ? WHERE id = ?")
			.params(c.name(), c.timeout(), c.interDigitTimeout(), c.digitLen(), c.allowAnyDial(), c.id())
			.update();
		changed(extensionId);
	}

	void deleteContext(long extensionId, long contextId) {
		this.jdbc.sql("DELETE FROM ivr_context WHERE id = ?").param(contextId).update();
		changed(extensionId);
	}

	// Options

	/**
	 * The options of a context in list order: built-ins first, then custom as created.
	 */
	List<Option> options(long contextId) {
		return this.jdbc.sql("SELECT * FROM ivr_option WHERE context_id = ? ORDER BY position, id")
			.param(contextId)
			.query(OPTION)
			.list();
	}

	Optional<Option> option(long contextId, String digits) {
		return this.jdbc.sql("SELECT * FROM ivr_option WHERE context_id = ? AND digits = ?")
			.params(contextId, digits)
			.query(OPTION)
			.optional();
	}

	void insertOption(long extensionId, long contextId, String digits) {
		insertOptionRow(contextId, digits);
		changed(extensionId);
	}

	private void insertOptionRow(long contextId, String digits) {
		this.jdbc
			.sql("INSERT INTO ivr_option (context_id, digits, position) VALUES (?, ?, "
					+ "(SELECT COALESCE(MAX(position), -1) + 1 FROM ivr_option WHERE context_id = ?))")
			.params(contextId, digits, contextId)
			.update();
	}

	void deleteOption(long extensionId, long optionId) {
		this.jdbc.sql("DELETE FROM ivr_option WHERE id = ?").param(optionId).update();
		changed(extensionId);
	}

	// Rules

	/** The rules of an option in execution order. */
	List<Rule> rules(long optionId) {
		return this.jdbc.sql("SELECT * FROM ivr_rule WHERE option_id = ? ORDER BY position, id")
			.param(optionId)
			.query((rs, n) -> this.ruleRows.rule(rs))
			.list();
	}

	Optional<Rule> rule(long optionId, long ruleId) {
		return this.jdbc.sql("SELECT * FROM ivr_rule WHERE option_id = ? AND id = ?")
			.params(optionId, ruleId)
			.query((rs, n) -> this.ruleRows.rule(rs))
			.optional();
	}

	/**
	 * Every rule of every option of the IVR, keyed by option row id, in execution order.
	 */
	Map<Long, List<Rule>> rulesOfIvr(long extensionId) {
		Map<Long, List<Rule>> byOption = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT r.* FROM ivr_rule r JOIN ivr_option o ON o.id = r.option_id "
					+ "JOIN ivr_context c ON c.id = o.context_id WHERE c.extension_id = ? ORDER BY r.position, r.id")
			.param(extensionId)
			.query((rs, n) -> new StoredRule(rs.getLong("option_id"), this.ruleRows.rule(rs)))
			.list()
			.forEach((stored) -> byOption.computeIfAbsent(stored.optionId(), (k) -> new ArrayList<>())
				.add(stored.rule()));
		return byOption;
	}

	/** Every option of every context of the IVR, in list order. */
	List<Option> optionsOfIvr(long extensionId) {
		return this.jdbc
			.sql("SELECT o.* FROM ivr_option o JOIN ivr_context c ON c.id = o.context_id "
					+ "WHERE c.extension_id = ? ORDER BY o.position, o.id")
			.param(extensionId)
			.query(OPTION)
			.list();
	}

	/** Appends a rule to the option's order; returns its id. */
	long insertRule(long extensionId, long optionId, Rule rule) {
		KeyHolder key = new GeneratedKeyHolder();
		List<Object> params = new ArrayList<>();
		params.add(optionId);
		params.add(optionId);
		params.addAll(this.ruleRows.values(rule));
		this.jdbc
			.sql("INSERT INTO ivr_rule (option_id, position, " + RuleRows.COLUMNS + ") VALUES (?, "
					+ "(SELECT COALESCE(MAX(position), -1) + 1 FROM ivr_rule WHERE option_id = ?), "
					+ RuleRows.PLACEHOLDERS + ")")
			.params(params)
			.update(key, "id");
		changed(extensionId);
		return key.getKeyAs(Long.class);
	}

	void updateRule(long extensionId, long ruleId, Rule rule) {
		List<Object> params = new ArrayList<>(this.ruleRows.values(rule));
		params.add(ruleId);
		this.jdbc.sql("UPDATE ivr_rule SET " + RuleRows.ASSIGNMENTS + " WHERE id = ?").params(params).update();
		changed(extensionId);
	}

	void deleteRule(long extensionId, long ruleId) {
		this.jdbc.sql("DELETE FROM ivr_rule WHERE id = ?").param(ruleId).update();
		changed(extensionId);
	}

	/** Stores the execution order of an option's rules: {@code ruleIds} in that order. */
	void reorder(long extensionId, long optionId, List<Long> ruleIds) {
		for (int position = 0; position < ruleIds.size(); position++) {
			this.jdbc.sql("UPDATE ivr_rule SET position = ? WHERE option_id = ? AND id = ?")
				.params(position, optionId, ruleIds.get(position))
				.update();
		}
		changed(extensionId);
	}

	// References

	/**
	 * Rules of other contexts that jump into {@code contextId} (its own rules go with
	 * it).
	 */
	List<String> jumpsInto(long contextId) {
		return places("r.jump_context = ? AND c.id <> ?", contextId, contextId);
	}

	/**
	 * Rules outside {@code option} that lead to it: jumps naming it, and voice_helper
	 * alternatives of its context choosing it.
	 */
	List<String> referencesTo(Option option) {
		List<String> places = new ArrayList<>(places("r.jump_context = ? AND r.context_option = ? AND o.id <> ?",
				option.contextId(), option.digits(), option.id()));
		String digits = option.digits();
		for (Option sibling : options(option.contextId())) {
			if (sibling.id() == option.id()) {
				continue;
			}
			for (Rule rule : rules(sibling.id())) {
				if (rule.voiceHelperRules() != null
						&& rule.voiceHelperRules().stream().anyMatch((v) -> digits.equals(v.toOption()))) {
					places.add(describe(option.contextId(), sibling.digits(), rule.id()) + " (voice_helper to_option)");
				}
			}
		}
		return places;
	}

	/** IVRs whose entry context is {@code contextId}. */
	List<String> entriesOf(long contextId) {
		return this.jdbc.sql("SELECT extension_id FROM ivr WHERE entry_context = ?")
			.param(contextId)
			.query((rs, n) -> "entry_context of extension " + rs.getLong("extension_id"))
			.list();
	}

	List<String> usesOfSound(long soundId) {
		List<String> uses = new ArrayList<>(places("r.sound = ? OR r.record_digits_sound = ?", soundId, soundId));
		uses.addAll(this.jdbc.sql("SELECT extension_id FROM ivr WHERE vm_greeting = ?")
			.param(soundId)
			.query((rs, n) -> "vm_greeting of extension " + rs.getLong("extension_id"))
			.list());
		return uses;
	}

	List<String> usesOfInterval(long intervalId) {
		return places("r.interval_id = ?", intervalId);
	}

	private List<String> places(String condition, Object... params) {
		return this.jdbc
			.sql("SELECT c.extension_id, c.id AS context_id, o.digits, r.id AS rule_id FROM ivr_rule r "
					+ "JOIN ivr_option o ON o.id = r.option_id JOIN ivr_context c ON c.id = o.context_id WHERE "
					+ condition + " ORDER BY r.id")
			.params(params)
			.query((rs, n) -> "extension " + rs.getLong("extension_id") + ", "
					+ describe(rs.getLong("context_id"), rs.getString("digits"), rs.getLong("rule_id")))
			.list();
	}

	private static String describe(long contextId, String digits, Long ruleId) {
		return "context " + contextId + ", option " + digits + ", rule " + ruleId;
	}

	private static <E extends Enum<E> & WireEnum> E wire(Class<E> type, String text) {
		return (text != null) ? WireEnum.parse(type, text).orElseThrow() : null;
	}

}
