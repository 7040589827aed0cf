package dev.tonal.engine;

import java.time.LocalTime;
import java.util.List;

import dev.tonal.model.CallerIdAction;
import dev.tonal.model.Interval;
import dev.tonal.model.IntervalCondition;
import dev.tonal.model.IvrSnapshot;
import org.junit.jupiter.api.Test;

import static dev.tonal.engine.TestIvr.background;
import static dev.tonal.engine.TestIvr.hangup;
import static dev.tonal.engine.TestIvr.jump;
import static dev.tonal.engine.TestIvr.setVariable;
import static dev.tonal.engine.TestIvr.transfer;
import static org.assertj.core.api.Assertions.assertThat;

/** semantics.md §1–§2: a call arrives (rules 1–3) and runs options (rules 4–7). */
class CallStartAndOptionsTest {

	@Test
	void rule01_nothingHappensBeforeTheCallIsAnswered() {
		EngineHarness h = EngineHarness.call(TestIvr.menu().sound(1, 1000).rules(1, "start", background(1)).build());
		h.handle(new Event.Digit('1', DtmfTransport.RFC4733));
		assertThat(h.commands()).isEmpty();
		assertThat(h.session.nextDeadline()).isEmpty();
		h.answer();
		assertThat(h.commands()).containsExactly(new Command.PlaySound(1, 1));
	}

	@Test
	void rule02_variablesAreSetAndTheEntryContextStartsAfterSleepTime() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu().sleepTime(5000).sound(1, 1000).rules(1, "start", background(1)).build())
			.answer();
		assertThat(h.session.variables()).containsEntry("called_did", "+74950000000")
			.containsEntry("caller_id_number", "+79161234567")
			.containsEntry("caller_id_name", "Ivan")
			.containsEntry("call_uuid", "uuid-1");
		assertThat(h.commands()).isEmpty();
		h.advanceToDeadline();
		assertThat(h.nowMs()).isEqualTo(5000);
		assertThat(h.trace("context_entered").get(0).at()).isEqualTo(5000);
		assertThat(h.commands()).containsExactly(new Command.PlaySound(1, 1));
	}

	@Test
	void rule02_internalCallsSeeTheIvrBareNameAsCalledDid() {
		CallSession session = new CallSession(TestIvr.menu().rules(1, "start", hangup()).build(),
				new CallInfo("u", "101", "Desk", null, "000*101", 7L), EngineSettings.defaults());
		session.handle(new Event.Answered(), EngineHarness.START);
		assertThat(session.variables()).containsEntry("called_did", "071");
	}

	@Test
	void rule02_noEntryContextHangsUpAndTheTraceSaysWhy() {
		EngineHarness h = EngineHarness.call(TestIvr.menu().entry(null).build()).answer();
		assertThat(h.commands()).containsExactly(new Command.HangUp("no entry context"));
		assertThat(h.result().end()).isEqualTo(CallResult.End.ERROR);
		assertThat(h.trace("error").get(0).get("why")).isEqualTo("the IVR has no entry context");
	}

	@Test
	void rule03_theSessionRunsOnTheSnapshotItWasGiven() {
		IvrSnapshot before = TestIvr.menu().rules(1, "start", transfer("002")).build();
		IvrSnapshot after = TestIvr.menu().rules(1, "start", transfer("050")).build();
		EngineHarness running = EngineHarness.call(before).answer();
		EngineHarness next = EngineHarness.call(after).answer();
		assertThat(running.last(Command.Ring.class).destinations()).containsExactly("002");
		assertThat(next.last(Command.Ring.class).destinations()).containsExactly("050");
	}

	@Test
	void rule04_enteringAContextRunsStartUnlessAJumpNamesAnotherOption() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.context(2, 5000, 2000, 1, false)
				.rules(1, "start", jump(2).contextOption("5"))
				.rules(2, "start", transfer("050"))
				.rules(2, "5", transfer("002"))
				.build())
			.answer();
		assertThat(h.trace("context_entered")).extracting((e) -> e.get("context") + "/" + e.get("option"))
			.containsExactly("1/start", "2/5");
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("002");
	}

	@Test
	void rule05_rulesRunInOrderAndAnOptionWithoutRulesHangsUp() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu().rules(1, "start", setVariable("a", "1"), setVariable("b", "${a}2")).build())
			.answer()
			.advanceToDeadline();
		assertThat(h.trace("variable_set")).extracting((e) -> e.get("name")).containsExactly("a", "b");
		// The timeout option has no rules: the call is hung up.
		assertThat(h.result().end()).isEqualTo(CallResult.End.HANGUP);
		assertThat(h.result().reason()).isEqualTo("option timeout has no rules");
		assertThat(h.last(Command.HangUp.class).reason()).isEqualTo("option timeout has no rules");
	}

	@Test
	void rule06_intervalConditionIsCheckedInTheIntervalsTimezone() {
		// The call starts on Monday 10:00 Moscow time = 07:00 UTC.
		Interval moscowMorning = new Interval(7, "morning", "Europe/Moscow", List.of(new IntervalCondition(null, null,
				null, null, null, LocalTime.of(9, 0), LocalTime.of(11, 0), null, null)));
		Interval utcMorning = new Interval(8, "utc", "UTC", List.of(new IntervalCondition(null, null, null, null, null,
				LocalTime.of(9, 0), LocalTime.of(11, 0), null, null)));
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.interval(moscowMorning)
				.interval(utcMorning)
				.rules(1, "start", transfer("111").interval(8L), transfer("222").interval(7L))
				.build())
			.answer();
		assertThat(h.trace("rule_skipped")).hasSize(1);
		assertThat((String) h.trace("rule_skipped").get(0).get("why")).startsWith("interval 8");
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("222");
	}

	@Test
	void rule06_callerIdConditionFindsTheRegexOrChecksAnonymous() {
		IvrSnapshot snapshot = TestIvr.menu()
			.rules(1, "start", transfer("111").callerIdAction(CallerIdAction.ANONYMOUS),
					transfer("222").callerIdAction(CallerIdAction.MATCHES).callerId("^(\\+|)7812"),
					transfer("333").callerIdAction(CallerIdAction.NOT_MATCHES).callerId("812"))
			.build();
		assertThat(EngineHarness.call(snapshot, "anonymous").answer().last(Command.Ring.class).destinations())
			.containsExactly("111");
		assertThat(EngineHarness.call(snapshot, "").answer().last(Command.Ring.class).destinations())
			.containsExactly("111");
		assertThat(EngineHarness.call(snapshot, "+78121234567").answer().last(Command.Ring.class).destinations())
			.containsExactly("222");
		assertThat(EngineHarness.call(snapshot, "+79161234567").answer().last(Command.Ring.class).destinations())
			.containsExactly("333");
	}

	@Test
	void rule06_matchVariableNeedsTheVariableSetAndEqual() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.rules(1, "start", transfer("111").matchVariableName("lang").matchVariableValue("en"),
						setVariable("lang", "EN"), transfer("222").matchVariableName("lang").matchVariableValue("en"),
						transfer("333").matchVariableName("lang").matchVariableValue("EN"))
				.build())
			.answer();
		assertThat(h.trace("rule_skipped")).extracting((e) -> e.get("why"))
			.containsExactly("variable lang is not set", "variable lang is \"EN\", not \"en\"");
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("333");
	}

	@Test
	void rule07_afterTheLastRuleTheSessionWaitsForInput() {
		EngineHarness h = EngineHarness
			.call(TestIvr.menu()
				.sound(1, 1000)
				.rules(1, "start", background(1))
				.rules(1, "timeout", transfer("050"))
				.build())
			.answer();
		h.advance(1000);
		assertThat(h.session.nextDeadline()).contains(EngineHarness.START.plusMillis(6000));
		h.advanceToDeadline();
		assertThat(h.trace("timer_fired").get(0).get("timer")).isEqualTo("timeout");
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("050");
	}

}
