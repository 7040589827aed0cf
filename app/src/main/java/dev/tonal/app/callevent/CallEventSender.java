package dev.tonal.app.callevent;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import dev.tonal.app.call.CallRecorder;
import dev.tonal.sip.ivrcall.CallProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends call events to their subscribers (api.md §9) without ever making a call wait:
 * {@link #publish} only puts the step in a bounded queue and returns. One dispatcher
 * thread turns each step into an event, finds the subscriptions of the call's extension
 * and sends each one asynchronously, with a timeout, one request at a time per
 * subscription (so each subscriber sees a call's events in order, and one that hangs
 * holds up only itself). A failure (no answer in time, a refused connection, a 5xx) is
 * retried a bounded number of times with a doubling backoff. What cannot be queued, or
 * fails every attempt, is dropped: logged and counted ({@link #droppedEvents()}).
 */
@Component
public class CallEventSender implements SmartLifecycle {

	/** Events one subscriber may be behind before more of its events are dropped. */
	static final int BACKLOG = 100;

	private static final int CAPACITY = 10_000;

	private static final Logger log = LoggerFactory.getLogger(CallEventSender.class);

	private final EventSubscriptionRepository subscriptions;

	private final Settings settings;

	private final BlockingQueue<CallProgress> queue = new LinkedBlockingQueue<>(CAPACITY);

	/** Events waiting per subscription id; a key is present while one is under way. */
	private final Map<Long, Deque<Delivery>> backlogs = new HashMap<>();

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong sent = new AtomicLong();

	private final HttpClient http;

	// Made on start, not once: a stopped lifecycle can be started again (a paused test
	// context is), and a shut-down executor would drop every retry from then on.
	private volatile ScheduledExecutorService retries;

	private volatile Thread dispatcher;

	/**
	 * How events are sent.
	 *
	 * @param timeout how long one request may take, connecting included
	 * @param attempts how many times an event is tried per subscriber
	 * @param firstRetry the wait before the first retry; it doubles for each further one
	 */
	record Settings(Duration timeout, int attempts, Duration firstRetry) {

		static Settings defaults() {
			return new Settings(Duration.ofSeconds(5), 3, Duration.ofMillis(500));
		}

	}

	@Autowired
	CallEventSender(EventSubscriptionRepository subscriptions) {
		this(subscriptions, Settings.defaults());
	}

	CallEventSender(EventSubscriptionRepository subscriptions, Settings settings) {
		this.subscriptions = subscriptions;
		this.settings = settings;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Queues a step of a call to be sent to its subscribers; returns at once. */
	public void publish(CallProgress progress) {
		if (!this.queue.offer(progress)) {
			drop("queue full (" + CAPACITY + " waiting)", progress.callUuid(), CallEventType.of(progress).wire());
		}
	}

	/** Events given up since the start: not queued, or failed every attempt. */
	public long droppedEvents() {
		return this.dropped.get();
	}

	/** Events a subscriber accepted (a 2xx-4xx answer) since the start. */
	public long sentEvents() {
		return this.sent.get();
	}

	@Override
	public void start() {
		this.retries = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread retrier = new Thread(task, "call-event-retries");
			retrier.setDaemon(true);
			return retrier;
		});
		Thread thread = new Thread(this::dispatch, "call-events");
		thread.setDaemon(true);
		this.dispatcher = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread thread = this.dispatcher;
		this.dispatcher = null;
		if (thread != null) {
			thread.interrupt();
		}
		ScheduledExecutorService retrier = this.retries;
		if (retrier != null) {
			retrier.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.dispatcher != null;
	}

	/**
	 * Stops with the call recorder: after the SIP runtime, whose last calls have events.
	 */
	@Override
	public int getPhase() {
		return CallRecorder.PHASE;
	}

	private void dispatch() {
		while (this.dispatcher == Thread.currentThread()) {
			try {
				CallProgress progress = this.queue.take();
				fanOut(progress);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				// e.g. the database is gone for a moment: this step's events are lost
				log.warn("Could not send a call event: {}", ex.toString());
			}
		}
	}

	private void fanOut(CallProgress progress) {
		CallEventType type = CallEventType.of(progress);
		List<EventSubscriptionRepository.Subscription> targets = this.subscriptions.list(progress.ivr().extensionId(),
				type.wire());
		if (targets.isEmpty()) {
			return;
		}
		Map<String, String> fields = fields(type, progress);
		for (EventSubscriptionRepository.Subscription target : targets) {
			deliver(new Delivery(target, fields, progress.callUuid()));
		}
	}

	/**
	 * Sends now, or after the subscriber's earlier events: one request at a time per
	 * subscription keeps its events in order. A subscriber already {@value #BACKLOG}
	 * events behind gets no more until it catches up.
	 */
	private void deliver(Delivery delivery) {
		synchronized (this.backlogs) {
			Deque<Delivery> backlog = this.backlogs.get(delivery.target().id());
			if (backlog != null) {
				if (backlog.size() >= BACKLOG) {
					drop(BACKLOG + " earlier events still waiting for " + delivery.target().url(), delivery);
				}
				else {
					backlog.add(delivery);
				}
				return;
			}
			this.backlogs.put(delivery.target().id(), new ArrayDeque<>());
		}
		send(delivery, 1);
	}

	/** The subscriber is done with one event: its next one, if any, goes now. */
	private void done(Delivery delivery) {
		Delivery next;
		synchronized (this.backlogs) {
			Deque<Delivery> backlog = this.backlogs.get(delivery.target().id());
			next = (backlog != null) ? backlog.poll() : null;
			if (next == null) {
				this.backlogs.remove(delivery.target().id());
			}
		}
		if (next != null) {
			send(next, 1);
		}
	}

	private void send(Delivery delivery, int attempt) {
		HttpRequest request;
		try {
			request = request(delivery.target(), delivery.fields());
		}
		catch (IllegalArgumentException ex) {
			drop("bad URL " + delivery.target().url(), delivery);
			done(delivery);
			return;
		}
		this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
			if (failure == null && response.statusCode() < 500) {
				this.sent.incrementAndGet();
				done(delivery);
				return;
			}
			String why = (failure != null) ? failure.toString() : "HTTP " + response.statusCode();
			if (attempt >= this.settings.attempts()) {
				drop(why + " from " + delivery.target().url() + " after " + attempt + " attempt(s)", delivery);
				done(delivery);
				return;
			}
			Duration wait = this.settings.firstRetry().multipliedBy(1L << (attempt - 1));
			try {
				this.retries.schedule(() -> send(delivery, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				drop("shutting down", delivery);
			}
		});
	}

	/** One event for one subscriber. */
	private record Delivery(EventSubscriptionRepository.Subscription target, Map<String, String> fields,
			String callUuid) {
	}

	private HttpRequest request(EventSubscriptionRepository.Subscription target, Map<String, String> fields) {
		String form = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		if ("GET".equals(target.method())) {
			String url = target.url() + (target.url().contains("?") ? "&" : "?") + form;
			return HttpRequest.newBuilder(URI.create(url)).timeout(this.settings.timeout()).GET().build();
		}
		return HttpRequest.newBuilder(URI.create(target.url()))
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	/** The fields of api.md §9, in its order. */
	static Map<String, String> fields(CallEventType type, CallProgress progress) {
		CallProgress.LegTarget leg = progress.leg();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("EventType", type.wire());
		fields.put("CallID", progress.callUuid());
		fields.put("CallerIDNum", (leg != null) ? leg.callerNumber() : progress.callerIdNumber());
		fields.put("CallerIDName", progress.callerIdName());
		fields.put("CalledDID", progress.calledDid());
		fields.put("CalledExtension", progress.ivr().extensionName());
		fields.put("CalledExtensionID", String.valueOf(progress.ivr().extensionId()));
		fields.put("CalledNumber", (leg != null) ? leg.user() : progress.calledUser());
		fields.put("CallFlow", (leg != null) ? "transfer" : progress.flow().name().toLowerCase(Locale.ROOT));
		fields.put("CallStatus", progress.status());
		fields.put("EventTime", String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, progress.at())));
		if (type == CallEventType.HANGUP) {
			long seconds = (progress.answeredAt() != null)
					? Math.max(0, Duration.between(progress.answeredAt(), progress.at()).toSeconds()) : 0;
			fields.put("Duration", String.valueOf(seconds));
		}
		return fields;
	}

	private void drop(String why, Delivery delivery) {
		drop(why, delivery.callUuid(), delivery.fields().get("EventType"));
	}

	private void drop(String why, String callUuid, String eventType) {
		long total = this.dropped.incrementAndGet();
		log.warn("Call event {} of call {} dropped: {} ({} dropped since start)", eventType, callUuid, why, total);
	}

	private static String encode(String value) {
		return URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8);
	}

}
