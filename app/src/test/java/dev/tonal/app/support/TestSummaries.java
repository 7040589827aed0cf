package dev.tonal.app.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tonal.engine.CallResult;
import dev.tonal.engine.TraceEntry;
import dev.tonal.model.IvrSettings;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.sip.CallEndReason;
import dev.tonal.sip.ivrcall.CallLeg;
import dev.tonal.sip.ivrcall.IvrCallSummary;

/**
 * Summaries of finished calls as the SIP runtime hands them over, for tests of what the
 * application stores and shows of them without placing a real call.
 */
public final class TestSummaries {

	private TestSummaries() {
	}

	/** An IVR of {@code clientId} with no contexts: enough to say whose call it was. */
	public static IvrSnapshot ivr(long clientId, long extensionId, String name) {
		return new IvrSnapshot(extensionId, name, clientId, "UTC", "ru", IvrSettings.defaults(), Map.of(), Map.of(),
				Set.of(), Map.of());
	}

	/**
	 * A call that came in at {@code start}, was answered at once and ended
	 * {@code seconds} later as {@code result} says, over {@code wireEnd}.
	 */
	public static IvrCallSummary call(String uuid, IvrSnapshot ivr, Instant start, long seconds, String callerNumber,
			String calledDid, CallResult result, CallEndReason wireEnd, List<CallLeg> legs, List<TraceEntry> trace,
			List<IvrCallSummary.Rating> ratings) {
		return new IvrCallSummary(uuid, ivr, IvrCallSummary.Flow.IN, start, start, start.plusSeconds(seconds),
				callerNumber, "", calledDid, calledDid, result, wireEnd, legs, trace, ratings);
	}

	/** A plain call the IVR hung up after 30 s, with one trace entry. */
	public static IvrCallSummary call(String uuid, long clientId, Instant start) {
		return call(uuid, ivr(clientId, 2, "000*071"), start, 30, "+79990001122", "4950000000",
				new CallResult(CallResult.End.HANGUP, 30_000, null, "hangup rule"), CallEndReason.WE_HUNG_UP, List.of(),
				List.of(TraceEntry.of(0, "context_entered", "context", 1L, "option", "start")), List.of());
	}

}
