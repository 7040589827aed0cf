package dev.tonal.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The immutable, compiled configuration of one IVR, taken at call start (semantics.md
 * rule 3): everything the engine needs so that a running call never reads the database.
 *
 * @param extensionId the IVR extension's id
 * @param extensionName the full name, {@code prefix*name} ("000*071")
 * @param clientId the owning client
 * @param clientTimezone the client's IANA time zone
 * @param language prompt language for spoken digits: "ru" (default) or "en"
 * @param settings the IVR-wide settings
 * @param contexts every context of the IVR by id
 * @param soundDurationsMs duration of each of the client's sounds by id (for the
 * simulator and the validator; real calls play the audio itself)
 * @param extensionNames bare names ("002") of every extension of the client, this IVR's
 * own included (allow_any_dial, rules 9 and 10)
 * @param intervals the client's intervals by id
 */
public record IvrSnapshot(long extensionId, String extensionName, long clientId, String clientTimezone, String language,
		IvrSettings settings, Map<Long, ContextConfig> contexts, Map<Long, Integer> soundDurationsMs,
		Set<String> extensionNames, Map<Long, Interval> intervals) {

	public IvrSnapshot {
		contexts = Collections.unmodifiableMap(new LinkedHashMap<>(contexts));
		soundDurationsMs = Map.copyOf(soundDurationsMs);
		extensionNames = Set.copyOf(extensionNames);
		intervals = Map.copyOf(intervals);
	}

	/** The bare name of this IVR ("071"), the part after {@code prefix*}. */
	public String bareName() {
		int star = this.extensionName.indexOf('*');
		return (star >= 0) ? this.extensionName.substring(star + 1) : this.extensionName;
	}

}
