package dev.tonal.app.api;

import tools.jackson.databind.JsonNode;

/**
 * Reads fields of a JSON object body one by one, so that partial updates can tell an
 * absent field (keep the value) from an explicit null (clear it), and every wrong type is
 * reported with its field name in one {@link InputErrors}.
 */
public final class JsonFields {

	private final JsonNode body;

	private final InputErrors errors;

	private final String pathPrefix;

	private JsonFields(JsonNode body, InputErrors errors, String pathPrefix) {
		this.body = body;
		this.errors = errors;
		this.pathPrefix = pathPrefix;
	}

	/** Fields of a request body, which must be a JSON object. */
	public static JsonFields of(JsonNode body, InputErrors errors) {
		if (body == null || !body.isObject()) {
			throw ApiException.badRequest("the request body must be a JSON object");
		}
		return new JsonFields(body, errors, "");
	}

	/**
	 * Fields of a nested object at {@code path} (e.g. "conditions[0]"), for error paths.
	 */
	public static JsonFields nested(JsonNode object, InputErrors errors, String path) {
		return new JsonFields(object, errors, path + ".");
	}

	/** Whether the field is present (possibly null). */
	public boolean has(String field) {
		return this.body.has(field);
	}

	/** The field's text; null when absent or null; a type error when not a string. */
	public String text(String field) {
		JsonNode value = this.body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			this.errors.add(path(field), "must be a string");
			return null;
		}
		return value.asString();
	}

	/** The field as an integer; null when absent or null; a type error otherwise. */
	public Long integer(String field) {
		JsonNode value = this.body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			this.errors.add(path(field), "must be an integer");
			return null;
		}
		return value.asLong();
	}

	/** The field as an array node; null when absent or null; a type error otherwise. */
	public JsonNode array(String field) {
		JsonNode value = this.body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			this.errors.add(path(field), "must be an array");
			return null;
		}
		return value;
	}

	/** The JSON path of a field, for error messages. */
	public String path(String field) {
		return this.pathPrefix + field;
	}

}
