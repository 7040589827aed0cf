package dev.tonal.engine.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.tonal.engine.TransferFailure;

/**
 * What the simulator plays against an IVR (semantics.md rule 33). Times {@code at} are ms
 * after the call was answered. Every list and map may be empty.
 *
 * @param callerIdNumber the caller's number ("" = withheld)
 * @param callerIdName the caller's name
 * @param calledDid the DID called, or null for an internal call
 * @param time the simulated wall-clock time of the answer (the API defaults it to now)
 * @param events the caller's key presses and hang-up
 * @param transfers how each destination behaves when rung (one of
 * {@link #TRANSFER_OUTCOMES}); unlisted destinations answer
 * @param http Call Interactive replies keyed by the expanded URL; unlisted URLs are
 * unreachable
 * @param speech what the caller says, heard only while the IVR listens
 * @param maxDurationMs the simulation stops after this long
 */
public record SimulationInput(String callerIdNumber, String callerIdName, String calledDid, Instant time,
		List<CallerEvent> events, Map<String, String> transfers, Map<String, HttpStub> http, List<Speech> speech,
		long maxDurationMs) {

	public static final long DEFAULT_MAX_DURATION_MS = 600_000;

	/**
	 * The input keywords of outcomes that fail at once, each with the failure reason the
	 * session is given ({@code no_route} is the reason "no route").
	 */
	public static final Map<String, TransferFailure> IMMEDIATE_FAILURES = Map.of("busy", TransferFailure.BUSY,
			"rejected", TransferFailure.REJECTED, "unreachable", TransferFailure.UNREACHABLE, "unregistered",
			TransferFailure.UNREGISTERED, "no_route", TransferFailure.NO_ROUTE);

	/**
	 * Outcomes a destination may have (input keywords, not failure reasons):
	 * {@code answer}, {@code no_answer} (rings until the ring timeout) and the
	 * {@link #IMMEDIATE_FAILURES}.
	 */
	public static final Set<String> TRANSFER_OUTCOMES = Stream
		.concat(Stream.of("answer", "no_answer"), IMMEDIATE_FAILURES.keySet().stream())
		.collect(Collectors.toUnmodifiableSet());

	public SimulationInput {
		callerIdNumber = (callerIdNumber != null) ? callerIdNumber : "";
		callerIdName = (callerIdName != null) ? callerIdName : "";
		Objects.requireNonNull(time, "time");
		events = (events != null) ? List.copyOf(events) : List.of();
		transfers = (transfers != null) ? Map.copyOf(transfers) : Map.of();
		http = (http != null) ? Map.copyOf(http) : Map.of();
		speech = (speech != null) ? List.copyOf(speech) : List.of();
		if (maxDurationMs <= 0) {
			maxDurationMs = DEFAULT_MAX_DURATION_MS;
		}
		transfers.forEach((destination, outcome) -> {
			if (!TRANSFER_OUTCOMES.contains(outcome)) {
				throw new IllegalArgumentException(
						"transfers." + destination + ": \"" + outcome + "\" is not an outcome; use one of "
								+ String.join(", ", TRANSFER_OUTCOMES.stream().sorted().toList()));
			}
		});
	}

	/** A caller with no events, calling {@code calledDid} at {@code time}. */
	public static SimulationInput at(Instant time) {
		return new SimulationInput("+70000000000", "", null, time, List.of(), Map.of(), Map.of(), List.of(), 0);
	}

	/** Keys pressed ({@code dtmf}, one or more of 0-9*#) or the caller hanging up. */
	public record CallerEvent(long at, String dtmf, boolean hangup) {

		public CallerEvent {
			if (at < 0) {
				throw new IllegalArgumentException("events: at must not be negative");
			}
			if ((dtmf == null || dtmf.isEmpty()) == !hangup) {
				throw new IllegalArgumentException("events: each event is either {at, dtmf} or {at, hangup: true}");
			}
			if (dtmf != null && !dtmf.matches("[0-9*#A-D]+")) {
				throw new IllegalArgumentException("events: dtmf must hold only 0-9, *, # (got \"" + dtmf + "\")");
			}
		}

		public static CallerEvent dtmf(long at, String keys) {
			return new CallerEvent(at, keys, false);
		}

		public static CallerEvent hangup(long at) {
			return new CallerEvent(at, null, true);
		}

	}

	/**
	 * A Call Interactive reply: {@code status} and {@code body} after {@code delay} ms.
	 */
	public record HttpStub(int status, String body, long delay) {

		public HttpStub {
			if (status < 100 || status > 599) {
				throw new IllegalArgumentException("http: status must be 100..599");
			}
			body = (body != null) ? body : "";
			delay = Math.max(0, delay);
		}

	}

	/** The caller saying {@code text} at {@code at}. */
	public record Speech(long at, String text) {

		public Speech {
			Objects.requireNonNull(text, "speech: text");
		}

	}

}
