package dev.tonal.sip.jain;

import gov.nist.core.ServerLogger;
import gov.nist.core.StackLogger;
import gov.nist.javax.sip.message.SIPMessage;

import java.util.Locale;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sip.SipStack;

/**
 * Routes JAIN-SIP's stack log and message log to java.util.logging. Without it the
 * stack's default logger needs log4j 1.x and fails to start. Installed by class name
 * through the {@code gov.nist.javax.sip.STACK_LOGGER} and {@code SERVER_LOGGER} stack
 * properties.
 *
 * <p>
 * Stack chatter goes to the logger {@code dev.tonal.sip.stack}, SIP messages (at FINE) to
 * {@code dev.tonal.sip.messages}. The TLS keystore warnings the stack prints at start-up
 * although we open no TLS listening point are lowered to FINE. Errors and warnings, which
 * a peer can cause with every message it sends, are written as one rate-limited line each
 * (their full text and stack trace at FINE).
 */
public class JulStackLogger implements StackLogger, ServerLogger {

	private static final Logger stack = Logger.getLogger("dev.tonal.sip.stack");

	private static final Logger messages = Logger.getLogger("dev.tonal.sip.messages");

	/**
	 * The stack's errors and warnings are mostly about what peers sent (bad messages,
	 * closed connections): one line each, rate-limited, shared by all stacks.
	 */
	private static final RateLimitedWarnings warnings = RateLimitedWarnings.of(stack);

	@Override
	public void logStackTrace() {
	}

	@Override
	public void logStackTrace(int traceLevel) {
	}

	@Override
	public int getLineCount() {
		return 0;
	}

	@Override
	public void logException(Throwable ex) {
		stack.log(Level.FINE, "stack exception", ex);
	}

	@Override
	public void logDebug(String message) {
		stack.finer(message);
	}

	@Override
	public void logDebug(String message, Exception ex) {
		stack.log(Level.FINER, message, ex);
	}

	@Override
	public void logTrace(String message) {
		stack.finest(message);
	}

	@Override
	public void logFatalError(String message) {
		// "bad event" is the event scanner rejecting the wake-up event JainStacks sends
		// it on stop.
		boolean ourWakeUp = message != null && message.startsWith("bad event");
		if (ourWakeUp) {
			stack.fine(message);
		}
		else {
			warn(message, null);
		}
	}

	@Override
	public void logError(String message) {
		warn(message, null);
	}

	@Override
	public void logError(String message, Exception ex) {
		warn(message, ex);
	}

	@Override
	public void logWarning(String message) {
		warn(message, null);
	}

	private static void warn(String message, Throwable ex) {
		if (isAboutTls(message)) {
			stack.log(Level.FINE, message, ex);
		}
		else {
			warnings.warn(message, ex);
		}
	}

	@Override
	public void logInfo(String message) {
		stack.fine(message);
	}

	private static boolean isAboutTls(String message) {
		String lower = (message != null) ? message.toLowerCase(Locale.ROOT) : "";
		return lower.contains("tls") || lower.contains("keystore") || lower.contains("truststore");
	}

	@Override
	public boolean isLoggingEnabled() {
		return stack.isLoggable(Level.SEVERE);
	}

	@Override
	public boolean isLoggingEnabled(int logLevel) {
		return stack.isLoggable(toJul(logLevel));
	}

	private static Level toJul(int logLevel) {
		if (logLevel <= TRACE_FATAL) {
			return Level.SEVERE;
		}
		if (logLevel <= TRACE_ERROR) {
			return Level.SEVERE;
		}
		if (logLevel <= TRACE_WARN) {
			return Level.WARNING;
		}
		if (logLevel <= TRACE_INFO) {
			return Level.FINE;
		}
		if (logLevel <= TRACE_DEBUG) {
			return Level.FINER;
		}
		return Level.FINEST;
	}

	@Override
	public void disableLogging() {
	}

	@Override
	public void enableLogging() {
	}

	@Override
	public void setBuildTimeStamp(String buildTimeStamp) {
	}

	@Override
	public void setStackProperties(Properties properties) {
	}

	@Override
	public String getLoggerName() {
		return stack.getName();
	}

	@Override
	public void closeLogFile() {
	}

	@Override
	public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
		logMessage(message, from, to, null, sender, time);
	}

	@Override
	public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
		if (messages.isLoggable(Level.FINE)) {
			messages.fine((sender ? "sent " : "received ") + from + " -> " + to + "\n" + message);
		}
	}

	@Override
	public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
		logMessage(message, from, to, status, sender, 0);
	}

	@Override
	public void logException(Exception ex) {
		stack.log(Level.FINE, "stack exception", ex);
	}

	@Override
	public void setSipStack(SipStack sipStack) {
	}

}
