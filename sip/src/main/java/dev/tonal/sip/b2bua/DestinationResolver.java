package dev.tonal.sip.b2bua;

import java.util.List;
import java.util.Objects;

import dev.tonal.engine.TransferFailure;

/**
 * Turns a transfer destination as the IVR names it ({@code "002"}, {@code "000*002"},
 * {@code "+7987654321"}) into what to ring (rule 16). Implemented by the application:
 * extensions, registrations and the trunk live there.
 */
@FunctionalInterface
public interface DestinationResolver {

	/**
	 * @param destination the destination as dialled
	 * @return where it leads
	 */
	Resolution resolve(String destination);

	/** Where a destination leads. */
	sealed interface Resolution {

	}

	/**
	 * Ring these SIP URIs at once (every registered device of a phone, or the trunk URI
	 * for an external number).
	 *
	 * @param targets the URIs, at least one
	 * @param credentials digest credentials toward the trunk, or null
	 */
	record Ring(List<String> targets, LegRequest.TrunkCredentials credentials) implements Resolution {

		public Ring {
			targets = List.copyOf(targets);
			if (targets.isEmpty()) {
				throw new IllegalArgumentException("a destination to ring needs at least one target");
			}
		}

	}

	/**
	 * The destination is an IVR: it answers at once and, once bridged, runs on this same
	 * call with no SIP hop.
	 *
	 * @param extension the IVR's full extension name
	 */
	record Ivr(String extension) implements Resolution {

		public Ivr {
			Objects.requireNonNull(extension, "extension");
		}

	}

	/**
	 * The destination cannot be rung, with one of the {@link TransferFailure}s:
	 * unregistered (a phone with no device), no route (nothing by that name and no
	 * trunk), rejected (blocked).
	 */
	record Fails(TransferFailure reason) implements Resolution {

		public Fails {
			Objects.requireNonNull(reason, "reason");
		}

	}

}
