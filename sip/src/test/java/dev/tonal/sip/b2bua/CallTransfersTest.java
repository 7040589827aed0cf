package dev.tonal.sip.b2bua;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.tonal.engine.Command;
import dev.tonal.engine.Event;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's transfer commands carried out with real legs (rule 16): events back to the
 * session, ringback, cancel, bridge and hang-ups. The caller's side is itself a device
 * reached through an outbound leg, so no IVR call is needed.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallTransfersTest {

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private SipServer server;

	private TestDevice caller;

	private TestDevice phone002;

	private TestDevice phone050;

	private OutboundLeg callerLeg;

	private FakeHost host;

	private CallTransfers transfers;

	@BeforeAll
	void start() {
		this.server = SipServer.start(SipConfig.loopback().withRtpPorts(35000, 35999),
				(user, caller) -> Route.notFound());
		this.caller = TestDevice.start("000*100", "unused");
		this.phone002 = TestDevice.start("000*002", "unused");
		this.phone050 = TestDevice.start("000*050", "unused");
	}

	@BeforeEach
	void callTheCaller() {
		this.host = new FakeHost();
		BlockingQueue<OutboundLeg> answered = new LinkedBlockingQueue<>();
		this.host.executor.execute(() -> Fork.start(this.server.dialer(),
				Map.of("caller", List
					.of(new LegRequest("sip:caller@127.0.0.1:" + this.caller.port(), "ivr", "", G711.Law.ULAW, null))),
				Duration.ofSeconds(10), this.timer, this.host.executor, new Fork.Listener() {
					@Override
					public void ringing() {
					}

					@Override
					public void answered(String destination, OutboundLeg leg) {
						answered.add(leg);
					}

					@Override
					public void failed(String destination, String reason) {
					}

					@Override
					public void calleeHungUp(String destination) {
					}
				}));
		this.callerLeg = poll(answered);
		this.caller.awaitInvite();
		DestinationResolver resolver = (destination) -> switch (destination) {
			case "002" -> new DestinationResolver.Ring(List.of("sip:002@127.0.0.1:" + this.phone002.port()), null);
			case "050" -> new DestinationResolver.Ring(List.of("sip:050@127.0.0.1:" + this.phone050.port()), null);
			case "200" -> new DestinationResolver.Ivr("000*200");
			default -> new DestinationResolver.Fails(TransferFailureReasons.NO_ROUTE);
		};
		this.transfers = new CallTransfers(this.server.dialer(), resolver, this.timer, this.host);
	}

	@AfterEach
	void hangUpTheCaller() {
		this.callerLeg.hangUp();
		this.caller.clearHistory();
		this.phone002.clearHistory();
		this.phone050.clearHistory();
		this.phone002.behave(Behaviour.ANSWER);
		this.phone050.behave(Behaviour.ANSWER);
	}

	@AfterAll
	void stop() {
		this.caller.close();
		this.phone002.close();
		this.phone050.close();
		this.server.close();
		this.timer.shutdownNow();
	}

	@Test
	void rule16_twoDestinationsAtOnce_theSecondAnswers_theFirstGetsCancel_andTheyTalk() {
		this.phone002.behave(Behaviour.RING);
		this.phone050.behave(Behaviour.ANSWER);

		run(() -> this.transfers.ring(ring(7, "002", "050", "999")));

		assertThat(this.host.events(2)).containsExactlyInAnyOrder(
				new Event.TransferFailed(7, "999", TransferFailureReasons.NO_ROUTE),
				new Event.TransferAnswered(7, "050"));
		assertThat(this.phone002.awaitEnd()).isEqualTo("CANCEL");
		run(() -> this.transfers.bridge(new Command.Bridge(7, "050")));

		short[] callerSays = AudioSignals.chirp(8000, 300, 3000, 6);
		short[] calleeSays = AudioSignals.chirp(8000, 2800, 500, 6);
		this.caller.rtp().sendAudio(callerSays, G711.Law.ULAW, this.caller.tonalRtp());
		this.phone050.rtp().sendAudio(calleeSays, G711.Law.ULAW, this.phone050.tonalRtp());
		List<RtpPacket> heardByCallee = this.phone050.rtp().awaitPackets(callerSays.length / 160);
		List<RtpPacket> heardByCaller = this.caller.rtp().awaitPackets(calleeSays.length / 160);
		assertThat(AudioSignals.correlation(callerSays, AudioSignals.decode(heardByCallee, G711.Law.ULAW)))
			.isGreaterThanOrEqualTo(0.9);
		assertThat(AudioSignals.correlation(calleeSays, AudioSignals.decode(heardByCaller, G711.Law.ULAW)))
			.isGreaterThanOrEqualTo(0.9);

		this.phone050.hangUp();
		assertThat(poll(this.host.calleeHangUps)).isEqualTo(7L);
	}

	@Test
	void rule16_theCallerHearsRingbackWhileRinging_untilTheRingIsCancelled() {
		this.phone002.behave(Behaviour.RING);

		run(() -> this.transfers.ring(ring(8, "002")));

		assertThat(poll(this.host.playing)).isEqualTo("ringback");
		run(() -> this.transfers.cancelRing(new Command.CancelRing(8)));
		assertThat(poll(this.host.playing)).isEqualTo("stopped");
		assertThat(this.phone002.awaitEnd()).isEqualTo("CANCEL");
	}

	@Test
	void rule16_theCallerHangingUpWhileRinging_cancelsEveryLeg() {
		this.phone002.behave(Behaviour.RING);
		this.phone050.behave(Behaviour.RING);
		run(() -> this.transfers.ring(ring(9, "002", "050")));
		this.phone002.awaitInvite();
		this.phone050.awaitInvite();

		run(this.transfers::callerHungUp);

		assertThat(this.phone002.awaitEnd()).isEqualTo("CANCEL");
		assertThat(this.phone050.awaitEnd()).isEqualTo("CANCEL");
	}

	@Test
	void rule16_busyDestinationFails_soTheNextRuleCanRun() {
		this.phone002.behave(Behaviour.BUSY);

		run(() -> this.transfers.ring(ring(10, "002")));

		assertThat(this.host.events(1))
			.containsExactly(new Event.TransferFailed(10, "002", TransferFailureReasons.BUSY));
	}

	@Test
	void rule16_anIvrDestinationAnswersAtOnce_andRunsOnTheSameCall() {
		run(() -> this.transfers.ring(ring(11, "200")));

		assertThat(this.host.events(1)).containsExactly(new Event.TransferAnswered(11, "200"));
		run(() -> this.transfers.bridge(new Command.Bridge(11, "200")));
		assertThat(poll(this.host.ivrsStarted)).isEqualTo("000*200");
	}

	// ---- helpers

	private static Command.Ring ring(long id, String... destinations) {
		return new Command.Ring(id, List.of(destinations), "100", "Caller", Duration.ofSeconds(20));
	}

	private void run(Runnable action) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		this.host.executor.execute(() -> {
			action.run();
			done.complete(null);
		});
		done.orTimeout(10, TimeUnit.SECONDS).join();
	}

	private static <T> T poll(BlockingQueue<T> queue) {
		try {
			T item = queue.poll(TestPhone.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (item == null) {
				throw new AssertionError("nothing within " + TestPhone.TIMEOUT);
			}
			return item;
		}
		catch (InterruptedException ex) {
			throw new AssertionError(ex);
		}
	}

	/** The call side of the transfers, recorded. */
	private final class FakeHost implements CallTransfers.Host {

		final SerialExecutor executor = new SerialExecutor("test-call");

		final BlockingQueue<Event> delivered = new LinkedBlockingQueue<>();

		final BlockingQueue<String> playing = new LinkedBlockingQueue<>();

		final BlockingQueue<Long> calleeHangUps = new LinkedBlockingQueue<>();

		final BlockingQueue<String> ivrsStarted = new LinkedBlockingQueue<>();

		/** The next {@code count} events delivered, waiting for each. */
		List<Event> events(int count) {
			List<Event> all = new java.util.ArrayList<>();
			for (int i = 0; i < count; i++) {
				all.add(poll(this.delivered));
			}
			return all;
		}

		@Override
		public Executor executor() {
			return this.executor;
		}

		@Override
		public BridgeEnd caller() {
			return CallTransfersTest.this.callerLeg.media();
		}

		@Override
		public void play(short[] samples, Runnable whenFinished) {
			this.playing.add("ringback");
		}

		@Override
		public void stopPlaying() {
			this.playing.add("stopped");
		}

		@Override
		public void deliver(Event event) {
			this.delivered.add(event);
		}

		@Override
		public void startIvr(String extension) {
			this.ivrsStarted.add(extension);
		}

		@Override
		public void calleeHungUp(long transferId) {
			this.calleeHangUps.add(transferId);
		}

	}

}
