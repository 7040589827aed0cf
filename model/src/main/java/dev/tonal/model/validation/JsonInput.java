package dev.tonal.model.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tonal.model.WireEnum;

/**
 * Reads typed fields out of one JSON object, given as the {@code Map} any JSON library
 * produces (strings, numbers, booleans, lists, maps, nulls), and records a
 * {@link FieldError} for each value of the wrong type. The model has no JSON library, so
 * this is where JSON types meet the records.
 *
 * <p>
 * This is the one way request bodies are read, in the model and in the API: a body
 * arrives as a {@code Map} and goes through a {@code JsonInput}, so every endpoint
 * reports wrong types the same way, with the field's path.
 *
 * <p>
 * Each getter takes a fallback used when the field is absent, which is how partial
 * updates keep the stored value. A present {@code null} is returned as null: whether null
 * is allowed is the caller's business ({@link #requiredInt} and friends refuse it).
 */
public final class JsonInput {

	private final Map<String, ?> json;

	private final String pathPrefix;

	private final List<FieldError> errors;

	JsonInput(Map<String, ?> json, String pathPrefix, List<FieldError> errors) {
		this.json = json;
		this.pathPrefix = pathPrefix;
		this.errors = errors;
	}

	/** A reader of a whole JSON object, with no errors yet. */
	public static JsonInput of(Map<String, ?> json) {
		return new JsonInput(json, "", new ArrayList<>());
	}

	/**
	 * A reader of a whole JSON object that adds its errors to {@code errors}, so that
	 * type errors and the caller's own checks come out in reading order.
	 */
	public static JsonInput of(Map<String, ?> json, List<FieldError> errors) {
		return new JsonInput(json, "", errors);
	}

	/**
	 * A reader of an object nested at {@code path} (e.g. "conditions[0]"), sharing this
	 * reader's errors.
	 */
	public JsonInput nested(Map<String, ?> object, String path) {
		return new JsonInput(object, path + ".", this.errors);
	}

	/** The errors found so far (shared with nested readers). */
	public List<FieldError> errors() {
		return this.errors;
	}

	/** The JSON path of {@code name} in the document being read. */
	public String path(String name) {
		return this.pathPrefix + name;
	}

	public boolean has(String name) {
		return this.json.containsKey(name);
	}

	public String string(String name, String fallback) {
		if (!has(name)) {
			return fallback;
		}
		Object value = this.json.get(name);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		if (value instanceof Number number && isIntegral(number)) {
			// Old clients send numbers such as transfer_dst 2 for "2": keep their digits.
			return String.valueOf(toBigInteger(number));
		}
		return fail(name, "must be a string");
	}

	public Integer integer(String name, Integer fallback) {
		if (!has(name)) {
			return fallback;
		}
		Object value = this.json.get(name);
		if (value == null) {
			return null;
		}
		BigInteger big = integral(value);
		if (big == null) {
			return fail(name, "must be a whole number");
		}
		if (big.bitLength() > 31) {
			return fail(name, "is out of range");
		}
		return big.intValue();
	}

	/** A whole number of any sign that fits a {@code long}. */
	public Long whole(String name, Long fallback) {
		if (!has(name)) {
			return fallback;
		}
		Object value = this.json.get(name);
		if (value == null) {
			return null;
		}
		BigInteger big = integral(value);
		if (big == null) {
			return fail(name, "must be a whole number");
		}
		if (big.bitLength() > 63) {
			return fail(name, "is out of range");
		}
		return big.longValue();
	}

	public Long id(String name, Long fallback) {
		if (!has(name)) {
			return fallback;
		}
		Object value = this.json.get(name);
		if (value == null) {
			return null;
		}
		BigInteger big = integral(value);
		if (big == null || big.signum() <= 0 || big.bitLength() > 63) {
			return fail(name, "must be an id (a positive whole number)");
		}
		return big.longValue();
	}

	public Boolean bool(String name, Boolean fallback) {
		if (!has(name)) {
			return fallback;
		}
		Object value = this.json.get(name);
		if (value == null || value instanceof Boolean) {
			return (Boolean) value;
		}
		return fail(name, "must be true or false");
	}

	public int requiredInt(String name, int fallback) {
		return notNull(name, integer(name, fallback), fallback);
	}

	public boolean requiredBool(String name, boolean fallback) {
		return notNull(name, bool(name, fallback), fallback);
	}

	/**
	 * {@code value} as read, or {@code fallback} when it is null; a field present as
	 * {@code null} is also an error (a wrong type has already been reported).
	 */
	private <T> T notNull(String name, T value, T fallback) {
		if (value != null) {
			return value;
		}
		if (has(name) && this.json.get(name) == null) {
			fail(name, "must not be null");
		}
		return fallback;
	}

	public <E extends Enum<E> & WireEnum> E enumValue(String name, Class<E> type, E fallback) {
		if (!has(name)) {
			return fallback;
		}
		Object value = this.json.get(name);
		if (value == null) {
			return null;
		}
		Optional<E> parsed = (value instanceof String text) ? WireEnum.parse(type, text) : Optional.empty();
		if (parsed.isEmpty()) {
			return fail(name, "must be one of: " + WireEnum.choices(type));
		}
		return parsed.get();
	}

	/** A JSON array as it is; null when absent or null. */
	public List<?> list(String name) {
		Object value = this.json.get(name);
		if (value == null || value instanceof List<?>) {
			return (List<?>) value;
		}
		return fail(name, "must be an array");
	}

	/** A list of JSON objects; each comes with a reader whose paths are indexed. */
	public List<JsonInput> objects(String name) {
		Object value = this.json.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof List<?> list)) {
			return fail(name, "must be an array of objects");
		}
		List<JsonInput> readers = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			String itemPath = path(name) + "[" + i + "]";
			if (list.get(i) instanceof Map<?, ?> item) {
				@SuppressWarnings("unchecked")
				Map<String, ?> object = (Map<String, ?>) item;
				readers.add(new JsonInput(object, itemPath + ".", this.errors));
			}
			else {
				this.errors.add(new FieldError(itemPath, "must be an object"));
			}
		}
		return readers;
	}

	/**
	 * Records an error for {@code name} and returns null, for use in return statements.
	 */
	public <T> T fail(String name, String message) {
		this.errors.add(new FieldError(path(name), message));
		return null;
	}

	private static BigInteger integral(Object value) {
		if (value instanceof Number number && isIntegral(number)) {
			return toBigInteger(number);
		}
		if (value instanceof String text && text.matches("-?[0-9]{1,19}")) {
			// Form-minded clients send "5000" for 5000; the meaning is unambiguous.
			return new BigInteger(text);
		}
		return null;
	}

	private static boolean isIntegral(Number number) {
		if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
				|| number instanceof BigInteger) {
			return true;
		}
		try {
			new BigDecimal(number.toString()).toBigIntegerExact();
			return true;
		}
		catch (ArithmeticException | NumberFormatException ex) {
			return false;
		}
	}

	private static BigInteger toBigInteger(Number number) {
		if (number instanceof BigInteger big) {
			return big;
		}
		if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
			return BigInteger.valueOf(number.longValue());
		}
		return new BigDecimal(number.toString()).toBigIntegerExact();
	}

}
