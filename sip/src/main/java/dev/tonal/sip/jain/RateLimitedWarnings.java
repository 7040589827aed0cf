package dev.tonal.sip.jain;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Warnings that any peer can trigger with every message it sends (a malformed request, a
 * connection reset): each is one line of at most {@value #MAX_LINE} characters, and at
 * most {@code perPeriod} are written per period, followed by one line counting those left
 * out. A scanner sending garbage all day thus cannot fill the disk or hide other log
 * lines. The full text and stack trace go to the same logger at FINE.
 */
final class RateLimitedWarnings {

	static final int MAX_LINE = 200;

	private final Logger logger;

	private final int perPeriod;

	private final long periodNanos;

	private final LongSupplier nanoTime;

	private long periodStart;

	private int written;

	private int suppressed;

	RateLimitedWarnings(Logger logger, int perPeriod, Duration period, LongSupplier nanoTime) {
		this.logger = logger;
		this.perPeriod = perPeriod;
		this.periodNanos = period.toNanos();
		this.nanoTime = nanoTime;
		this.periodStart = nanoTime.getAsLong();
	}

	/** Ten lines a minute on the system clock. */
	static RateLimitedWarnings of(Logger logger) {
		return new RateLimitedWarnings(logger, 10, Duration.ofMinutes(1), System::nanoTime);
	}

	/**
	 * Writes {@code what} (and the cause's message) as one line, unless over the rate.
	 */
	void warn(String what, Throwable cause) {
		if (this.logger.isLoggable(Level.FINE)) {
			this.logger.log(Level.FINE, what, cause);
		}
		String line = oneLine(what, cause);
		String summary = null;
		synchronized (this) {
			long now = this.nanoTime.getAsLong();
			if (now - this.periodStart >= this.periodNanos) {
				if (this.suppressed > 0) {
					summary = this.suppressed + " similar warnings left out in the last period";
				}
				this.periodStart = now;
				this.written = 0;
				this.suppressed = 0;
			}
			if (this.written >= this.perPeriod) {
				this.suppressed++;
				line = null;
			}
			else {
				this.written++;
			}
		}
		if (summary != null) {
			this.logger.warning(summary);
		}
		if (line != null) {
			this.logger.warning(line);
		}
	}

	static String oneLine(String what, Throwable cause) {
		String text = (what != null) ? what : "";
		if (cause != null) {
			text = text + " (" + cause.getClass().getSimpleName()
					+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : "") + ")";
		}
		int newline = text.indexOf('\n');
		if (newline >= 0) {
			text = text.substring(0, newline).strip() + " …";
		}
		return (text.length() > MAX_LINE) ? text.substring(0, MAX_LINE) + "…" : text;
	}

}
