package dev.tonal.sip.ivrcall;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.tonal.engine.CallInfo;
import dev.tonal.engine.CallResult;
import dev.tonal.engine.Command;
import dev.tonal.engine.EngineSettings;
import dev.tonal.engine.Event;
import dev.tonal.engine.HttpFailure;
import dev.tonal.media.codec.G711;
import dev.tonal.media.prompt.PromptLibrary;
import dev.tonal.media.rtp.RtpPacket;
import dev.tonal.model.Action;
import dev.tonal.model.Context;
import dev.tonal.model.ContextConfig;
import dev.tonal.model.IvrSettings;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.model.LifetimeAction;
import dev.tonal.model.PlayDigitsMethod;
import dev.tonal.model.Rule;
import dev.tonal.model.SoundType;
import dev.tonal.sip.Route;
import dev.tonal.sip.SipConfig;
import dev.tonal.sip.SipServer;
import dev.tonal.sip.testphone.PhoneCall;
import dev.tonal.sip.testphone.PhoneRtp;
import dev.tonal.sip.testphone.Reply;
import dev.tonal.sip.testphone.Sdp;
import dev.tonal.sip.testphone.TestPhone;
import dev.tonal.sip.testphone.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The per-call IVR runtime on a real SIP server (the application's end-to-end tests cover
 * the rules; these cover the runtime itself): spoken digits in the IVR's language,
 * nothing left behind after a call, and a server stop that still hands over every call's
 * summary.
 */
@Timeout(60)
class IvrRuntimeTest {

	private final BlockingQueue<IvrCallSummary> summaries = new LinkedBlockingQueue<>();

	private IvrRuntime runtime;

	private SipServer server;

	private TestPhone phone;

	private PhoneRtp rtp;

	private IvrSnapshot snapshot;

	private volatile boolean soundsFail;

	@BeforeEach
	void start() {
		this.runtime = new IvrRuntime(EngineSettings.defaults(), InstantSource.system());
		this.server = SipServer.start(SipConfig.loopback().withRtpPorts(34000, 34999),
				(user, caller) -> Route.ivr(user,
						this.runtime.newCall(this.snapshot,
								CallInfo.external("uuid-" + caller.callId(), caller.number(), caller.name(), null),
								new Ports())));
		this.phone = TestPhone.start();
		this.rtp = PhoneRtp.open();
	}

	@AfterEach
	void stop() {
		this.rtp.close();
		this.phone.close();
		this.server.close();
		this.runtime.close();
	}

	@Test
	void rule14_playDigitsSpeaksInTheLanguageOfTheIvr() {
		this.snapshot = ivr("en",
				Rule.builder(Action.PLAY_DIGITS).digits("12").playDigitsMethod(PlayDigitsMethod.DIGITS),
				Rule.builder(Action.HANGUP));
		short[] expected = new PromptLibrary().speak("12", PlayDigitsMethod.DIGITS, "en");

		PhoneCall call = dial();
		call.awaitByeFromServer();

		List<RtpPacket> heard = this.rtp.awaitPackets(expected.length / 160);
		for (int i = 0; i < expected.length / 160; i++) {
			short[] frame = G711.decode(G711.Law.ULAW, heard.get(i).payload(), 0, 160);
			short[] sent = G711.decode(G711.Law.ULAW, G711.encode(G711.Law.ULAW, expected, i * 160, 160), 0, 160);
			assertThat(frame).as("frame " + i).containsExactly(sent);
		}
	}

	@Test
	void rule31_aCallLeavesNothingBehind() throws Exception {
		this.snapshot = ivr("ru", Rule.builder(Action.PLAY_SILENCE).silenceTime(100), Rule.builder(Action.HANGUP));

		PhoneCall call = dial();
		InetSocketAddress serverRtp = Sdp.mediaAddress(this.lastAnswer.body());
		call.awaitByeFromServer();

		IvrCallSummary summary = this.summaries.poll(10, TimeUnit.SECONDS);
		assertThat(summary).isNotNull();
		assertThat(summary.result().end()).isEqualTo(CallResult.End.HANGUP);
		assertThat(summary.trace()).extracting((entry) -> entry.type())
			.startsWith("sip", "sip", "rtp", "sip", "rtp", "context_entered");
		// The timer is cancelled before the summary is handed over; the SIP call is
		// forgotten and its RTP channel closed before its BYE is sent.
		assertThat(this.runtime.timers().getQueue()).as("armed timers").isEmpty();
		assertThat(this.server.activeCalls()).as("SIP calls").isZero();
		// The call's RTP port is released: closing the channel wakes its receiving
		// (virtual) thread, and the port is freed once that thread has run, which under
		// load may take a moment.
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			try (DatagramChannel again = DatagramChannel.open()) {
				again.bind(serverRtp);
			}
		});
		// The runtime counts the call until just after its summary was handed over, on
		// the call's thread: reading the count now races with that, so wait (bounded).
		assertThat(this.runtime.close(Duration.ofSeconds(5))).as("every call finished").isTrue();
		assertThat(this.runtime.activeCalls()).as("IVR calls").isZero();
	}

	@Test
	void aSoundThatCannotBeLoadedCountsAsPlayedAndTheIvrGoesOn() throws Exception {
		this.soundsFail = true;
		this.snapshot = ivr("ru", Rule.builder(Action.PLAY_SOUND).sound(7L).soundType(SoundType.FOREGROUND),
				Rule.builder(Action.HANGUP));

		dial().awaitByeFromServer();

		IvrCallSummary summary = this.summaries.poll(10, TimeUnit.SECONDS);
		assertThat(summary.result().reason()).isEqualTo("hangup rule");
		assertThat(summary.trace()).filteredOn((entry) -> entry.type().equals("error"))
			.extracting((entry) -> (String) entry.get("what"))
			.containsExactly("could not carry out PlaySound: the database is down");
	}

	@Test
	void serverStopHangsUpAndStillHandsOverTheSummary() throws Exception {
		this.snapshot = ivr("ru", Rule.builder(Action.PLAY_SILENCE).silenceTime(600_000));

		PhoneCall call = dial();
		this.rtp.awaitPackets(3);
		this.server.close();
		assertThat(this.runtime.close(Duration.ofSeconds(5))).isTrue();

		call.awaitByeFromServer();
		IvrCallSummary summary = this.summaries.poll();
		assertThat(summary).isNotNull();
		assertThat(summary.result().end()).isEqualTo(CallResult.End.HANGUP);
		assertThat(summary.result().reason()).isEqualTo("server stopped");
	}

	private Reply lastAnswer;

	private PhoneCall dial() {
		PhoneCall call = this.phone.call("000*071", this.server.port(), Transport.UDP,
				Sdp.offer(this.rtp.port(), "PCMU", "telephone-event"));
		this.lastAnswer = call.awaitAnswerAndAck();
		assertThat(this.lastAnswer.status()).isEqualTo(200);
		return call;
	}

	/** IVR 000*071 whose start option runs {@code rules}. */
	private static IvrSnapshot ivr(String language, Rule.Builder... rules) {
		Map<String, List<Rule>> options = new LinkedHashMap<>();
		long id = 1;
		List<Rule> start = new java.util.ArrayList<>();
		for (Rule.Builder rule : rules) {
			start.add(rule.id(id++).build());
		}
		options.put("start", start);
		options.put("timeout", List.of());
		options.put("invalid", List.of());
		ContextConfig context = new ContextConfig(new Context(1, "main", 5000, 2000, 1, false), options);
		IvrSettings settings = new IvrSettings(1L, 1800, LifetimeAction.HANGUP, null, 0, true, null, null, false);
		return new IvrSnapshot(204, "000*071", 12, "Europe/Moscow", language, settings, Map.of(1L, context), Map.of(),
				Set.of("071"), Map.of());
	}

	/** The application's side: no sounds, no web, no speech; summaries kept. */
	private final class Ports implements IvrCallPorts {

		@Override
		public Optional<short[]> sound(long soundId) {
			if (IvrRuntimeTest.this.soundsFail) {
				throw new IllegalStateException("the database is down");
			}
			return Optional.empty();
		}

		@Override
		public Optional<short[]> namedSound(String name) {
			return Optional.empty();
		}

		@Override
		public CompletableFuture<Event> httpRequest(Command.HttpRequest request) {
			return CompletableFuture
				.completedFuture(new Event.HttpFailed(request.requestId(), HttpFailure.UNREACHABLE));
		}

		@Override
		public CompletableFuture<Event> synthesise(Command.Synthesise request) {
			return CompletableFuture.completedFuture(new Event.SynthesisFailed(request.requestId(), "no speech"));
		}

		@Override
		public Optional<short[]> greeting(String reference) {
			return Optional.empty();
		}

		@Override
		public void finished(IvrCallSummary summary) {
			IvrRuntimeTest.this.summaries.add(summary);
		}

	}

}
