package dev.tonal.engine;

import java.time.Duration;

import dev.tonal.model.LifetimeAction;
import dev.tonal.model.Rule;
import org.junit.jupiter.api.Test;

import static dev.tonal.engine.TestIvr.background;
import static dev.tonal.engine.TestIvr.jump;
import static dev.tonal.engine.TestIvr.setVariable;
import static dev.tonal.engine.TestIvr.transfer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * semantics.md §6: lifetime, loop guard, hang-up, history, DTMF transports (rules 28–32).
 */
class CallLifecycleTest {

	@Test
	void rule28_lifetimeStopsWhateverIsHappeningAndHangsUp() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.lifetime(10, LifetimeAction.HANGUP, null)
				.sound(1, 60_000)
				.rules(1, "start", background(1))
				.build())
			.answer();
		h.advance(10_000);
		assertThat(h.commands()).containsSubsequence(new Command.StopPlayback(1),
				new Command.HangUp("lifetime expired"));
		assertThat(h.result().end()).isEqualTo(CallResult.End.LIFETIME);
		assertThat(h.result().at()).isEqualTo(10_000);
	}

	@Test
	void rule28_lifetimeTransferEndsAsTransferredOrLifetime() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.lifetime(10, LifetimeAction.TRANSFER, "050")
				.rules(1, "start", setVariable("x", "1"))
				.rules(1, "timeout", jump(1))
				.build())
			.answer();
		h.advance(10_000);
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("050");
		h.answerTransfer("050");
		assertThat(h.result().end()).isEqualTo(CallResult.End.TRANSFERRED);
		assertThat(h.result().destination()).isEqualTo("050");

		EngineHarness failed = EngineHarness
			.call(TestIvr.menu()
				.lifetime(10, LifetimeAction.TRANSFER, "050")
				.rules(1, "start", setVariable("x", "1"))
				.rules(1, "timeout", jump(1))
				.build())
			.answer();
		failed.advance(10_000).failTransfer("050", TransferFailure.BUSY);
		assertThat(failed.result().end()).isEqualTo(CallResult.End.LIFETIME);
		assertThat(failed.last(Command.HangUp.class)).isNotNull();
	}

	@Test
	void rule28_zeroLifetimeMeansTheServerCap() {
		EngineHarness h = new EngineHarness(
				TestIvr.menu().lifetime(0, LifetimeAction.HANGUP, null).rules(1, "start", transfer("002")).build(),
				CallInfo.external("u", "1", "", "2"),
				new EngineSettings(1000, 100, Duration.ofMinutes(1), Duration.ofHours(1)))
			.answer();
		assertThat(h.session.nextDeadline()).contains(EngineHarness.START.plusSeconds(60));
	}

	@Test
	void rule29_jumpCycleWithoutInputIsHungUpAsLoop() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.context(2, 5000, 2000, 1, false)
				.rules(1, "start", setVariable("a", "1"), jump(2))
				.rules(2, "start", jump(1))
				.build())
			.answer();
		assertThat(h.result().end()).isEqualTo(CallResult.End.LOOP);
		assertThat(h.last(Command.HangUp.class).reason()).isEqualTo("loop");
		assertThat(h.trace("context_entered")).hasSize(100);
		assertThat(h.nowMs()).isZero();
	}

	@Test
	void rule29_ruleCountWithoutInputIsLimitedToo() {
		Rule.Builder[] many = new Rule.Builder[600];
		for (int i = 0; i < many.length; i++) {
			many[i] = setVariable("v" + (i % 3), "x");
		}
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.context(2, 5000, 2000, 1, false)
				.rules(1, "start", many)
				.rules(1, "start", jump(2))
				.rules(2, "start", many)
				.build())
			.answer();
		assertThat(h.result().end()).isEqualTo(CallResult.End.LOOP);
		assertThat(h.trace("rule_started")).hasSize(1000);
	}

	@Test
	void rule29_aCallerDigitResetsTheLoopGuard() {
		// Each timeout re-enters the context; the caller keeps pressing 9 (invalid →
		// jump).
		EngineHarness h = new EngineHarness(
				TestIvr.menu().rules(1, "start", setVariable("x", "1")).rules(1, "invalid", jump(1)).build(),
				CallInfo.external("u", "1", "", "2"),
				new EngineSettings(1000, 3, Duration.ofHours(1), Duration.ofSeconds(30)))
			.answer();
		for (int i = 0; i < 10; i++) {
			h.advance(100).dtmf("9");
		}
		assertThat(h.session.isEnded()).isFalse();
	}

	@Test
	void rule30_callerHangingUpEndsTheSessionAndNothingFollows() {
		EngineHarness h = EngineHarness.call(TestIvr.menu().rules(1, "start", transfer("002 050")).build()).answer();
		h.handle(new Event.CallerHungUp());
		assertThat(h.commands()).last().isEqualTo(new Command.CancelLeg(2));
		assertThat(h.result().end()).isEqualTo(CallResult.End.CALLER_HANGUP);
		int before = h.commands().size();
		h.answerTransfer("002").advance(60_000).dtmf("1");
		assertThat(h.commands()).hasSize(before);
		assertThat(h.session.nextDeadline()).isEmpty();
	}

	@Test
	void rule31_theResultAndTheWholeTraceAreAvailableAtTheEnd() {
		EngineHarness h = EngineHarness.call(TestIvr.seedExample()).answer().advance(17_000).answerTransfer("050");
		assertThat(h.result()).isEqualTo(new CallResult(CallResult.End.TRANSFERRED, 17_000, "050", "transferred"));
		assertThat(h.traceTypes()).containsExactly("timer_fired", "context_entered", "rule_started", "prompt_started",
				"prompt_finished", "rule_started", "prompt_started", "prompt_finished", "timer_fired",
				"context_entered", "rule_started", "transfer_started", "transfer_answered");
		assertThat(h.trace()).extracting(TraceEntry::at).isSorted();
	}

	@Test
	void rule32_theTraceRecordsTheTransportAndATwiceSeenKeyCountsOnce() {
		EngineHarness h = EngineHarness
			.call(new TestIvr().context(1, 5000, 2000, 3, false)
				.rules(1, "start", setVariable("x", "1"))
				.rules(1, "11", transfer("eleven"))
				.rules(1, "1", transfer("one"))
				.build())
			.answer();
		h.handle(new Event.Digit('1', DtmfTransport.RFC4733));
		h.advance(50).handle(new Event.Digit('1', DtmfTransport.INBAND));
		assertThat(h.trace("digit")).extracting((e) -> e.get("transport") + ":" + e.get("used"))
			.containsExactly("rfc4733:true", "inband:false");
		h.advance(500).handle(new Event.Digit('1', DtmfTransport.SIP_INFO));
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("eleven");
	}

}
