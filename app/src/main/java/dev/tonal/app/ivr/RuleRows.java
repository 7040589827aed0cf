package dev.tonal.app.ivr;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tonal.model.Rule;
import dev.tonal.model.RuleField;
import dev.tonal.model.VoiceHelperRule;
import dev.tonal.model.WireEnum;
import dev.tonal.model.validation.RuleJson;
import tools.jackson.databind.ObjectMapper;

/**
 * A {@link Rule} as a row of {@code ivr_rule}, one column per {@link RuleField}: the
 * column lists, the values to write, and the row mapping all come from the table, so a
 * new rule field needs only its column added by a migration.
 */
final class RuleRows {

	/**
	 * Columns whose name is not the field's JSON name, because SQL reserves that name.
	 */
	private static final Map<RuleField, String> RENAMED = Map.of(RuleField.CONTEXT, "jump_context", RuleField.INTERVAL,
			"interval_id");

	/** The writable columns, in table order, separated by ", ". */
	static final String COLUMNS = String.join(", ", RuleField.writable().stream().map(RuleRows::column).toList());

	/** "?, ?, …", one per writable column. */
	static final String PLACEHOLDERS = String.join(", ", RuleField.writable().stream().map((f) -> "?").toList());

	/** "action = ?, sound = ?, …", for UPDATE. */
	static final String ASSIGNMENTS = String.join(", ",
			RuleField.writable().stream().map((f) -> column(f) + " = ?").toList());

	private final ObjectMapper json;

	RuleRows(ObjectMapper json) {
		this.json = json;
	}

	static String column(RuleField field) {
		return RENAMED.getOrDefault(field, field.json());
	}

	/** The values of {@link #COLUMNS}, in that order. */
	List<Object> values(Rule rule) {
		List<Object> values = new ArrayList<>();
		for (RuleField field : RuleField.writable()) {
			Object value = field.of(rule);
			if (value instanceof WireEnum choice) {
				value = choice.wire();
			}
			else if (value != null && field.type() == RuleField.Type.VOICE_HELPER_RULES) {
				value = this.json.writeValueAsString(RuleJson.writeVoiceHelperRules(rule.voiceHelperRules()));
			}
			values.add(value);
		}
		return values;
	}

	/** The rule of the current row; the row was written by {@link #values}. */
	Rule rule(ResultSet rs) throws SQLException {
		Rule.Builder rule = Rule.builder(null);
		for (RuleField field : RuleField.values()) {
			rule.set(field, read(rs, field));
		}
		return rule.build();
	}

	private Object read(ResultSet rs, RuleField field) throws SQLException {
		String column = column(field);
		return switch (field.type()) {
			case ID -> rs.getObject(column, Long.class);
			case NUMBER -> rs.getObject(column, Integer.class);
			case FLAG, BOOLEAN -> rs.getObject(column, Boolean.class);
			case TEXT, VALUE, HTTP_METHOD -> rs.getString(column);
			case CHOICE -> choice(field, rs.getString(column));
			case VOICE_HELPER_RULES -> voiceHelperRules(rs.getString(column));
		};
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object choice(RuleField field, String wire) {
		Optional<?> parsed = (wire != null) ? WireEnum.parse((Class) field.javaType(), wire) : Optional.empty();
		return (wire != null) ? parsed.orElseThrow() : null;
	}

	private List<VoiceHelperRule> voiceHelperRules(String text) {
		if (text == null) {
			return null;
		}
		// Stored by this class from validated rules, so it always reads back cleanly.
		return RuleJson.readVoiceHelperRules(this.json.readValue(text, List.class)).value();
	}

}
