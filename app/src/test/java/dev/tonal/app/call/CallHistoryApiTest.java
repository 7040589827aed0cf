package dev.tonal.app.call;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tonal.app.ivr.IvrSnapshots;
import dev.tonal.app.support.ApiTestSupport;
import dev.tonal.app.support.TestSummaries;
import dev.tonal.engine.CallInfo;
import dev.tonal.engine.CallResult;
import dev.tonal.engine.CallSession;
import dev.tonal.engine.EngineSettings;
import dev.tonal.engine.Event;
import dev.tonal.engine.TraceEntry;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.sip.CallEndReason;
import dev.tonal.sip.ivrcall.CallLeg;
import dev.tonal.sip.ivrcall.IvrCallSummary;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What calls leave behind, through the API (api.md §8, semantics.md rule 31): call
 * history, traces and quality ratings, each client seeing only its own.
 */
class CallHistoryApiTest extends ApiTestSupport {

	/** 07:00 UTC: 10:00 in Europe/Moscow, the timezone of a client that names none. */
	private static final Instant MORNING = Instant.parse("2026-11-23T07:00:00Z");

	@Autowired
	private CallRecorder recorder;

	@Autowired
	private IvrSnapshots snapshots;

	@Test
	void rule31_historyListsTheCallsNewestFirst() throws Exception {
		TestClient client = newClient();
		long ivr = ivr(client, "100");
		String first = record(client, ivr, MORNING, hangup());
		String second = record(client, ivr, MORNING.plusSeconds(60),
				new CallResult(CallResult.End.TRANSFERRED, 4000, "+79876543210", "answered"));
		Response list = get("/client/@me/call_history/", client.token());
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(List.copyOf(list.body().propertyNames())).containsExactly("page", "per_page", "order",
				"call_history");
		assertThat(list.body().get("page").asInt()).isEqualTo(1);
		assertThat(list.body().get("per_page").asInt()).isEqualTo(50);
		assertThat(list.body().get("order").asString()).isEqualTo("desc");
		JsonNode calls = list.body().get("call_history");
		assertThat(calls.findValuesAsString("call_uuid")).containsExactly(second, first);
		assertThat(calls.get(0).get("end_reason").asString()).isEqualTo("transferred");
		assertThat(calls.get(0).get("transferred_to").asString()).isEqualTo("+79876543210");
		assertThat(calls.get(1).get("end_reason").asString()).isEqualTo("hangup");
		assertThat(calls.get(1).get("transferred_to").isNull()).isTrue();
	}

	@Test
	void aRecordHasTheOriginalsFieldsFirstThenTonalsOwn() throws Exception {
		TestClient client = newClient();
		long ivr = ivr(client, "100");
		String uuid = record(client, ivr, MORNING, hangup());
		JsonNode call = get("/client/@me/call_history/", client.token()).body().get("call_history").get(0);
		assertThat(List.copyOf(call.propertyNames())).containsExactly("call_uuid", "flow", "init_time_gmt",
				"start_time_gmt", "bridged_time_gmt", "hangup_time_gmt", "duration", "bridged_duration", "bridged",
				"extension_id", "from_username", "to_username", "result", "hangup_cause", "hangup_disposition", "cdr",
				"caller_id_name", "called_did", "duration_ms", "transferred_to", "end_reason");
		assertThat(call.get("call_uuid").asString()).isEqualTo(uuid);
		assertThat(call.get("flow").asString()).isEqualTo("in");
		// *_time_gmt are UTC, whatever the client's timezone (Europe/Moscow here).
		assertThat(call.get("init_time_gmt").asString()).isEqualTo("2026-11-23 07:00:00");
		assertThat(call.get("start_time_gmt").asString()).isEqualTo("2026-11-23 07:00:00");
		assertThat(call.get("bridged_time_gmt").isNull()).isTrue();
		assertThat(call.get("hangup_time_gmt").asString()).isEqualTo("2026-11-23 07:00:30");
		assertThat(call.get("duration").isIntegralNumber()).isTrue();
		assertThat(call.get("duration").asLong()).isEqualTo(30);
		assertThat(call.get("bridged_duration").asLong()).isZero();
		assertThat(call.get("bridged").asBoolean()).isFalse();
		assertThat(call.get("extension_id").asLong()).isEqualTo(ivr);
		assertThat(call.get("from_username").asString()).isEqualTo("+79990001122");
		assertThat(call.get("to_username").asString()).isEqualTo("+74950000000");
		assertThat(call.get("result").asString()).isEqualTo("answered");
		assertThat(call.get("hangup_cause").asString()).isEqualTo("NORMAL_CLEARING");
		assertThat(call.get("hangup_disposition").asString()).isEqualTo("callee_bye");
		assertThat(call.get("cdr")).hasSize(1);
		JsonNode leg = call.get("cdr").get(0);
		assertThat(List.copyOf(leg.propertyNames())).containsExactly("extension_type", "result", "hangup_cause",
				"hangup_disposition", "duration", "init_time_gmt", "start_time_gmt", "hangup_time_gmt", "flow",
				"extension_id", "from_username", "to_username", "record_uuid");
		assertThat(leg.get("extension_type").asString()).isEqualTo("ivr");
		assertThat(leg.get("result").asString()).isEqualTo("answered");
		assertThat(leg.get("duration").asLong()).isEqualTo(30);
		assertThat(leg.get("extension_id").asLong()).isEqualTo(ivr);
		assertThat(call.get("caller_id_name").asString()).isEqualTo("Иван");
		assertThat(call.get("called_did").asString()).isEqualTo("+74950000000");
		assertThat(call.get("duration_ms").asLong()).isEqualTo(30_000);
		assertThat(call.get("end_reason").asString()).isEqualTo("hangup");
	}

	@Test
	void oneRecordIsServedByItsCallUuid() throws Exception {
		TestClient client = newClient();
		TestClient stranger = newClient();
		long ivr = ivr(client, "100");
		String uuid = record(client, ivr, MORNING, hangup());
		Response one = get("/client/@me/call_history/" + uuid, client.token());
		assertThat(one.status()).as(one.toString()).isEqualTo(200);
		assertThat(one.body())
			.isEqualTo(get("/client/@me/call_history/", client.token()).body().get("call_history").get(0));
		assertThat(get("/client/@me/call_history/no-such-call", client.token()).status()).isEqualTo(404);
		assertThat(get("/client/@me/call_history/" + uuid, stranger.token()).status()).isEqualTo(404);
	}

	@Test
	void aTransfersLegsAreCdrEntriesAndTheCallIsBridged() throws Exception {
		TestClient client = newClient();
		long ivr = ivr(client, "100");
		Instant dialled = MORNING.plusSeconds(5);
		List<CallLeg> legs = List.of(
				new CallLeg("sip:101@127.0.0.1:5071", "+79990001122", false, dialled, null, dialled.plusSeconds(1),
						CallLeg.Outcome.BUSY),
				new CallLeg("sip:102@127.0.0.1:5072", "+79990001122", false, dialled, dialled.plusSeconds(3),
						MORNING.plusSeconds(30), CallLeg.Outcome.CALLEE_HUNG_UP),
				new CallLeg("sip:103@127.0.0.1:5073", "+79990001122", false, dialled, null, dialled.plusSeconds(3),
						CallLeg.Outcome.ANSWERED_ELSEWHERE),
				new CallLeg("sip:+74951112233@trunk.example", "+79990001122", true, dialled, null,
						dialled.plusSeconds(3), CallLeg.Outcome.CANCELLED));
		String uuid = record(client, ivr, MORNING, new CallResult(CallResult.End.TRANSFERRED, 8000, "102", "answered"),
				CallEndReason.WE_HUNG_UP, legs);
		JsonNode call = get("/client/@me/call_history/" + uuid, client.token()).body();
		assertThat(call.get("result").asString()).isEqualTo("bridged");
		assertThat(call.get("bridged").asBoolean()).isTrue();
		assertThat(call.get("bridged_time_gmt").asString()).isEqualTo("2026-11-23 07:00:08");
		assertThat(call.get("bridged_duration").asLong()).isEqualTo(22);
		assertThat(call.get("hangup_disposition").asString()).isEqualTo("callee_bye");
		JsonNode cdr = call.get("cdr");
		assertThat(cdr.findValuesAsString("extension_type")).containsExactly("ivr", "phone", "phone", "phone", "trunk");
		assertThat(cdr.findValuesAsString("to_username")).containsExactly("+74950000000", "101", "102", "103",
				"+74951112233");
		assertThat(cdr.findValuesAsString("result")).containsExactly("answered", "busy", "answered",
				"answered elsewhere", "not answered");
		assertThat(cdr.findValuesAsString("hangup_cause")).containsExactly("NORMAL_CLEARING", "USER_BUSY",
				"NORMAL_CLEARING", "LOSE_RACE", "ORIGINATOR_CANCEL");
		assertThat(cdr.findValuesAsString("hangup_disposition")).containsExactly("callee_bye", "callee_refuse",
				"callee_bye", "internal_cancel", "internal_cancel");
		assertThat(cdr.get(2).get("start_time_gmt").asString()).isEqualTo("2026-11-23 07:00:08");
		assertThat(cdr.get(1).get("start_time_gmt").isNull()).isTrue();
		assertThat(cdr.get(2).get("flow").asString()).isEqualTo("transfer");
		assertThat(cdr.get(2).get("duration").asLong()).isEqualTo(25);
	}

	@Test
	void theCallersHangUpAndCancelAreTheirDispositions() throws Exception {
		TestClient client = newClient();
		long ivr = ivr(client, "100");
		String bye = record(client, ivr, MORNING,
				new CallResult(CallResult.End.CALLER_HANGUP, 30_000, null, "caller hung up"),
				CallEndReason.CALLER_HUNG_UP, List.of());
		JsonNode call = get("/client/@me/call_history/" + bye, client.token()).body();
		assertThat(call.get("hangup_disposition").asString()).isEqualTo("caller_bye");
		assertThat(call.get("hangup_cause").asString()).isEqualTo("NORMAL_CLEARING");
		String stopped = record(client, ivr, MORNING, hangup(), CallEndReason.SERVER_STOPPED, List.of());
		call = get("/client/@me/call_history/" + stopped, client.token()).body();
		assertThat(call.get("hangup_disposition").asString()).isEqualTo("internal_cancel");
		assertThat(call.get("hangup_cause").asString()).isEqualTo("SYSTEM_SHUTDOWN");
	}

	@Test
	void historyIsFilteredByFlowExtensionAndCalledNumber() throws Exception {
		TestClient client = newClient();
		long sales = ivr(client, "100");
		long support = ivr(client, "101");
		String toSales = record(client, sales, MORNING, hangup());
		String toSupport = record(client, support, MORNING.plusSeconds(1), hangup());
		assertThat(get("/client/@me/call_history/?extension_id=" + support, client.token()).body()
			.get("call_history")
			.findValuesAsString("call_uuid")).containsExactly(toSupport);
		assertThat(get("/client/@me/call_history/?flow=in&order=asc", client.token()).body()
			.get("call_history")
			.findValuesAsString("call_uuid")).containsExactly(toSales, toSupport);
		assertThat(get("/client/@me/call_history/?flow=out", client.token()).body().get("call_history")).isEmpty();
		assertThat(get("/client/@me/call_history/?to_username=%2B74950000000&order=asc", client.token()).body()
			.get("call_history")
			.findValuesAsString("call_uuid")).containsExactly(toSales, toSupport);
		assertThat(get("/client/@me/call_history/?to_username=000", client.token()).body().get("call_history"))
			.isEmpty();
	}

	@Test
	void zeroPageAndPerPageMeanTheDefaultsAsUnsetClientsSendThem() throws Exception {
		TestClient client = newClient();
		long ivr = ivr(client, "100");
		String uuid = record(client, ivr, MORNING, hangup());
		Response list = get("/client/@me/call_history/?page=0&per_page=0&extension_id=0", client.token());
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(list.body().get("page").asInt()).isEqualTo(1);
		assertThat(list.body().get("per_page").asInt()).isEqualTo(50);
		assertThat(list.body().get("call_history").findValuesAsString("call_uuid")).containsExactly(uuid);
	}

	@Test
	void historyPagesAndOrders() throws Exception {
		TestClient client = newClient();
		long ivr = ivr(client, "100");
		String a = record(client, ivr, MORNING, hangup());
		String b = record(client, ivr, MORNING.plusSeconds(60), hangup());
		String c = record(client, ivr, MORNING.plusSeconds(120), hangup());
		Response page = get("/client/@me/call_history/?order=asc&per_page=2&page=1", client.token());
		assertThat(page.body().get("call_history").findValuesAsString("call_uuid")).containsExactly(a, b);
		page = get("/client/@me/call_history/?order=asc&per_page=2&page=2", client.token());
		assertThat(page.body().get("page").asInt()).isEqualTo(2);
		assertThat(page.body().get("per_page").asInt()).isEqualTo(2);
		assertThat(page.body().get("order").asString()).isEqualTo("asc");
		assertThat(page.body().get("call_history").findValuesAsString("call_uuid")).containsExactly(c);
		page = get("/client/@me/call_history/?order=asc&per_page=2&page=3", client.token());
		assertThat(page.body().get("call_history")).isEmpty();
	}

	@Test
	void historyTimeRangeIncludesBothEndsInTheClientsTimezone() throws Exception {
		TestClient client = newClient();
		long ivr = ivr(client, "100");
		record(client, ivr, MORNING.minusSeconds(1), hangup());
		String atStart = record(client, ivr, MORNING, hangup());
		String atEnd = record(client, ivr, MORNING.plusSeconds(600), hangup());
		record(client, ivr, MORNING.plusSeconds(601), hangup());
		Response range = get("/client/@me/call_history/?start_datetime=2026-11-23%2010:00:00"
				+ "&end_datetime=2026-11-23%2010:10:00&order=asc", client.token());
		assertThat(range.status()).as(range.toString()).isEqualTo(200);
		assertThat(range.body().get("call_history").findValuesAsString("call_uuid")).containsExactly(atStart, atEnd);
	}

	@Test
	void badHistoryParametersAreNamed() {
		TestClient client = newClient();
		assertFieldError(get("/client/@me/call_history/?start_datetime=yesterday", client.token()), "start_datetime");
		assertFieldError(get("/client/@me/call_history/?end_datetime=2026-11-23T10:00:00", client.token()),
				"end_datetime");
		assertFieldError(get("/client/@me/call_history/?start_datetime=2026-11-23%2011:00:00"
				+ "&end_datetime=2026-11-23%2010:00:00", client.token()), "end_datetime");
		assertFieldError(get("/client/@me/call_history/?page=-1", client.token()), "page");
		assertFieldError(get("/client/@me/call_history/?flow=sideways", client.token()), "flow");
		assertFieldError(get("/client/@me/call_history/?extension_id=abc", client.token()), "extension_id");
		assertFieldError(get("/client/@me/call_history/?per_page=501", client.token()), "per_page");
		assertFieldError(get("/client/@me/call_history/?per_page=many", client.token()), "per_page");
		assertFieldError(get("/client/@me/call_history/?order=up", client.token()), "order");
		assertFieldError(get("/client/@me/quality_rate/?extension_id=abc", client.token()), "extension_id");
		assertFieldError(get("/client/@me/quality_rate/?start_datetime=2026-13-01%2000:00:00", client.token()),
				"start_datetime");
	}

	@Test
	void rule33_theTraceIsStoredInTheSimulatorsFormat() throws Exception {
		TestClient client = newClient();
		long ivr = ivr(client, "100");
		List<TraceEntry> trace = List.of(TraceEntry.of(0, "context_entered", "context", 12L, "option", "start"),
				TraceEntry.of(10, "rule_started", "rule", 40L, "action", "play_sound"),
				TraceEntry.of(1200, "digit", "digit", "1", "transport", "rfc4733", "used", true),
				TraceEntry.of(1300, "transfer_started", "destinations", List.of("002", "050")),
				TraceEntry.of(9000, "hangup", "why", "caller hung up"));
		String uuid = record(client, ivr, MORNING, hangup(), trace, List.of());
		Response stored = get("/client/@me/call_history/" + uuid + "/trace", client.token());
		assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
		assertThat(stored.body()).isEqualTo(JSON.readTree(JSON.writeValueAsString(TraceJson.of(trace))));
		assertThat(stored.text())
			.startsWith("[{\"at\":0,\"type\":\"context_entered\",\"context\":12,\"option\":\"start\"}");
		assertThat(stored.body().get(2).get("used").asBoolean()).isTrue();
		assertThat(stored.body().get(3).get("destinations").get(1).asString()).isEqualTo("050");
		assertThat(get("/client/@me/call_history/no-such-call/trace", client.token()).status()).isEqualTo(404);
	}

	@Test
	void rule33_aRealCallsStoredTraceReadsExactlyLikeTheSimulatorsTrace() throws Exception {
		TestClient client = newClient();
		long ivr = ivr(client, "100");
		String base = "/extension/" + ivr + "/ivr/";
		long context = post(base + "context/", client.token(), Map.of("name", "main")).body().get("id").asLong();
		put(base, client.token(), Map.of("entry_context", context));
		String rules = base + "context/" + context + "/options/start/rules/";
		post(rules, client.token(), Map.of("action", "set_variable", "set_variable_name", "who", "set_variable_value",
				"${caller_id_number}"));
		post(rules, client.token(), Map.of("action", "hangup"));
		Response simulated = post(base + "simulate", client.token(), Map.of("caller_id_number", "+79990001122"));
		assertThat(simulated.status()).as(simulated.toString()).isEqualTo(200);
		// The same IVR on a call session, as the SIP runtime drives it.
		IvrSnapshot snapshot = this.snapshots.get(ivr).orElseThrow();
		CallSession session = new CallSession(snapshot,
				CallInfo.external(UUID.randomUUID().toString(), "+79990001122", "", null), EngineSettings.defaults());
		session.handle(new Event.Answered(), MORNING);
		while (!session.isEnded()) {
			session.handle(new Event.TimerFired(), session.nextDeadline().orElseThrow());
		}
		String uuid = record(client, ivr, MORNING, session.result().orElseThrow(), session.trace(), List.of());
		Response stored = get("/client/@me/call_history/" + uuid + "/trace", client.token());
		assertThat(stored.body()).isNotEmpty().isEqualTo(simulated.body().get("trace"));
	}

	@Test
	void rule23_ratingsAreListedWithTheirCallAndExtension() throws Exception {
		TestClient client = newClient();
		long sales = ivr(client, "100");
		long support = ivr(client, "101");
		String salesCall = record(client, sales, MORNING, hangup(), List.of(),
				List.of(new IvrCallSummary.Rating(MORNING.plusSeconds(20), 4, 5)));
		String supportCall = record(client, support, MORNING.plusSeconds(3600), hangup(), List.of(),
				List.of(new IvrCallSummary.Rating(MORNING.plusSeconds(3620), 9, 9),
						new IvrCallSummary.Rating(MORNING.plusSeconds(3625), 1, 9)));
		Response all = get("/client/@me/quality_rate/", client.token());
		assertThat(all.status()).as(all.toString()).isEqualTo(200);
		assertThat(all.body()).hasSize(3);
		JsonNode first = all.body().get(0);
		assertThat(List.copyOf(first.propertyNames())).containsExactly("id", "call_uuid", "client_id", "extension_id",
				"datetime", "max_rate", "rate");
		assertThat(first.get("call_uuid").asString()).isEqualTo(salesCall);
		assertThat(first.get("client_id").asLong()).isEqualTo(client.id());
		assertThat(first.get("extension_id").asLong()).isEqualTo(sales);
		assertThat(first.get("datetime").asString()).isEqualTo("2026-11-23 10:00:20");
		assertThat(first.get("max_rate").asInt()).isEqualTo(5);
		assertThat(first.get("rate").asInt()).isEqualTo(4);
		Response ofSupport = get("/client/@me/quality_rate/?extension_id=" + support, client.token());
		assertThat(ofSupport.body().findValuesAsString("call_uuid")).containsExactly(supportCall, supportCall);
		assertThat(ofSupport.body().findValues("rate")).extracting(JsonNode::asInt).containsExactly(9, 1);
		Response inRange = get("/client/@me/quality_rate/?start_datetime=2026-11-23%2011:00:21"
				+ "&end_datetime=2026-11-23%2011:00:25", client.token());
		assertThat(inRange.body().findValues("rate")).extracting(JsonNode::asInt).containsExactly(1);
	}

	@Test
	void historyOutlivesTheExtensionThatTookTheCall() throws Exception {
		TestClient client = newClient();
		long ivr = ivr(client, "100");
		String uuid = record(client, ivr, MORNING, hangup(), List.of(),
				List.of(new IvrCallSummary.Rating(MORNING.plusSeconds(5), 3, 5)));
		assertThat(delete("/client/@me/extension/" + ivr, client.token()).status()).isEqualTo(204);
		JsonNode call = get("/client/@me/call_history/", client.token()).body().get("call_history").get(0);
		assertThat(call.get("call_uuid").asString()).isEqualTo(uuid);
		assertThat(call.get("extension_id").isNull()).isTrue();
		JsonNode rating = get("/client/@me/quality_rate/", client.token()).body().get(0);
		assertThat(rating.get("extension_id").isNull()).isTrue();
		assertThat(get("/client/@me/call_history/" + uuid + "/trace", client.token()).status()).isEqualTo(200);
	}

	@Test
	void aCallOfAnExtensionDeletedDuringTheCallIsStoredWithoutIt() throws Exception {
		TestClient client = newClient();
		long ivr = ivr(client, "100");
		assertThat(delete("/client/@me/extension/" + ivr, client.token()).status()).isEqualTo(204);
		String uuid = record(client, ivr, MORNING, hangup());
		JsonNode call = get("/client/@me/call_history/", client.token()).body().get("call_history").get(0);
		assertThat(call.get("call_uuid").asString()).isEqualTo(uuid);
		assertThat(call.get("extension_id").isNull()).isTrue();
	}

	@Test
	void anotherClientsCallsAre404() throws Exception {
		TestClient owner = newClient();
		TestClient stranger = newClient();
		long ivr = ivr(owner, "100");
		String uuid = record(owner, ivr, MORNING, hangup(), List.of(),
				List.of(new IvrCallSummary.Rating(MORNING.plusSeconds(5), 3, 5)));
		String base = "/client/" + owner.id();
		for (String path : List.of(base + "/call_history/", base + "/quality_rate/",
				base + "/call_history/" + uuid + "/trace")) {
			assertThat(get(path, stranger.token()).status()).as("GET " + path).isEqualTo(404);
		}
		assertThat(get("/client/@me/call_history/" + uuid + "/trace", stranger.token()).status()).isEqualTo(404);
		assertThat(get("/client/@me/call_history/", stranger.token()).body().get("call_history")).isEmpty();
		assertThat(get("/client/@me/quality_rate/", stranger.token()).body()).isEmpty();
		assertThat(get("/client/@me/quality_rate/?extension_id=" + ivr, stranger.token()).body()).isEmpty();
		// An admin names the client and sees it.
		assertThat(get(base + "/call_history/" + uuid + "/trace", adminToken()).status()).isEqualTo(200);
	}

	private long ivr(TestClient client, String name) {
		Response created = post("/client/@me/extension/", client.token(), Map.of("name", name, "type", "ivr"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.body().get("id").asLong();
	}

	private String record(TestClient client, long extension, Instant start, CallResult result) throws Exception {
		return record(client, extension, start, result,
				List.of(TraceEntry.of(0, "context_entered", "context", 1L, "option", "start")), List.of());
	}

	/**
	 * Records a 30 s call through the recorder, as the SIP runtime does, and waits for
	 * it.
	 */
	private String record(TestClient client, long extension, Instant start, CallResult result, List<TraceEntry> trace,
			List<IvrCallSummary.Rating> ratings) throws Exception {
		return record(client, extension, start, result, CallEndReason.WE_HUNG_UP, List.of(), trace, ratings);
	}

	private String record(TestClient client, long extension, Instant start, CallResult result, CallEndReason wireEnd,
			List<CallLeg> legs) throws Exception {
		return record(client, extension, start, result, wireEnd, legs,
				List.of(TraceEntry.of(0, "context_entered", "context", 1L, "option", "start")), List.of());
	}

	/**
	 * Records a 30 s call, answered at once, through the recorder, as the SIP runtime
	 * does, and waits for it.
	 */
	private String record(TestClient client, long extension, Instant start, CallResult result, CallEndReason wireEnd,
			List<CallLeg> legs, List<TraceEntry> trace, List<IvrCallSummary.Rating> ratings) throws Exception {
		String uuid = UUID.randomUUID().toString();
		this.recorder.record(new IvrCallSummary(uuid, TestSummaries.ivr(client.id(), extension, "x*" + extension),
				IvrCallSummary.Flow.IN, start, start, start.plusSeconds(30), "+79990001122", "Иван", "+74950000000",
				"+74950000000", result, wireEnd, legs, trace, ratings));
		assertThat(this.recorder.awaitIdle(Duration.ofSeconds(30))).isTrue();
		return uuid;
	}

	private static CallResult hangup() {
		return new CallResult(CallResult.End.HANGUP, 30_000, null, "hangup rule");
	}

	private static void assertFieldError(Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.body().get("errors").findValues("field")).as(response.toString())
			.extracting(JsonNode::asString)
			.containsExactly(field);
		assertThat(response.body().get("message").asString()).contains(field);
	}

}
