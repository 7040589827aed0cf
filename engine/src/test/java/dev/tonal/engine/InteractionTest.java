package dev.tonal.engine;

import dev.tonal.model.Action;
import dev.tonal.model.LifetimeAction;
import dev.tonal.model.Rule;
import org.junit.jupiter.api.Test;

import static dev.tonal.engine.TestIvr.background;
import static dev.tonal.engine.TestIvr.jump;
import static dev.tonal.engine.TestIvr.setVariable;
import static dev.tonal.engine.TestIvr.transfer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where rules meet: timers against digits, hang-ups and lifetime in the middle of things.
 */
class InteractionTest {

	@Test
	void aDigitExactlyAtTheTimeoutDeadlineComesAfterTheTimer() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.rules(1, "start", setVariable("x", "1"))
				.rules(1, "timeout", background(1))
				.rules(1, "1", transfer("one"))
				.sound(1, 3000)
				.build())
			.answer();
		// No TimerFired first: the digit arrives at the very instant of the deadline.
		h.advance(4999);
		h.advance(1).dtmf("1");
		assertThat(h.traceTypes()).containsSubsequence("timer_fired", "context_entered", "prompt_started", "digit",
				"prompt_interrupted");
		assertThat(h.trace("context_entered").get(1).get("option")).isEqualTo("timeout");
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("one");
	}

	@Test
	void aDigitArrivingLateStillSeesTheTimerFireAtItsOwnTime() {
		EngineHarness h = EngineHarness
			.call(new TestIvr().context(1, 5000, 2000, 2, false)
				.rules(1, "start", setVariable("x", "1"))
				.rules(1, "12", transfer("twelve"))
				.rules(1, "1", transfer("one"))
				.build())
			.answer();
		h.dtmf("1");
		// The adapter is late: the digit is handled at 2500 ms, the inter-digit timer was
		// due at
		// 2000 ms.
		CallSession session = h.session;
		session.handle(new Event.Digit('2', DtmfTransport.RFC4733), EngineHarness.START.plusMillis(2500));
		assertThat(
				session.trace().stream().filter((e) -> e.type().equals("timer_fired")).findFirst().orElseThrow().at())
			.isEqualTo(2000);
		assertThat(session.trace()
			.stream()
			.filter((e) -> e.type().equals("transfer_started"))
			.findFirst()
			.orElseThrow()
			.get("destinations")).isEqualTo(java.util.List.of("one"));
	}

	@Test
	void hangUpWhileWaitingForHttpEndsQuietlyAndTheLateReplyIsIgnored() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.rules(1, "start",
						Rule.builder(Action.CALL_INTERACTIVE)
							.callInteractiveUrl("http://x/")
							.callInteractiveMethod("GET"),
						transfer("002"))
				.build())
			.answer();
		long request = h.last(Command.HttpRequest.class).requestId();
		int before = h.commands().size();
		h.advance(1000).handle(new Event.CallerHungUp());
		h.handle(new Event.HttpReplied(request, 200, "<Response><SimpleTransfer>050</SimpleTransfer></Response>"));
		assertThat(h.commands()).hasSize(before);
		assertThat(h.result().end()).isEqualTo(CallResult.End.CALLER_HANGUP);
		assertThat(h.result().at()).isEqualTo(1000);
	}

	@Test
	void lifetimeExpiringWhileATransferRingsCancelsTheRing() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.lifetime(20, LifetimeAction.TRANSFER, "050")
				.sound(1, 15_000)
				.rules(1, "start", background(1), transfer("002"))
				.build())
			.answer();
		h.advance(15_000);
		long ringing = h.legOf("002");
		h.advance(5_000);
		assertThat(h.commands()).contains(new Command.CancelLeg(ringing));
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("050");
		// The cancelled leg answering late changes nothing.
		h.handle(new Event.LegAnswered(ringing));
		assertThat(h.commands(Command.Bridge.class)).isEmpty();
		h.answerTransfer("050");
		assertThat(h.result().destination()).isEqualTo("050");
	}

	@Test
	void jumpCyclesThroughTimeoutsAreCaughtByTheLoopGuardEventually() {
		// timeout → jump back: each cycle waits 5 s for the caller, 100 entries without a
		// digit end the call as a loop rather than running for the whole lifetime.
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.lifetime(3600, LifetimeAction.HANGUP, null)
				.rules(1, "start", setVariable("x", "1"))
				.rules(1, "timeout", jump(1))
				.build())
			.answer()
			.runToEnd();
		assertThat(h.result().end()).isEqualTo(CallResult.End.LOOP);
		assertThat(h.result().at()).isEqualTo(50 * 5000);
	}

	@Test
	void variablesUsedBeforeBeingSetExpandToEmptyAndFailConditions() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.rules(1, "start", transfer("${later}"), setVariable("greeting", "hi ${later}"),
						transfer("x").matchVariableName("later").matchVariableValue(""), setVariable("later", "050"),
						transfer("${later}"))
				.build())
			.answer();
		assertThat(h.trace("transfer_failed").get(0).get("why")).isEqualTo("no destinations");
		assertThat(h.session.variables()).containsEntry("greeting", "hi ");
		assertThat(h.trace("rule_skipped")).hasSize(1);
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("050");
	}

	@Test
	void timeNeverGoesBackwards() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu().rules(1, "start", setVariable("x", "1")).rules(1, "1", transfer("one")).build())
			.answer();
		h.advance(3000).dtmf("1");
		h.session.handle(new Event.LegFailed(h.legOf("one"), TransferFailure.BUSY),
				EngineHarness.START.plusMillis(1000));
		assertThat(h.session.trace()).extracting(TraceEntry::at).isSorted().last().isEqualTo(3000L);
	}

	@Test
	void eventsBeforeAnswerAndStaleIdsAreIgnored() {
		EngineHarness h = EngineHarness.call(TestIvr.menu().sound(1, 1000).rules(1, "start", background(1)).build());
		h.handle(new Event.PlaybackFinished(1)).answer().handle(new Event.PlaybackFinished(99));
		assertThat(h.trace("prompt_finished")).isEmpty();
		h.handle(new Event.TimerFired());
		assertThat(h.commands()).containsExactly(new Command.PlaySound(1, 1));
	}

}
