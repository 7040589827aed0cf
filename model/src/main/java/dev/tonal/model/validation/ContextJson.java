package dev.tonal.model.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tonal.model.Context;

/**
 * The JSON shape of a context (api.md §7): its field names, reading (over a base, so that
 * a partial PUT keeps absent fields) and writing.
 */
public final class ContextJson {

	public static final String ID = "id";

	public static final String NAME = "name";

	public static final String TIMEOUT = "timeout";

	public static final String INTER_DIGIT_TIMEOUT = "inter_digit_timeout";

	public static final String DIGIT_LEN = "digit_len";

	public static final String ALLOW_ANY_DIAL = "allow_any_dial";

	private ContextJson() {
	}

	/**
	 * Reads {@code json} over {@code base}: absent fields keep the base's value,
	 * {@code id} is read-only. Reports type errors only; see {@link ContextValidator}.
	 */
	public static Validated<Context> read(Map<String, ?> json, Context base) {
		JsonInput in = new JsonInput(json, "", new ArrayList<>());
		String name = in.string(NAME, base.name());
		Context context = new Context(base.id(), name, in.requiredInt(TIMEOUT, base.timeout()),
				in.requiredInt(INTER_DIGIT_TIMEOUT, base.interDigitTimeout()),
				in.requiredInt(DIGIT_LEN, base.digitLen()), in.requiredBool(ALLOW_ANY_DIAL, base.allowAnyDial()));
		return new Validated<>(context, in.errors());
	}

	public static Map<String, Object> write(Context context) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put(ID, context.id());
		json.put(NAME, context.name());
		json.put(TIMEOUT, context.timeout());
		json.put(INTER_DIGIT_TIMEOUT, context.interDigitTimeout());
		json.put(DIGIT_LEN, context.digitLen());
		json.put(ALLOW_ANY_DIAL, context.allowAnyDial());
		return json;
	}

}
