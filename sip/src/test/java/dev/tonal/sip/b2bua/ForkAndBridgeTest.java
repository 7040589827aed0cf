package dev.tonal.sip.b2bua;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.tonal.engine.TransferFailureReasons;
import dev.tonal.media.codec.G711;
import dev.tonal.media.rtp.RtpPacket;
import dev.tonal.sip.Route;
import dev.tonal.sip.SerialExecutor;
import dev.tonal.sip.SipConfig;
import dev.tonal.sip.SipServer;
import dev.tonal.sip.testphone.TestDevice;
import dev.tonal.sip.testphone.TestDevice.Behaviour;
import dev.tonal.sip.testphone.TestPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbound legs, parallel ringing and RTP bridging over loopback, before any IVR uses
 * them (semantics rule 16; issue "Transfers, phones and trunks", item 3): real INVITEs
 * from the server to test devices.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForkAndBridgeTest {

	private SipServer server;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final SerialExecutor events = new SerialExecutor("test-transfer");

	private final RecordingForkListener listener = new RecordingForkListener();

	private TestDevice first;

	private TestDevice second;

	@BeforeAll
	void start() {
		this.server = SipServer.start(SipConfig.loopback().withRtpPorts(34000, 34999),
				(user, caller) -> Route.notFound());
		this.first = TestDevice.start("000*002", "unused-password");
		this.second = TestDevice.start("000*050", "unused-password");
	}

	@AfterEach
	void reset() {
		this.listener.ringing.drainPermits();
		this.listener.reports.clear();
		this.first.clearHistory();
		this.second.clearHistory();
		this.first.behave(Behaviour.ANSWER);
		this.second.behave(Behaviour.ANSWER);
		this.first.answerWith("PCMU");
		this.second.answerWith("PCMU");
	}

	@AfterAll
	void stop() {
		this.first.close();
		this.second.close();
		this.server.close();
		this.timer.shutdownNow();
	}

	@Test
	void rule16_firstToAnswerWins_andTheOthersGetCancel() {
		this.first.behave(Behaviour.RING);
		this.second.behave(Behaviour.ANSWER);

		Fork fork = fork(Map.of("002", List.of(leg(this.first)), "050", List.of(leg(this.second))),
				Duration.ofSeconds(20));

		assertThat(this.listener.next()).isEqualTo("answered 050");
		assertThat(this.first.awaitEnd()).isEqualTo("CANCEL");
		hangUp(fork);
		assertThat(this.second.awaitEnd()).isEqualTo("BYE");
	}

	@Test
	void rule16_whileRinging_ringbackIsAskedFor() {
		this.first.behave(Behaviour.RING);

		Fork fork = fork(Map.of("002", List.of(leg(this.first))), Duration.ofSeconds(20));
		this.first.awaitInvite();

		this.listener.awaitRinging();
		this.first.answer();
		assertThat(this.listener.next()).isEqualTo("answered 002");
		hangUp(fork);
		this.first.awaitEnd();
	}

	@Test
	void rule16_busyCalleeFailsItsDestinationAsBusy() {
		this.first.behave(Behaviour.BUSY);

		fork(Map.of("002", List.of(leg(this.first))), Duration.ofSeconds(20));

		assertThat(this.listener.next()).isEqualTo("failed 002 busy");
	}

	@Test
	void rule16_unansweredWithinTheRingTimeout_isCancelledAndFailsAsNoAnswer() {
		this.first.behave(Behaviour.RING);

		fork(Map.of("002", List.of(leg(this.first))), Duration.ofMillis(1500));

		this.listener.awaitRinging();
		assertThat(this.listener.next()).isEqualTo("failed 002 " + TransferFailureReasons.NO_ANSWER);
		assertThat(this.first.awaitEnd()).isEqualTo("CANCEL");
	}

	@Test
	void rule16_cancellingTheRingCancelsEveryLeg() {
		this.first.behave(Behaviour.RING);
		this.second.behave(Behaviour.RING);
		Fork fork = fork(Map.of("002", List.of(leg(this.first)), "050", List.of(leg(this.second))),
				Duration.ofSeconds(20));
		this.first.awaitInvite();
		this.second.awaitInvite();
		this.listener.awaitRinging();

		this.events.execute(fork::cancelRinging);

		assertThat(this.first.awaitEnd()).isEqualTo("CANCEL");
		assertThat(this.second.awaitEnd()).isEqualTo("CANCEL");
	}

	/**
	 * The caller hangs up just as the callee answers: the leg's CANCEL crosses the 200,
	 * so the callee, who answered anyway, must get a BYE after the ACK. Hanging up when
	 * the 180 is reported lands between the callee's 180 and 200 (sent back to back); the
	 * race is narrow, so it is run many times (before the fix, some attempt in 200 got
	 * neither CANCEL nor BYE in every run tried).
	 */
	@Test
	void rule16_aLegAnsweringWhileItIsHungUp_getsBye() {
		for (int attempt = 0; attempt < 200; attempt++) {
			HangUpWhenRinging hangUpWhenRinging = new HangUpWhenRinging();
			this.events.execute(() -> hangUpWhenRinging.fork = Fork.start(this.server.dialer(),
					Map.of("050", List.of(leg(this.second))), Duration.ofSeconds(20), this.timer, this.events,
					hangUpWhenRinging));

			assertThat(this.second.awaitEnd()).as("attempt %d", attempt).isEqualTo("BYE");
			this.second.clearHistory();
		}
	}

	@Test
	void rule21_theLegPresentsTheGivenCallerId() {
		this.first.behave(Behaviour.BUSY);

		fork(Map.of("002",
				List.of(new LegRequest(target(this.first), "+74950000001", "Sales line", G711.Law.ULAW, null))),
				Duration.ofSeconds(20));

		TestDevice.Invite invite = this.first.awaitInvite();
		assertThat(invite.fromUser()).isEqualTo("+74950000001");
		assertThat(invite.fromDisplayName()).isEqualTo("Sales line");
		this.listener.next();
	}

	@Test
	void trunkChallenge_isAnsweredWithTheConfiguredCredentials() {
		this.first.behave(Behaviour.CHALLENGE);

		Fork fork = fork(
				Map.of("+7987654321",
						List.of(new LegRequest(target(this.first), "100", "", G711.Law.ULAW,
								new LegRequest.TrunkCredentials("tonal-trunk", "trunk-secret")))),
				Duration.ofSeconds(20));

		assertThat(this.first.awaitInvite().authorization()).isNull();
		assertThat(this.first.awaitInvite().authorization()).contains("username=\"tonal-trunk\"",
				"realm=\"trunk.test\"");
		assertThat(this.listener.next()).isEqualTo("answered +7987654321");
		hangUp(fork);
		this.first.awaitEnd();
	}

	@Test
	void rule16_calleeHangingUpIsReported() {
		fork(Map.of("002", List.of(leg(this.first))), Duration.ofSeconds(20));
		assertThat(this.listener.next()).isEqualTo("answered 002");

		this.first.hangUp();

		assertThat(this.listener.next()).isEqualTo("callee hung up 002");
	}

	@Test
	void bridgedLegsHearEachOther_acrossPcmuAndPcma_andKeysAreRelayed() {
		this.second.answerWith("PCMA");
		fork(Map.of("002", List.of(leg(this.first))), Duration.ofSeconds(20));
		assertThat(this.listener.next()).isEqualTo("answered 002");
		OutboundLeg a = this.listener.lastAnswered;
		fork(Map.of("050", List.of(leg(this.second))), Duration.ofSeconds(20));
		assertThat(this.listener.next()).isEqualTo("answered 050");
		OutboundLeg b = this.listener.lastAnswered;
		assertThat(b.media().law()).isEqualTo(G711.Law.ALAW);

		try (RtpBridge bridge = RtpBridge.connect(a.media(), b.media())) {
			short[] speechA = AudioSignals.chirp(8000, 300, 3000, 7);
			short[] speechB = AudioSignals.chirp(8000, 2500, 400, 11);
			this.first.rtp().sendAudio(speechA, G711.Law.ULAW, this.first.tonalRtp());
			this.second.rtp().sendAudio(speechB, G711.Law.ALAW, this.second.tonalRtp());

			List<RtpPacket> heardBySecond = this.second.rtp().awaitPackets(speechA.length / 160);
			List<RtpPacket> heardByFirst = this.first.rtp().awaitPackets(speechB.length / 160);

			assertThat(heardBySecond).allMatch((packet) -> packet.payloadType() == 8);
			assertThat(heardBySecond).extracting(RtpPacket::ssrc).containsOnly(heardBySecond.get(0).ssrc());
			assertThat(AudioSignals.correlation(speechA, AudioSignals.decode(heardBySecond, G711.Law.ALAW)))
				.isGreaterThanOrEqualTo(0.9);
			assertThat(AudioSignals.correlation(speechB, AudioSignals.decode(heardByFirst, G711.Law.ULAW)))
				.isGreaterThanOrEqualTo(0.9);

			this.first.rtp().sendKey('5', 101, this.first.tonalRtp());
			List<RtpPacket> events = this.second.rtp().awaitPackets(3);
			assertThat(events).allMatch((packet) -> packet.payloadType() == 101);
			assertThat(events.get(0).payload()[0]).isEqualTo((byte) 5);
		}
		a.hangUp();
		b.hangUp();
		assertThat(this.first.awaitEnd()).isEqualTo("BYE");
		assertThat(this.second.awaitEnd()).isEqualTo("BYE");
	}

	// ---- helpers

	private Fork fork(Map<String, List<LegRequest>> legs, Duration ringTimeout) {
		BlockingQueue<Fork> started = new LinkedBlockingQueue<>();
		this.events.execute(() -> started.add(Fork.start(this.server.dialer(), new LinkedHashMap<>(legs), ringTimeout,
				this.timer, this.events, this.listener)));
		try {
			return started.poll(TestPhone.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			throw new AssertionError(ex);
		}
	}

	private void hangUp(Fork fork) {
		this.events.execute(fork::hangUpAll);
	}

	private static String target(TestDevice device) {
		return "sip:device@127.0.0.1:" + device.port();
	}

	private static LegRequest leg(TestDevice device) {
		return new LegRequest(target(device), "100", "Caller", G711.Law.ULAW, null);
	}

	/**
	 * Hangs the whole fork up as soon as it rings (on the events executor), or once
	 * answered when the stack handled the 200 first (a 180 after it is dropped).
	 */
	private static final class HangUpWhenRinging implements Fork.Listener {

		private Fork fork;

		@Override
		public void ringing() {
			this.fork.hangUpAll();
		}

		@Override
		public void answered(String destination, OutboundLeg leg) {
			this.fork.hangUpAll();
		}

		@Override
		public void failed(String destination, String reason) {
		}

		@Override
		public void calleeHungUp(String destination) {
		}

	}

	/** Keeps the fork's reports as text, in order. */
	static final class RecordingForkListener implements Fork.Listener {

		private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();

		private final java.util.concurrent.Semaphore ringing = new java.util.concurrent.Semaphore(0);

		volatile OutboundLeg lastAnswered;

		@Override
		public void ringing() {
			this.ringing.release();
		}

		/** Waits for a fork to report ringing (once per fork). */
		void awaitRinging() {
			try {
				if (!this.ringing.tryAcquire(TestPhone.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new AssertionError("no ringing within " + TestPhone.TIMEOUT);
				}
			}
			catch (InterruptedException ex) {
				throw new AssertionError(ex);
			}
		}

		@Override
		public void answered(String destination, OutboundLeg leg) {
			this.lastAnswered = leg;
			this.reports.add("answered " + destination);
		}

		@Override
		public void failed(String destination, String reason) {
			this.reports.add("failed " + destination + " " + reason);
		}

		@Override
		public void calleeHungUp(String destination) {
			this.reports.add("callee hung up " + destination);
		}

		String next() {
			try {
				String report = this.reports.poll(TestPhone.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				if (report == null) {
					throw new AssertionError("the transfer reported nothing within " + TestPhone.TIMEOUT);
				}
				return report;
			}
			catch (InterruptedException ex) {
				throw new AssertionError(ex);
			}
		}

	}

}
