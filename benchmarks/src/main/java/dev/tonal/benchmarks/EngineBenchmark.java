package dev.tonal.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.tonal.engine.CallInfo;
import dev.tonal.engine.CallSession;
import dev.tonal.engine.Command;
import dev.tonal.engine.DtmfTransport;
import dev.tonal.engine.EngineSettings;
import dev.tonal.engine.Event;
import dev.tonal.model.Action;
import dev.tonal.model.Context;
import dev.tonal.model.ContextConfig;
import dev.tonal.model.IvrSettings;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.model.LifetimeAction;
import dev.tonal.model.Rule;
import dev.tonal.model.SoundType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine on a typical menu: the seed's example IVR (foreground then background
 * prompt, options 1 and 2, allow_any_dial over 200 extension names, digit_len 3) called
 * by a caller who presses 1 during the background prompt and is transferred. One call is
 * {@value #EVENTS_PER_CALL} events: Answered, the end of sleep_time, the end of the first
 * prompt, the digit, the inter-digit timer, the transfer answering.
 *
 * <p>
 * {@code eventsPerSecond} reports events handled per second; {@code wholeCall} one
 * operation per call, so that {@code -prof gc}'s {@code gc.alloc.rate.norm} is the
 * allocation per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EngineBenchmark {

	static final int EVENTS_PER_CALL = 6;

	private static final Instant START = Instant.parse("2026-11-23T07:00:00Z");

	private IvrSnapshot snapshot;

	private final EngineSettings settings = EngineSettings.defaults();

	private final CallInfo info = CallInfo.external("bench", "+79161234567", "Ivan", "+74950000000");

	@Setup
	public void setUp() {
		Map<String, List<Rule>> options = new LinkedHashMap<>();
		options.put("start", List.of(rule(Action.PLAY_SOUND).sound(52L).soundType(SoundType.FOREGROUND).build(),
				rule(Action.PLAY_SOUND).sound(51L).soundType(SoundType.BACKGROUND).build()));
		options.put("timeout", List.of(rule(Action.TRANSFER).transferDst("050").build()));
		options.put("invalid", List.of(rule(Action.HANGUP).build()));
		options.put("1", List.of(rule(Action.TRANSFER).transferDst("+7987654321").build()));
		options.put("2", List.of(rule(Action.TRANSFER).transferDst("002").build()));
		Map<Long, ContextConfig> contexts = new HashMap<>();
		contexts.put(1L, new ContextConfig(new Context(1, "main", 5000, 2000, 3, true), options));
		List<String> extensions = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			extensions.add(String.format("%03d", 100 + i * 4));
		}
		IvrSettings settings = new IvrSettings(1L, 1800, LifetimeAction.HANGUP, null, 5000, false, null, null, false);
		this.snapshot = new IvrSnapshot(204, "000*071", 12, "Europe/Moscow", "ru", settings, contexts,
				Map.of(51L, 4000, 52L, 3000), Set.copyOf(extensions), Map.of());
	}

	private static Rule.Builder rule(Action action) {
		return Rule.builder(action);
	}

	@Benchmark
	@OperationsPerInvocation(EVENTS_PER_CALL)
	public CallSession eventsPerSecond() {
		return call();
	}

	@Benchmark
	public CallSession wholeCall() {
		return call();
	}

	private CallSession call() {
		CallSession session = new CallSession(this.snapshot, this.info, this.settings);
		session.handle(new Event.Answered(), START);
		Instant now = session.nextDeadline().orElseThrow();
		List<Command> prompt = session.handle(new Event.TimerFired(), now);
		now = now.plusMillis(3000);
		session.handle(new Event.PlaybackFinished(((Command.PlaySound) prompt.get(0)).playbackId()), now);
		session.handle(new Event.Digit('1', DtmfTransport.RFC4733), now.plusMillis(500));
		List<Command> ring = session.handle(new Event.TimerFired(), session.nextDeadline().orElseThrow());
		long leg = ((Command.Ring) ring.get(0)).legs().get(0).legId();
		session.handle(new Event.LegAnswered(leg), now.plusMillis(3000));
		if (!session.isEnded()) {
			throw new IllegalStateException("the benchmark call did not end: " + session.trace());
		}
		return session;
	}

}
