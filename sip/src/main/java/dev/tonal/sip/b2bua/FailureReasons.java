package dev.tonal.sip.b2bua;

/**
 * Why a leg failed, in the words the engine and the call trace use (rule 16, the
 * simulator's transfer outcomes).
 */
public final class FailureReasons {

	public static final String BUSY = "busy";

	public static final String REJECTED = "rejected";

	public static final String UNREACHABLE = "unreachable";

	public static final String UNREGISTERED = "unregistered";

	public static final String NO_ROUTE = "no route";

	public static final String NO_ANSWER = "no_answer";

	private FailureReasons() {
	}

	/** The reason for a final failure response to an INVITE. */
	public static String ofStatus(int status) {
		return switch (status) {
			case 486, 600 -> BUSY;
			case 408, 480 -> NO_ANSWER;
			case 502, 503, 504 -> UNREACHABLE;
			default -> REJECTED;
		};
	}

}
