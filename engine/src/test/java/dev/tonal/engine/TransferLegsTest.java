package dev.tonal.engine;

import org.junit.jupiter.api.Test;

import static dev.tonal.engine.TestIvr.hangup;
import static dev.tonal.engine.TestIvr.transfer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 16 as the session's own state machine (TransferStep): it dials one leg per
 * destination, decides who won, cancels the others, runs the ringback and gives up at the
 * ring timeout; the adapter only reports what each leg does, by leg id.
 */
class TransferLegsTest {

	private static EngineHarness ringing(String destinations) {
		return EngineHarness.call(TestIvr.menu().rules(1, "start", transfer(destinations), hangup()).build()).answer();
	}

	@Test
	void rule16_everyDestinationGetsItsOwnLeg() {
		EngineHarness h = ringing("002 050 002");

		Command.Ring ring = h.last(Command.Ring.class);
		assertThat(ring.destinations()).as("a destination named twice rings once").containsExactly("002", "050");
		assertThat(ring.legs()).extracting(Command.Leg::legId).doesNotHaveDuplicates();
	}

	@Test
	void rule16_ringbackStartsWithTheFirstRingingLeg_andStopsWhenOneAnswers() {
		EngineHarness h = ringing("002 050");

		h.handle(new Event.LegRinging(h.legOf("002"))).handle(new Event.LegRinging(h.legOf("050")));
		assertThat(h.commands(Command.StartRingback.class)).hasSize(1);

		h.answerTransfer("050");
		assertThat(h.commands()).containsSubsequence(new Command.StartRingback(), new Command.CancelLeg(h.legOf("002")),
				new Command.StopRingback(), new Command.Bridge(h.legOf("050"), "050"));
	}

	@Test
	void rule16_aLegAnsweringAfterAnotherWon_changesNothing() {
		EngineHarness h = ringing("002 050");
		h.answerTransfer("002");
		int before = h.commands().size();

		h.answerTransfer("050");

		assertThat(h.commands()).as("050 was cancelled when 002 won").hasSize(before);
		assertThat(h.result().destination()).isEqualTo("002");
	}

	@Test
	void rule16_theLastLegFailing_endsTheTransfer_andStopsTheRingback() {
		EngineHarness h = ringing("002 050");
		h.handle(new Event.LegRinging(h.legOf("002")));

		h.failTransfer("002", TransferFailure.NO_ANSWER);
		assertThat(h.commands(Command.StopRingback.class)).isEmpty();
		h.failTransfer("050", TransferFailure.UNREACHABLE);

		assertThat(h.commands(Command.StopRingback.class)).hasSize(1);
		assertThat(h.commands(Command.CancelLeg.class)).as("failed legs need no cancel").isEmpty();
		assertThat(h.trace("transfer_failed")).extracting((entry) -> entry.get("why"))
			.containsExactly("no answer", "unreachable");
		assertThat(h.result().end()).isEqualTo(CallResult.End.HANGUP);
	}

	@Test
	void rule16_theRingTimeoutCancelsOnlyTheLegsStillRinging() {
		EngineHarness h = ringing("002 050");
		h.failTransfer("002", TransferFailure.BUSY);

		h.advance(30_000);

		assertThat(h.commands(Command.CancelLeg.class)).containsExactly(new Command.CancelLeg(h.legOf("050")));
		assertThat(h.trace("transfer_failed")).extracting((entry) -> entry.get("why"))
			.containsExactly("busy", "no answer");
	}

	@Test
	void rule16_anIvrDestination_isContinuedIntoWithAnExplicitCommand_andThisIvrIsOver() {
		EngineHarness h = ringing("002 200");

		h.handle(new Event.LegReachedIvr(h.legOf("200"), "000*200"));

		assertThat(h.commands()).containsSubsequence(new Command.CancelLeg(h.legOf("002")),
				new Command.ContinueWithIvr(h.legOf("200"), "000*200"));
		assertThat(h.commands(Command.Bridge.class)).isEmpty();
		assertThat(h.commands(Command.HangUp.class)).as("the call goes on in the other IVR").isEmpty();
		assertThat(h.session.isEnded()).isTrue();
		assertThat(h.result()).isEqualTo(new CallResult(CallResult.End.TRANSFERRED, 0, "200", "transferred"));
	}

	@Test
	void rule16_reportsForLegsOfAnotherTransfer_areIgnored() {
		EngineHarness h = ringing("002");
		long leg = h.legOf("002");

		h.handle(new Event.LegAnswered(leg + 100)).handle(new Event.LegFailed(leg + 100, TransferFailure.BUSY));

		assertThat(h.commands(Command.Bridge.class)).isEmpty();
		assertThat(h.trace("transfer_failed")).isEmpty();
	}

}
