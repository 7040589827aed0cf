package dev.tonal.engine.simulation;

import java.util.List;
import java.util.Map;

import dev.tonal.engine.TraceEntry;

/**
 * What the simulator found (semantics.md rule 33): how the call ended, its trace, the
 * variables at the end, and the ratings stored.
 */
public record SimulationOutput(Result result, List<TraceEntry> trace, Map<String, String> variables,
		List<Rating> ratings) {

	public SimulationOutput {
		trace = List.copyOf(trace);
		ratings = List.copyOf(ratings);
	}

	/**
	 * @param end
	 * {@code transferred|hangup|caller_hangup|lifetime|loop|max_duration|error}
	 * @param at ms after answer
	 * @param destination the destination that answered, as dialled; null otherwise
	 * @param reason a short human-readable reason
	 */
	public record Result(String end, long at, String destination, String reason) {
	}

	public record Rating(int rate, int maxRate) {
	}

}
