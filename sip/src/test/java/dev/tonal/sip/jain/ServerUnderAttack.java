package dev.tonal.sip.jain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import dev.tonal.sip.CallEndReason;
import dev.tonal.sip.CallListener;
import dev.tonal.sip.Route;
import dev.tonal.sip.SipCall;
import dev.tonal.sip.SipConfig;
import dev.tonal.sip.testphone.PhoneCall;
import dev.tonal.sip.testphone.Sdp;
import dev.tonal.sip.testphone.TestPhone;
import dev.tonal.sip.testphone.Transport;
import gov.nist.javax.sip.stack.SIPTransactionStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@link JainSipServer} on loopback for hostile-input suites, and the checks that
 * it survived: it still answers a normal call over UDP and TCP, no call, transaction or
 * dialog is left behind, none of its threads died, and the log has no stack traces and no
 * line per bad message.
 *
 * <p>
 * Calls to {@value #ANSWERED} are answered at once (they reach SDP negotiation); every
 * other user is 404.
 */
final class ServerUnderAttack implements AutoCloseable {

	static final String ANSWERED = "alive";

	/** Log lines (WARNING and worse) allowed for a whole suite, however many messages. */
	static final int LOG_LINE_BUDGET = 30;

	final JainSipServer server;

	/** Calls offered to the IVR whose end it has not been told yet. */
	private final Set<SipCall> unended = ConcurrentHashMap.newKeySet();

	private final Set<Thread> threadsBefore;

	private final ConcurrentLinkedQueue<LogRecord> logged = new ConcurrentLinkedQueue<>();

	private final Handler capture = new Handler() {
		@Override
		public void publish(LogRecord record) {
			if (record.getLevel().intValue() >= Level.INFO.intValue()) {
				ServerUnderAttack.this.logged.add(record);
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	};

	/** Threads killed by an exception nobody caught ("no thread dies"). */
	private final ConcurrentLinkedQueue<String> uncaught = new ConcurrentLinkedQueue<>();

	private final Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();

	ServerUnderAttack(int rtpMin, int rtpMax) {
		Logger.getLogger("").addHandler(this.capture);
		Thread.setDefaultUncaughtExceptionHandler((thread, ex) -> this.uncaught.add(thread.getName() + ": " + ex));
		CallListener answering = new CallListener() {
			@Override
			public void offered(SipCall call) {
				ServerUnderAttack.this.unended.add(call);
				call.answer();
			}

			@Override
			public void ended(SipCall call, CallEndReason reason) {
				ServerUnderAttack.this.unended.remove(call);
			}
		};
		this.server = JainSipServer.start(SipConfig.loopback().withRtpPorts(rtpMin, rtpMax),
				(user, caller) -> ANSWERED.equals(user) ? Route.ivr(user, answering) : Route.notFound(), null);
		this.threadsBefore = Thread.getAllStackTraces().keySet();
	}

	int port() {
		return this.server.port();
	}

	SIPTransactionStack stack() {
		return (SIPTransactionStack) this.server.stack().sipStack();
	}

	/** Checks everything the suites promise; waits for transactions to time out. */
	void assertSurvived(TestPhone phone) throws Exception {
		for (Transport transport : Transport.values()) {
			PhoneCall call = phone.call(ANSWERED, port(), transport, Sdp.offer(40000, "PCMU"));
			assertThat(call.awaitAnswerAndAck().status()).as("a normal call over " + transport).isEqualTo(200);
			assertThat(call.bye().status()).isEqualTo(200);
		}
		// Server transactions live on for Timer J / H (32 s) after their final answer.
		long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
		while (System.nanoTime() < deadline && (this.server.activeCalls() > 0
				|| stack().getServerTransactionTableSize() > 0 || !stack().getDialogs().isEmpty())) {
			Thread.sleep(250);
		}
		assertThat(this.server.activeCalls()).as("calls left").isZero();
		assertThat(stack().getServerTransactionTableSize()).as("server transactions left").isZero();
		assertThat(stack().getDialogs()).as("dialogs left").isEmpty();
		assertThat(this.unended).as("calls whose end the IVR was not told").isEmpty();
		assertThat(this.uncaught).as("threads killed by an uncaught exception").isEmpty();
		List<String> died = this.threadsBefore.stream().filter((t) -> !t.isAlive()).map(Thread::getName).toList();
		System.out.println("threads gone since start: " + died);
		List<LogRecord> lines = new ArrayList<>(this.logged);
		assertThat(lines.stream().filter((r) -> r.getThrown() != null).map(ServerUnderAttack::describe))
			.as("log lines with a stack trace")
			.isEmpty();
		assertThat(lines.stream().filter((r) -> r.getLevel().intValue() >= Level.WARNING.intValue()).count())
			.as("warning lines: " + lines.stream().map(ServerUnderAttack::describe).collect(Collectors.joining("\n")))
			.isLessThanOrEqualTo(LOG_LINE_BUDGET);
	}

	private static String describe(LogRecord r) {
		return r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
				+ ((r.getThrown() != null) ? " [" + r.getThrown() + "]" : "");
	}

	@Override
	public void close() {
		this.server.close();
		Logger.getLogger("").removeHandler(this.capture);
		Thread.setDefaultUncaughtExceptionHandler(this.previousHandler);
	}

}
