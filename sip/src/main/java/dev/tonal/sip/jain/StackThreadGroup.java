package dev.tonal.sip.jain;

import java.util.logging.Logger;

/**
 * The thread group JAIN-SIP stacks are started in, so every thread the stack creates
 * (listeners, one reader per TCP connection, timers) inherits it. Some of the stack's
 * threads end by throwing at what a peer sent: the TCP message parser throws a
 * RuntimeException at a Content-Length above the message size limit, which ends that
 * connection. Uncaught, each such exception would print a stack trace to standard error;
 * here it is one rate-limited warning line.
 */
final class StackThreadGroup extends ThreadGroup {

	static final StackThreadGroup INSTANCE = new StackThreadGroup();

	private static final RateLimitedWarnings warnings = RateLimitedWarnings.of(Logger.getLogger("dev.tonal.sip.stack"));

	private StackThreadGroup() {
		super("jain-sip");
	}

	@Override
	public void uncaughtException(Thread thread, Throwable ex) {
		if (ex instanceof ThreadDeath) {
			return;
		}
		warnings.warn("SIP stack thread " + thread.getName() + " ended", ex);
	}

}
