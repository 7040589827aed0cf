package dev.tonal.sip.b2bua;

import java.util.Objects;

import dev.tonal.media.codec.G711;

/**
 * One outbound leg to place: where, and whom to present as the caller.
 *
 * @param target the SIP URI to send the INVITE to (a registered contact, or the trunk URI
 * with the number filled in)
 * @param callerNumber the From user (set_caller_id_number, else the original caller's)
 * @param callerName the From display name ({@code ""} for none)
 * @param preferredCodec offered first, so the legs usually agree and need no transcoding
 * @param credentials digest credentials for a challenge from the target (a trunk), or
 * null
 */
public record LegRequest(String target, String callerNumber, String callerName, G711.Law preferredCodec,
		TrunkCredentials credentials) {

	public LegRequest {
		Objects.requireNonNull(target, "target");
		callerNumber = (callerNumber != null) ? callerNumber : "";
		callerName = (callerName != null) ? callerName : "";
		Objects.requireNonNull(preferredCodec, "preferredCodec");
	}

	/** User name and password Tonal answers a trunk's digest challenge with. */
	public record TrunkCredentials(String username, String password) {

		public TrunkCredentials {
			Objects.requireNonNull(username, "username");
			Objects.requireNonNull(password, "password");
		}

	}

}
