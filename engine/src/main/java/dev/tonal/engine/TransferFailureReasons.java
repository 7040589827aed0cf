package dev.tonal.engine;

/**
 * Why a transfer destination failed ({@link Event.TransferFailed#reason()}, the trace's
 * {@code transfer_failed} {@code why}), in the words of semantics rule 16. The one set of
 * reasons the engine, the simulator and the SIP adapter share.
 */
public final class TransferFailureReasons {

	/** The callee is busy (486, 600). */
	public static final String BUSY = "busy";

	/** The callee or the network refused the call, or the destination is blocked. */
	public static final String REJECTED = "rejected";

	/** The callee could not be reached (no response, 502–504). */
	public static final String UNREACHABLE = "unreachable";

	/** A phone extension with no registered device. */
	public static final String UNREGISTERED = "unregistered";

	/** Nothing by that name and no trunk for an external number. */
	public static final String NO_ROUTE = "no route";

	/** Nobody answered within the ring timeout. */
	public static final String NO_ANSWER = "no answer";

	private TransferFailureReasons() {
	}

}
