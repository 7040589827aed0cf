package dev.tonal.sip.b2bua;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.tonal.engine.Command;
import dev.tonal.engine.Event;
import dev.tonal.engine.TransferFailure;
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
 * The engine's transfer commands carried out with real legs (rule 16): per-leg events
 * back to the session, ringback, cancel, bridge and hang-ups. The adapter decides
 * nothing: the tests play the session's part. The caller's side is itself a device
 * reached through an outbound leg, so no IVR call is needed.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallTransfersTest {

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
		this.host.executor.execute(() -> ForkedLeg.dial(this.server.dialer(),
				List.of(new LegRequest("sip:caller@127.0.0.1:" + this.caller.port(), "ivr", "", G711.Law.ULAW, null)),
				this.host.executor, new LegListener() {
					@Override
					public void ringing(OutboundLeg leg) {
					}

					@Override
					public void answered(OutboundLeg leg) {
						answered.add(leg);
					}

					@Override
					public void failed(OutboundLeg leg, TransferFailure reason) {
					}

					@Override
					public void hungUp(OutboundLeg leg) {
					}
				}));
		this.callerLeg = poll(answered);
		this.caller.awaitInvite();
		DestinationResolver resolver = (destination) -> switch (destination) {
			case "002" -> new DestinationResolver.Ring(List.of("sip:002@127.0.0.1:" + this.phone002.port()), null);
			case "050" -> new DestinationResolver.Ring(List.of("sip:050@127.0.0.1:" + this.phone050.port()), null);
			case "200" -> new DestinationResolver.Ivr("000*200");
			default -> new DestinationResolver.Fails(TransferFailure.NO_ROUTE);
		};
		this.transfers = new CallTransfers(this.server.dialer(), resolver, this.host);
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
	}

	@Test
	void rule16_twoDestinationsAtOnce_theSecondAnswers_theSessionCancelsTheFirst_andTheyTalk() {
		this.phone002.behave(Behaviour.RING);
		this.phone050.behave(Behaviour.ANSWER);

		run(() -> this.transfers.ring(ring(1, "002", "050", "999")));

		assertThat(this.host.eventsUntil(new Event.LegAnswered(2)))
			.contains(new Event.LegFailed(3, TransferFailure.NO_ROUTE));
		assertThat(this.phone002.endingsSoFar()).as("the adapter cancels nothing by itself").isEmpty();
		run(() -> {
			this.transfers.cancel(1);
			this.transfers.bridge(2);
		});
		assertThat(this.phone002.awaitEnd()).isEqualTo("CANCEL");

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
		assertThat(this.host.eventsUntil(new Event.CalleeHungUp(2))).isNotEmpty();
	}

	@Test
	void rule16_ringingIsReportedPerLeg_andRingbackPlaysUntilTheSessionStopsIt() {
		this.phone002.behave(Behaviour.RING);

		run(() -> this.transfers.ring(ring(8, "002")));

		assertThat(this.host.eventsUntil(new Event.LegRinging(8))).isNotEmpty();
		run(this.transfers::startRingback);
		assertThat(poll(this.host.playing)).isEqualTo("ringback");
		run(() -> {
			this.transfers.stopRingback();
			this.transfers.cancel(8);
		});
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

		run(this.transfers::endAll);

		assertThat(this.phone002.awaitEnd()).isEqualTo("CANCEL");
		assertThat(this.phone050.awaitEnd()).isEqualTo("CANCEL");
	}

	@Test
	void rule16_busyDestinationFails_soTheNextRuleCanRun() {
		this.phone002.behave(Behaviour.BUSY);

		run(() -> this.transfers.ring(ring(10, "002")));

		assertThat(this.host.eventsUntil(new Event.LegFailed(10, TransferFailure.BUSY))).isNotEmpty();
	}

	@Test
	void rule16_anIvrDestinationIsReportedAsReached_forTheSessionToContinueThere() {
		run(() -> this.transfers.ring(ring(11, "200")));

		assertThat(this.host.eventsUntil(new Event.LegReachedIvr(11, "000*200"))).hasSize(1);
	}

	// ---- helpers

	/** A ring with legs numbered from {@code firstLeg}, one per destination. */
	private static Command.Ring ring(long firstLeg, String... destinations) {
		List<Command.Leg> legs = new ArrayList<>();
		for (String destination : destinations) {
			legs.add(new Command.Leg(firstLeg + legs.size(), destination));
		}
		return new Command.Ring(legs, "100", "Caller");
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

		/** The events delivered up to and including {@code last}, waiting for each. */
		List<Event> eventsUntil(Event last) {
			List<Event> all = new ArrayList<>();
			while (all.isEmpty() || !all.getLast().equals(last)) {
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

	}

}
