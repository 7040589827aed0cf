package dev.tonal.app.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code call_history} and {@code quality_rate} tables: writes a finished call in one
 * transaction, and answers the API's queries, always within one client.
 */
@Repository
class CallHistoryRepository implements CallStore {

	/** A plain mapper: the stored trace must not depend on the web layer's settings. */
	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final RowMapper<CallRow> CALL = (rs, n) -> new CallRow(rs.getString("call_uuid"),
			Instant.ofEpochMilli(rs.getLong("start_at")), Instant.ofEpochMilli(rs.getLong("end_at")),
			rs.getString("caller_id_number"), rs.getString("caller_id_name"), rs.getString("called_did"),
			rs.getObject("extension_id", Long.class), rs.getLong("duration_ms"), rs.getString("result"),
			rs.getString("transferred_to"));

	private static final RowMapper<RatingRow> RATING = (rs, n) -> new RatingRow(rs.getLong("id"),
			rs.getString("call_uuid"), rs.getLong("client_id"), rs.getObject("extension_id", Long.class),
			Instant.ofEpochMilli(rs.getLong("rated_at")), rs.getInt("max_rate"), rs.getInt("rate"));

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	CallHistoryRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Stores the call with its trace and ratings. An extension deleted while the call ran
	 * is stored as null (history outlives extensions).
	 */
	@Override
	public void write(FinishedCall call) {
		String trace = JSON.writeValueAsString(TraceJson.of(call.trace()));
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc
				.sql("INSERT INTO call_history (call_uuid, client_id, extension_id, start_at, end_at, caller_id_number,"
						+ " caller_id_name, called_did, duration_ms, result, transferred_to, trace)"
						+ " VALUES (?, ?, (SELECT id FROM extension WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(call.callUuid(), call.clientId(), call.extensionId(), call.start().toEpochMilli(),
						call.end().toEpochMilli(), call.callerIdNumber(), call.callerIdName(), call.calledDid(),
						call.durationMs(), call.result().end().wire(), call.transferredTo(), trace)
				.update();
			for (FinishedCall.Rating rating : call.ratings()) {
				this.jdbc
					.sql("INSERT INTO quality_rate (call_uuid, client_id, extension_id, rated_at, max_rate, rate)"
							+ " VALUES (?, ?, (SELECT id FROM extension WHERE id = ?), ?, ?, ?)")
					.params(call.callUuid(), call.clientId(), call.extensionId(), rating.at().toEpochMilli(),
							rating.maxRate(), rating.rate())
					.update();
			}
		});
	}

	/**
	 * One page of a client's calls that started in {@code [from, to)} (either bound may
	 * be null), by start time.
	 */
	List<CallRow> calls(long clientId, Instant from, Instant to, boolean ascending, int limit, long offset) {
		String direction = ascending ? "ASC" : "DESC";
		return this.jdbc
			.sql("SELECT * FROM call_history WHERE client_id = ? AND start_at >= ? AND start_at < ?"
					+ " ORDER BY start_at " + direction + ", id " + direction + " LIMIT ? OFFSET ?")
			.params(clientId, millis(from, Long.MIN_VALUE), millis(to, Long.MAX_VALUE), limit, offset)
			.query(CALL)
			.list();
	}

	/** The stored trace (JSON text) of a client's call. */
	Optional<String> trace(long clientId, String callUuid) {
		return this.jdbc.sql("SELECT trace FROM call_history WHERE client_id = ? AND call_uuid = ?")
			.params(clientId, callUuid)
			.query(String.class)
			.optional();
	}

	/**
	 * The stored traces (JSON text) of one extension's calls that started in
	 * {@code [from, to)} (either bound may be null), oldest first, one at a time (a long
	 * period is not held in memory at once).
	 */
	void traces(long clientId, long extensionId, Instant from, Instant to, Consumer<String> each) {
		this.jdbc
			.sql("SELECT trace FROM call_history WHERE client_id = ? AND extension_id = ? AND start_at >= ?"
					+ " AND start_at < ? ORDER BY start_at, id")
			.params(clientId, extensionId, millis(from, Long.MIN_VALUE), millis(to, Long.MAX_VALUE))
			.query((RowCallbackHandler) (rs) -> each.accept(rs.getString(1)));
	}

	/**
	 * A client's ratings given in {@code [from, to)} (either bound may be null), of one
	 * extension when {@code extensionId} is not null, oldest first.
	 */
	List<RatingRow> ratings(long clientId, Instant from, Instant to, Long extensionId) {
		String sql = "SELECT * FROM quality_rate WHERE client_id = ? AND rated_at >= ? AND rated_at < ?"
				+ ((extensionId != null) ? " AND extension_id = ?" : "") + " ORDER BY rated_at, id";
		List<Object> params = new ArrayList<>(
				List.of(clientId, millis(from, Long.MIN_VALUE), millis(to, Long.MAX_VALUE)));
		if (extensionId != null) {
			params.add(extensionId);
		}
		return this.jdbc.sql(sql).params(params).query(RATING).list();
	}

	private static long millis(Instant instant, long otherwise) {
		return (instant != null) ? instant.toEpochMilli() : otherwise;
	}

	/** A stored call, as the history list shows it. */
	record CallRow(String callUuid, Instant start, Instant end, String callerIdNumber, String callerIdName,
			String calledDid, Long extensionId, long durationMs, String result, String transferredTo) {
	}

	/** A stored rating. */
	record RatingRow(long id, String callUuid, long clientId, Long extensionId, Instant datetime, int maxRate,
			int rate) {
	}

}
