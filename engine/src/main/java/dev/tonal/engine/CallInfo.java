package dev.tonal.engine;

import java.util.Objects;

import dev.tonal.model.IvrSnapshot;

/**
 * What the adapter knows about a call when it starts the session.
 *
 * @param callUuid the call's id (history, ratings, {@code CallID})
 * @param callerIdNumber the caller's number as received ("" when withheld)
 * @param callerIdName the caller's display name ("" when none)
 * @param calledDid the DID dialled, or null for an internal call (then {@code called_did}
 * holds the IVR's bare name)
 * @param callerExtension the caller's {@code prefix*name} for internal calls, else null
 * @param callerExtensionId the caller's extension id for internal calls, else null
 */
public record CallInfo(String callUuid, String callerIdNumber, String callerIdName, String calledDid,
		String callerExtension, Long callerExtensionId) {

	public CallInfo {
		Objects.requireNonNull(callUuid, "callUuid");
		callerIdNumber = (callerIdNumber != null) ? callerIdNumber : "";
		callerIdName = (callerIdName != null) ? callerIdName : "";
	}

	/**
	 * What {@code called_did} holds for a call to {@code ivr} (rule 2): the DID, or the
	 * IVR's bare name for an internal call. The call's history stores the same.
	 */
	public String calledDidVariable(IvrSnapshot ivr) {
		return (this.calledDid != null) ? this.calledDid : ivr.bareName();
	}

	/** An external call from {@code callerIdNumber} to {@code calledDid}. */
	public static CallInfo external(String callUuid, String callerIdNumber, String callerIdName, String calledDid) {
		return new CallInfo(callUuid, callerIdNumber, callerIdName, calledDid, null, null);
	}

}
