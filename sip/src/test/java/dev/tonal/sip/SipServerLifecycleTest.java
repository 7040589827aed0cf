package dev.tonal.sip;

import java.util.HashSet;
import java.util.Set;

import dev.tonal.sip.testphone.PhoneCall;
import dev.tonal.sip.testphone.Sdp;
import dev.tonal.sip.testphone.Transport;
import dev.tonal.sip.testphone.TestPhone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting and stopping the SIP server: nothing may keep the JVM alive afterwards. */
@Timeout(60)
class SipServerLifecycleTest {

	@Test
	void closingTheServerEndsEveryNonDaemonThreadItStarted() throws Exception {
		Set<Thread> before = nonDaemonThreads();
		SipServer server = SipServer.start(SipConfig.loopback(), (user, caller) -> Route.notFound());
		try (TestPhone phone = TestPhone.start()) {
			assertThat(phone.options(server.port(), Transport.UDP).status()).isEqualTo(200);
			assertThat(phone.options(server.port(), Transport.TCP).status()).isEqualTo(200);
		}
		Set<Thread> started = nonDaemonThreads();
		started.removeAll(before);

		server.close();

		for (Thread thread : started) {
			thread.join(10_000);
			assertThat(thread.isAlive()).as("thread %s still alive after close()", thread.getName()).isFalse();
		}
	}

	@Test
	void aTakenPortIsAClearError() {
		try (SipServer first = SipServer.start(SipConfig.loopback(), (user, caller) -> Route.notFound())) {
			SipConfig samePort = SipConfig.loopback().withPort(first.port());

			assertThatThrownBy(() -> SipServer.start(samePort, (user, caller) -> Route.notFound()))
				.isInstanceOf(SipServerException.class)
				.hasMessageContaining("Cannot start SIP on 127.0.0.1:" + first.port());
		}
	}

	private static Set<Thread> nonDaemonThreads() {
		Set<Thread> threads = new HashSet<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (!thread.isDaemon() && thread.isAlive()) {
				threads.add(thread);
			}
		}
		return threads;
	}

	@Test
	void endedCallsAreForgotten() throws Exception {
		RecordingListener ivr = RecordingListener.answering();
		try (SipServer server = SipServer.start(SipConfig.loopback(), (user, caller) -> Route.ivr(user, ivr));
				TestPhone phone = TestPhone.start()) {
			PhoneCall call = phone.call("ivr", server.port(), Transport.UDP, Sdp.offer(40000, "PCMU"));
			call.awaitAnswerAndAck();
			assertThat(server.activeCalls()).isEqualTo(1);

			call.bye();

			assertThat(ivr.next()).isEqualTo("offered");
			assertThat(ivr.next()).isEqualTo("answered");
			assertThat(ivr.next()).isEqualTo("ended CALLER_HUNG_UP");
			assertThat(server.activeCalls()).isZero();
		}
	}

	@Test
	void stoppingTheServerHangsUpItsCalls() throws Exception {
		RecordingListener ivr = RecordingListener.answering();
		SipServer server = SipServer.start(SipConfig.loopback(), (user, caller) -> Route.ivr(user, ivr));
		try (TestPhone phone = TestPhone.start()) {
			PhoneCall call = phone.call("ivr", server.port(), Transport.TCP, Sdp.offer(40000, "PCMU"));
			call.awaitAnswerAndAck();
			assertThat(ivr.next()).isEqualTo("offered");
			assertThat(ivr.next()).isEqualTo("answered");

			server.close();

			call.awaitByeFromServer();
			assertThat(ivr.next()).isEqualTo("ended SERVER_STOPPED");
		}
	}

	@Test
	void serverBoundToAllInterfacesTakesAndEndsCalls() throws Exception {
		RecordingListener ivr = RecordingListener.answering();
		SipConfig everywhere = new SipConfig("0.0.0.0", 0, "127.0.0.1", 34000, 34999);
		try (SipServer server = SipServer.start(everywhere, (user, caller) -> Route.ivr(user, ivr));
				TestPhone phone = TestPhone.start()) {
			assertThat(phone.options(server.port(), Transport.UDP).status()).isEqualTo(200);
			PhoneCall call = phone.call("ivr", server.port(), Transport.UDP, Sdp.offer(40000, "PCMU"));
			assertThat(call.awaitAnswerAndAck().body()).contains("c=IN IP4 127.0.0.1");
			assertThat(ivr.next()).isEqualTo("offered");
			assertThat(ivr.next()).isEqualTo("answered");

			ivr.awaitCall().hangUp();

			call.awaitByeFromServer();
			assertThat(ivr.next()).isEqualTo("ended WE_HUNG_UP");
		}
	}

}
