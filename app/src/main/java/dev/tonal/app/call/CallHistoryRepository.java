package dev.tonal.app.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import dev.tonal.app.extension.ExtensionRepository;
import dev.tonal.sip.CallEndReason;
import dev.tonal.sip.ivrcall.CallLeg;
import dev.tonal.sip.ivrcall.IvrCallSummary;

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
			rs.getString("flow"), Instant.ofEpochMilli(rs.getLong("start_at")),
			instant(rs.getObject("answer_at", Long.class)), Instant.ofEpochMilli(rs.getLong("end_at")),
			rs.getString("caller_id_number"), rs.getString("caller_id_name"), rs.getString("called_did"),
			rs.getString("to_username"), rs.getObject("extension_id", Long.class), rs.getLong("duration_ms"),
			rs.getString("end_reason"), wireEnd(rs.getString("wire_end")), rs.getString("transferred_to"),
			StoredLegs.parse(rs.getString("legs")));

	private static final RowMapper<RatingRow> RATING = (rs, n) -> new RatingRow(rs.getLong("id"),
			rs.getString("call_uuid"), rs.getLong("client_id"), rs.getObject("extension_id", Long.class),
			Instant.ofEpochMilli(rs.getLong("rated_at")), rs.getInt("max_rate"), rs.getInt("rate"));

	private final JdbcClient jdbc;

	private final ExtensionRepository extensions;

	private final TransactionTemplate transaction;

	CallHistoryRepository(JdbcClient jdbc, ExtensionRepository extensions, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.extensions = extensions;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Stores the call with its trace and ratings. An extension deleted while the call ran
	 * is stored as null (history outlives extensions).
	 */
	@Override
	public void write(IvrCallSummary call) {
		String trace = JSON.writeValueAsString(TraceJson.of(call.trace()));
		long clientId = call.snapshot().clientId();
		long snapshotExtensionId = call.snapshot().extensionId();
		this.transaction.executeWithoutResult((status) -> {
			Long extensionId = this.extensions.exists(snapshotExtensionId) ? snapshotExtensionId : null;
			this.jdbc
				.sql("INSERT INTO call_history (call_uuid, client_id, extension_id, flow, start_at, answer_at, end_at,"
						+ " caller_id_number, caller_id_name, called_did, to_username, duration_ms, end_reason,"
						+ " wire_end, transferred_to, legs, trace)"
						+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(call.callUuid(), clientId, extensionId, call.flow().name().toLowerCase(Locale.ROOT),
						call.start().toEpochMilli(), (call.answered() != null) ? call.answered().toEpochMilli() : null,
						call.end().toEpochMilli(), call.callerIdNumber(), call.callerIdName(), call.calledDid(),
						call.calledUser(), Duration.between(call.start(), call.end()).toMillis(),
						call.result().end().wire(),
						(call.wireEnd() != null) ? call.wireEnd().name().toLowerCase(Locale.ROOT) : null,
						call.transferredTo(), StoredLegs.format(call.legs()), trace)
				.update();
			for (IvrCallSummary.Rating rating : call.ratings()) {
				this.jdbc
					.sql("INSERT INTO quality_rate (call_uuid, client_id, extension_id, rated_at, max_rate, rate)"
							+ " VALUES (?, ?, ?, ?, ?, ?)")
					.params(call.callUuid(), clientId, extensionId, rating.at().toEpochMilli(), rating.maxRate(),
							rating.rate())
					.update();
			}
		});
	}

	/**
	 * One page of a client's calls that started in {@code [from, to)} (either bound may
	 * be null) and match the filter, by start time.
	 */
	List<CallRow> calls(long clientId, Instant from, Instant to, CallFilter filter, boolean ascending, int limit,
			long offset) {
		String direction = ascending ? "ASC" : "DESC";
		StringBuilder sql = new StringBuilder(
				"SELECT * FROM call_history WHERE client_id = ? AND start_at >= ? AND start_at < ?");
		List<Object> params = new ArrayList<>(
				List.of(clientId, millis(from, Long.MIN_VALUE), millis(to, Long.MAX_VALUE)));
		if (filter.flow() != null) {
			sql.append(" AND flow = ?");
			params.add(filter.flow());
		}
		if (filter.extensionId() != null) {
			sql.append(" AND extension_id = ?");
			params.add(filter.extensionId());
		}
		if (filter.toUsername() != null) {
			sql.append(" AND to_username = ?");
			params.add(filter.toUsername());
		}
		sql.append(" ORDER BY start_at ")
			.append(direction)
			.append(", id ")
			.append(direction)
			.append(" LIMIT ? OFFSET ?");
		params.add(limit);
		params.add(offset);
		return this.jdbc.sql(sql.toString()).params(params).query(CALL).list();
	}

	/** One call of a client. */
	Optional<CallRow> call(long clientId, String callUuid) {
		return this.jdbc.sql("SELECT * FROM call_history WHERE client_id = ? AND call_uuid = ?")
			.params(clientId, callUuid)
			.query(CALL)
			.optional();
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

	private static Instant instant(Long millis) {
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

	private static CallEndReason wireEnd(String stored) {
		return (stored != null) ? CallEndReason.valueOf(stored.toUpperCase(Locale.ROOT)) : null;
	}

	/**
	 * What the history list may be narrowed to (null: any).
	 *
	 * @param flow {@code in}, {@code out} or {@code transfer}
	 * @param extensionId the IVR that took the call
	 * @param toUsername what the caller dialled
	 */
	record CallFilter(String flow, Long extensionId, String toUsername) {
	}

	/**
	 * A stored call, as the history shows it.
	 *
	 * @param answer when the IVR answered, or null
	 * @param endReason the engine's end word (Tonal's {@code end_reason})
	 * @param wireEnd how the SIP call ended, or null when not recorded
	 */
	record CallRow(String callUuid, String flow, Instant start, Instant answer, Instant end, String callerIdNumber,
			String callerIdName, String calledDid, String toUsername, Long extensionId, long durationMs,
			String endReason, CallEndReason wireEnd, String transferredTo, List<CallLeg> legs) {

		/** The leg that was answered and connected to the caller, or null. */
		CallLeg bridgedLeg() {
			return this.legs.stream().filter(CallLeg::wasAnswered).reduce((first, later) -> later).orElse(null);
		}

	}

	/** A stored rating. */
	record RatingRow(long id, String callUuid, long clientId, Long extensionId, Instant datetime, int maxRate,
			int rate) {
	}

}
