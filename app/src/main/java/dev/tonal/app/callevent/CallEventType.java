package dev.tonal.app.callevent;

import java.util.Arrays;
import java.util.Optional;

import dev.tonal.sip.ivrcall.CallProgress;

/** The call events a subscription may ask for (api.md §9), by their wire names. */
enum CallEventType {

	DIAL_IN("dial-in"), DIAL_OUT("dial-out"), ANSWER("answer"), HANGUP("hangup");

	private final String wire;

	CallEventType(String wire) {
		this.wire = wire;
	}

	String wire() {
		return this.wire;
	}

	static Optional<CallEventType> parse(String wire) {
		return Arrays.stream(values()).filter((type) -> type.wire.equals(wire)).findFirst();
	}

	/**
	 * The event a step of a call is: reaching the IVR is its dial-in, a leg a transfer
	 * dials is a dial-out (of the phone or number it rings).
	 */
	static CallEventType of(CallProgress progress) {
		return switch (progress.step()) {
			case DIALLED -> (progress.leg() == null) ? DIAL_IN : DIAL_OUT;
			case ANSWERED -> ANSWER;
			case HUNG_UP -> HANGUP;
		};
	}

}
