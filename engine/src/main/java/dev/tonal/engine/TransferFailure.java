package dev.tonal.engine;

/**
 * Why a transfer destination failed ({@link Event.LegFailed#reason()}; the trace's
 * {@code transfer_failed} {@code why} is its {@link #wire()} word, as semantics rule 16
 * writes it). The one set of reasons the engine, the simulator, the SIP adapter and the
 * application share: code compares these constants, never the words.
 */
public enum TransferFailure {

	/** The callee is busy (486, 600). */
	BUSY("busy"),

	/** The callee or the network refused the call, or the destination is blocked. */
	REJECTED("rejected"),

	/** The callee could not be reached (no response, 502–504). */
	UNREACHABLE("unreachable"),

	/** A phone extension with no registered device. */
	UNREGISTERED("unregistered"),

	/** Nothing by that name and no trunk for an external number. */
	NO_ROUTE("no route"),

	/** Nobody answered within the ring timeout. */
	NO_ANSWER("no answer");

	private final String wire;

	TransferFailure(String wire) {
		this.wire = wire;
	}

	/** The reason as the trace and the API write it. */
	public String wire() {
		return this.wire;
	}

	/**
	 * The stronger of two reasons for one destination reached several ways (every device
	 * of a phone): busy wins, so the caller's IVR hears the phone is in use rather than
	 * that one of its devices was unreachable.
	 */
	public TransferFailure strongest(TransferFailure other) {
		return (this == BUSY || other == null) ? this : other;
	}

}
