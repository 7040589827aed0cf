package dev.tonal.engine.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.tonal.engine.EngineSettings;
import dev.tonal.engine.TestIvr;
import dev.tonal.engine.TraceEntry;
import dev.tonal.model.Action;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.model.LifetimeAction;
import dev.tonal.model.Rule;
import dev.tonal.model.SoundType;
import dev.tonal.model.VoiceHelperRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of scripted calls with random keys, hang-ups, transfer outcomes and Call
 * Interactive replies (fixed seed, so every run is the same) against an IVR that uses
 * every kind of rule. Whatever the caller does, the engine must end every call in a
 * defined way, never with an engine error, and keep its trace in time order.
 */
class RandomCallsTest {

	private static final String[] KEYS = { "0", "1", "2", "3", "5", "9", "*", "#" };

	private static final String[] OUTCOMES = { "answer", "busy", "no_answer", "unreachable" };

	private static final String[] REPLIES = { "<Response><SetVar name=\"t\">002</SetVar></Response>",
			"<Response><Jump context=\"2\"/></Response>", "<Response><Hangup/></Response>",
			"<Response><Pause length=\"1\"/>"
					+ "<PlaySound where=\"background\" digitvar=\"d\">7</PlaySound><SimpleTransfer final=\"no\">050</SimpleTransfer></Response>",
			"<Response><TextToSpeech var=\"g\">hi</TextToSpeech><Unknown/></Response>", "garbage" };

	private static IvrSnapshot everything() {
		return new TestIvr().context(1, 4000, 1500, 2, true)
			.context(2, 3000, 1000, 1, false)
			.sound(7, 2500)
			.sound(8, 1200)
			.lifetime(120, LifetimeAction.TRANSFER, "050")
			.sleepTime(500)
			.rules(1, "start", Rule.builder(Action.PLAY_SOUND).sound(8L).soundType(SoundType.FOREGROUND),
					Rule.builder(Action.PLAY_SOUND)
						.sound(7L)
						.soundType(SoundType.BACKGROUND)
						.playSoundFromVariable(true),
					Rule.builder(Action.CALL_INTERACTIVE)
						.callInteractiveUrl("http://crm/")
						.callInteractiveMethod("POST"))
			.rules(1, "1", Rule.builder(Action.TRANSFER).transferDst("002 050"),
					Rule.builder(Action.PLAY_SILENCE).silenceTime(700), Rule.builder(Action.QUALITY_RATE).maxRate(5))
			.rules(1, "2", Rule.builder(Action.RECORD_DIGITS).recordDigitsVariable("acc").recordDigitsMax(3),
					Rule.builder(Action.PLAY_DIGITS_FROM_VARIABLE).playDigitsVariable("acc"),
					Rule.builder(Action.TRANSFER_FROM_VARIABLE).transferVariable("t"),
					Rule.builder(Action.JUMP_TO_CONTEXT).context(2L))
			.rules(1, "3",
					Rule.builder(Action.VOICE_HELPER)
						.sound(8L)
						.voiceHelperRules(List.of(new VoiceHelperRule("1", "sales")))
						.voiceHelperDigitsMax(2)
						.voiceHelperFinalCount(2))
			.rules(1, "timeout", Rule.builder(Action.JUMP_TO_CONTEXT).context(2L))
			.rules(1, "invalid", Rule.builder(Action.PLAY_DIGITS).digits("12"),
					Rule.builder(Action.JUMP_TO_CONTEXT).context(1L))
			.rules(2, "start", Rule.builder(Action.SET_VARIABLE).setVariableName("n").setVariableValue("${n}x"),
					Rule.builder(Action.SET_CALLER_ID_NAME).callerIdName("${n}"))
			.rules(2, "timeout", Rule.builder(Action.JUMP_TO_CONTEXT).context(1L))
			.rules(2, "5", Rule.builder(Action.HANGUP))
			.rules(2, "9", Rule.builder(Action.SIMPLE_TRANSFER).transferDst("105"))
			.build();
	}

	@Test
	void everyRandomCallEndsInADefinedWay() {
		Random random = new Random(20261121);
		Simulator simulator = new Simulator(everything(), EngineSettings.defaults());
		Map<String, Integer> ends = new java.util.TreeMap<>();
		for (int call = 0; call < 3000; call++) {
			List<SimulationInput.CallerEvent> events = new ArrayList<>();
			long at = 0;
			for (int i = random.nextInt(12); i > 0; i--) {
				at += random.nextInt(4000);
				events.add(SimulationInput.CallerEvent.dtmf(at, KEYS[random.nextInt(KEYS.length)]));
			}
			if (random.nextInt(4) == 0) {
				events.add(SimulationInput.CallerEvent.hangup(random.nextInt(60_000)));
			}
			SimulationInput input = new SimulationInput(random.nextBoolean() ? "anonymous" : "+79161234567", "x", null,
					Instant.parse("2026-11-23T07:00:00Z"), events,
					Map.of("002", OUTCOMES[random.nextInt(OUTCOMES.length)], "050",
							OUTCOMES[random.nextInt(OUTCOMES.length)]),
					Map.of("http://crm/",
							new SimulationInput.HttpStub(random.nextBoolean() ? 200 : 503,
									REPLIES[random.nextInt(REPLIES.length)], random.nextInt(7000))),
					List.of(new SimulationInput.Speech(random.nextInt(20_000), "sales please")), 300_000);
			SimulationOutput out = simulator.run(input);
			int n = call;
			java.util.function.Supplier<String> where = () -> "call " + n + ": " + input + " → " + out.result();
			ends.merge(out.result().end(), 1, Integer::sum);
			assertThat(out.result().end()).as(where)
				.isIn("transferred", "hangup", "caller_hangup", "lifetime", "loop", "max_duration");
			assertThat(out.trace()).as(where).extracting(TraceEntry::at).isSorted();
			assertThat(out.trace()).as(where)
				.noneMatch((e) -> e.type().equals("error") && String.valueOf(e.get("why")).startsWith("java."));
			assertThat(out.result().at()).as(where).isBetween(0L, 300_000L);
		}
		// The script must reach the interesting ends, or it tests nothing.
		assertThat(ends.keySet()).contains("transferred", "hangup", "caller_hangup", "lifetime");
	}

}
