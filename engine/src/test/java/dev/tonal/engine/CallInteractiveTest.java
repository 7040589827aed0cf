package dev.tonal.engine;

import java.time.Duration;

import dev.tonal.model.Action;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.model.Rule;
import org.junit.jupiter.api.Test;

import static dev.tonal.engine.TestIvr.setVariable;
import static dev.tonal.engine.TestIvr.transfer;
import static org.assertj.core.api.Assertions.assertThat;

/** semantics.md §5: Call Interactive (rules 25–27). */
class CallInteractiveTest {

	private static Rule.Builder interactive(String method) {
		return Rule.builder(Action.CALL_INTERACTIVE)
			.callInteractiveUrl("http://crm.example/ivr?n=${caller_id_number}")
			.callInteractiveMethod(method)
			.callInteractiveTimeout(3);
	}

	/**
	 * start: set a variable, call interactive, then transfer to "after" (the next rule).
	 */
	private static IvrSnapshot ivr() {
		return TestIvr.menu()
			.context(2, 5000, 2000, 1, false)
			.sound(40, 1500)
			.rules(1, "start", setVariable("lang", "ru"), interactive("POST"), transfer("after"))
			.rules(1, "1", transfer("one"))
			.rules(2, "7", transfer("jumped"))
			.build();
	}

	private static EngineHarness replied(String xml) {
		return EngineHarness.call(ivr()).answer().replyHttp(200, xml);
	}

	@Test
	void rule25_requestCarriesTheCallParametersAndEveryVariable() {
		EngineHarness h = EngineHarness.call(ivr()).answer();
		Command.HttpRequest request = h.last(Command.HttpRequest.class);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.url()).isEqualTo("http://crm.example/ivr?n=+79161234567");
		assertThat(request.timeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(request.params()).containsEntry("EventType", "call_interactive")
			.containsEntry("CallID", "uuid-1")
			.containsEntry("CallerIDNum", "+79161234567")
			.containsEntry("CallerIDName", "Ivan")
			.containsEntry("CalledDID", "+74950000000")
			.containsEntry("CalledExtension", "000*071")
			.containsEntry("CalledExtensionID", "204")
			.containsEntry("CallStatus", "ANSWER")
			.containsEntry("CallFlow", "IN")
			.containsEntry("var_lang", "ru")
			.containsEntry("var_caller_id_number", "+79161234567")
			.doesNotContainKey("CallerExtension");
		assertThat(h.trace("http_request").get(0).get("url")).isEqualTo("http://crm.example/ivr?n=+79161234567");
	}

	@Test
	void rule25_internalCallsNameTheCallerExtension() {
		CallSession session = new CallSession(ivr(), new CallInfo("u", "101", "Desk", null, "000*101", 7L),
				EngineSettings.defaults());
		Command.HttpRequest request = (Command.HttpRequest) session.handle(new Event.Answered(), EngineHarness.START)
			.get(0);
		assertThat(request.params()).containsEntry("CallerExtension", "000*101")
			.containsEntry("CallerExtensionID", "7")
			.doesNotContainKey("CalledDID");
	}

	@Test
	void rule26_setVarSetCallerAndSimpleTransfer() {
		EngineHarness h = replied("""
				<Response>
				  <SetVar name="crm_id">42</SetVar>
				  <SetCaller name="Client 42" number="+74951112233"/>
				  <SimpleTransfer timeout="20" final="no">002,050</SimpleTransfer>
				</Response>""");
		assertThat(h.session.variables()).containsEntry("crm_id", "42");
		Command.Ring ring = h.last(Command.Ring.class);
		assertThat(ring.destinations()).containsExactly("002", "050");
		assertThat(ring.callerIdName()).isEqualTo("Client 42");
		assertThat(ring.callerIdNumber()).isEqualTo("+74951112233");
		h.advance(19_999);
		assertThat(h.commands(Command.CancelLeg.class)).as("rings for timeout=20").isEmpty();
		h.advance(1);
		assertThat(h.last(Command.Ring.class).destinations()).as("final=no: go on").containsExactly("after");
	}

	@Test
	void rule26_finalSimpleTransferThatFailsHangsUp() {
		EngineHarness h = replied("<Response><SimpleTransfer>002</SimpleTransfer></Response>");
		h.failTransfer("002", TransferFailure.BUSY);
		assertThat(h.result().end()).isEqualTo(CallResult.End.HANGUP);
	}

	@Test
	void rule26_pauseJumpAndHangup() {
		EngineHarness h = replied("<Response><Pause length=\"2\"/><Jump context=\"2\" option=\"7\"/></Response>");
		assertThat(h.commands(Command.Ring.class)).isEmpty();
		h.advance(2000);
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("jumped");
		assertThat(replied("<Response><Pause/></Response>").session.nextDeadline())
			.contains(EngineHarness.START.plusSeconds(10));
		assertThat(replied("<Response><Hangup/><SetVar name=\"x\">1</SetVar></Response>").result().end())
			.isEqualTo(CallResult.End.HANGUP);
	}

	@Test
	void rule26_playSoundBackgroundBargesInForegroundDoesNot() {
		EngineHarness background = replied("<Response><PlaySound where=\"background\">40</PlaySound></Response>");
		background.advance(500).dtmf("1");
		assertThat(background.last(Command.Ring.class).destinations()).containsExactly("one");
		EngineHarness foreground = replied("<Response><PlaySound where=\"foreground\">40</PlaySound></Response>");
		foreground.advance(500).dtmf("1");
		assertThat(foreground.trace("digit").get(0).get("used")).isEqualTo(false);
		foreground.advance(1000);
		assertThat(foreground.last(Command.Ring.class).destinations()).containsExactly("after");
		EngineHarness named = replied("<Response><PlaySound>hello.wav</PlaySound></Response>");
		assertThat(named.last(Command.PlayNamedSound.class).name()).isEqualTo("hello.wav");
	}

	@Test
	void rule26_playSoundWithDigitvarStoresTheDigitsInstead() {
		EngineHarness h = replied(
				"<Response><PlaySound where=\"background\" digitvar=\"pin\">40</PlaySound></Response>");
		h.advance(200).dtmf("4").dtmf("2");
		assertThat(h.commands(Command.StopPlayback.class)).isEmpty();
		h.advance(1300);
		assertThat(h.session.variables()).containsEntry("pin", "42");
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("after");
	}

	@Test
	void rule26_textToSpeechWithoutVarIsPlayedAtOnce() {
		EngineHarness h = replied("<Response><TextToSpeech>Добрый день</TextToSpeech></Response>");
		Command.Synthesise synthesise = h.last(Command.Synthesise.class);
		assertThat(synthesise.voice()).isEqualTo("ru");
		h.handle(new Event.SpeechSynthesised(synthesise.requestId(), "g-1"));
		assertThat(h.last(Command.PlaySynthesised.class).greeting()).isEqualTo("g-1");
		h.advance(1000);
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("after");
	}

	@Test
	void rule27_timeoutNon2xxAndFailuresRunTheNextRule() {
		EngineHarness timeout = EngineHarness.call(ivr()).answer().advanceToDeadline();
		assertThat(timeout.nowMs()).isEqualTo(3000);
		assertThat(timeout.trace("http_response").get(0).get("error")).isEqualTo("timeout");
		assertThat(timeout.last(Command.Ring.class).destinations()).containsExactly("after");
		// A reply after the timeout is ignored.
		timeout.replyHttp(200, "<Response><Hangup/></Response>");
		assertThat(timeout.session.isEnded()).isFalse();

		EngineHarness status = EngineHarness.call(ivr()).answer().replyHttp(500, "<Response><Hangup/></Response>");
		assertThat(status.trace("http_response").get(0).attributes()).containsEntry("status", 500)
			.containsEntry("error", "non-2xx status");
		assertThat(status.last(Command.Ring.class).destinations()).containsExactly("after");

		EngineHarness unreachable = EngineHarness.call(ivr()).answer();
		unreachable.handle(
				new Event.HttpFailed(unreachable.last(Command.HttpRequest.class).requestId(), HttpFailure.TOO_LARGE));
		assertThat(unreachable.trace("http_response").get(0).get("error")).isEqualTo("too_large");
		assertThat(unreachable.last(Command.Ring.class).destinations()).containsExactly("after");
	}

	@Test
	void rule27_malformedXmlIsDataNotAnException() {
		for (String body : new String[] { "not xml", "<Response><Hangup></Response>", "<Other/>", "" }) {
			EngineHarness h = replied(body);
			assertThat((String) h.trace("http_response").get(0).get("error")).as(body).isNotBlank();
			assertThat(h.last(Command.Ring.class).destinations()).as(body).containsExactly("after");
		}
	}

	@Test
	void rule27_externalEntitiesAreNeverExpanded() {
		EngineHarness h = replied("""
				<?xml version="1.0"?>
				<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<Response><SetVar name="leak">&x;</SetVar></Response>""");
		assertThat(h.session.variables()).doesNotContainKey("leak");
		assertThat((String) h.trace("http_response").get(0).get("error")).startsWith("invalid XML");
	}

	@Test
	void rule27_unknownVerbsAreSkippedAndRecorded() {
		EngineHarness h = replied("<Response><Dance/><SetVar name=\"a\">1</SetVar></Response>");
		assertThat(h.trace("verb_skipped").get(0).attributes()).containsEntry("verb", "Dance")
			.containsEntry("why", "unknown verb");
		assertThat(h.session.variables()).containsEntry("a", "1");
		assertThat(h.last(Command.Ring.class).destinations()).containsExactly("after");
	}

}
