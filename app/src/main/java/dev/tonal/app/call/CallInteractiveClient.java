package dev.tonal.app.call;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import dev.tonal.engine.Command;
import dev.tonal.engine.Event;
import dev.tonal.engine.HttpFailure;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends Call Interactive requests (semantics.md rules 25-27) for real calls: carries out
 * the engine's {@link Command.HttpRequest} and answers with the event the session
 * expects, {@link Event.HttpReplied} (any status: the engine decides what a non-2xx
 * means) or {@link Event.HttpFailed}.
 *
 * <p>
 * Limits: the whole exchange (connecting, redirects, reading the reply) must end within
 * the command's timeout; a reply body over {@value #MAX_REPLY_BYTES} bytes is refused
 * without being buffered; redirects are followed at most {@value #MAX_REDIRECTS} times
 * and only within the same origin (scheme, host and port). Thread-safe; never blocks the
 * caller.
 */
@Component
public class CallInteractiveClient {

	/** Largest reply body accepted (rule 27). */
	public static final int MAX_REPLY_BYTES = 64 * 1024;

	/** Most redirects followed for one request. */
	public static final int MAX_REDIRECTS = 3;

	private static final Logger log = LoggerFactory.getLogger(CallInteractiveClient.class);

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		// HTTP/1.1: webhook servers are plain web apps; no upgrade dance per request.
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	/**
	 * Sends the request without blocking. The future always completes normally, with
	 * {@link Event.HttpReplied} or {@link Event.HttpFailed} carrying the command's
	 * request id: on a thread of the HTTP client, or at once when the URL cannot be used.
	 * Hand the event to the call's own executor.
	 */
	public CompletableFuture<Event> send(Command.HttpRequest command) {
		URI uri;
		try {
			uri = target(command);
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			log.info("Call Interactive URL {} is not usable: {}", command.url(), ex.getMessage());
			return CompletableFuture.completedFuture(new Event.HttpFailed(command.requestId(), HttpFailure.ERROR));
		}
		Exchange exchange = new Exchange(command, uri);
		return exchange.start()
			.orTimeout(command.timeout().toMillis(), TimeUnit.MILLISECONDS)
			.handle((event, failure) -> {
				if (failure == null) {
					return event;
				}
				exchange.cancel();
				HttpFailure reason = reason(failure);
				log.debug("Call Interactive request to {} failed: {} ({})", uri, reason.wire(), failure.toString());
				return new Event.HttpFailed(command.requestId(), reason);
			});
	}

	/** Aborts requests still running when the application stops. */
	@PreDestroy
	void close() {
		this.http.shutdownNow();
	}

	/** The URL with the parameters in its query string (GET), or the URL as is (POST). */
	private static URI target(Command.HttpRequest command) throws URISyntaxException {
		URI base = new URI(command.url());
		if (!"http".equalsIgnoreCase(base.getScheme()) && !"https".equalsIgnoreCase(base.getScheme())) {
			throw new IllegalArgumentException("not an http:// or https:// URL");
		}
		if (base.getHost() == null) {
			throw new IllegalArgumentException("no host");
		}
		if (command.method().equals("POST") || command.params().isEmpty()) {
			return base;
		}
		String url = command.url();
		int fragment = url.indexOf('#');
		String withoutFragment = (fragment >= 0) ? url.substring(0, fragment) : url;
		String separator = (base.getRawQuery() == null) ? "?" : "&";
		return new URI(withoutFragment + separator + form(command.params()));
	}

	/** {@code application/x-www-form-urlencoded}: the query string and the POST body. */
	static String form(Map<String, String> params) {
		return params.entrySet()
			.stream()
			.map((param) -> encode(param.getKey()) + "=" + encode(Objects.toString(param.getValue(), "")))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** The rule 27 reason for a failure: the first cause in the chain that says it. */
	private static HttpFailure reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			HttpFailure reason = switch (cause) {
				case TimeoutException ex -> HttpFailure.TIMEOUT;
				// HttpConnectTimeoutException is one too
				case HttpTimeoutException ex -> HttpFailure.TIMEOUT;
				case ConnectException ex -> HttpFailure.UNREACHABLE;
				case UnresolvedAddressException ex -> HttpFailure.UNREACHABLE;
				case UnknownHostException ex -> HttpFailure.UNREACHABLE;
				case ReplyTooLarge ex -> HttpFailure.TOO_LARGE;
				case RedirectRefused ex -> HttpFailure.REDIRECT_REFUSED;
				default -> null;
			};
			if (reason != null) {
				return reason;
			}
		}
		return HttpFailure.ERROR;
	}

	/** One request with its redirects. */
	private final class Exchange {

		private final Command.HttpRequest command;

		private final URI first;

		private volatile CompletableFuture<?> inFlight;

		Exchange(Command.HttpRequest command, URI first) {
			this.command = command;
			this.first = first;
		}

		CompletableFuture<Event> start() {
			return send(this.first, this.command.method(), 0);
		}

		/** Aborts the request in flight (after the overall timeout). */
		void cancel() {
			CompletableFuture<?> current = this.inFlight;
			if (current != null) {
				current.cancel(true);
			}
		}

		private CompletableFuture<Event> send(URI uri, String method, int redirects) {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(this.command.timeout());
			if (method.equals("POST")) {
				request.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
					.POST(HttpRequest.BodyPublishers.ofString(form(this.command.params())));
			}
			else {
				request.GET();
			}
			CompletableFuture<HttpResponse<String>> response;
			try {
				response = CallInteractiveClient.this.http.sendAsync(request.build(),
						BoundedBody.handler(MAX_REPLY_BYTES));
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
			this.inFlight = response;
			return response.thenCompose((reply) -> {
				if (!isRedirect(reply.statusCode())) {
					return CompletableFuture.completedFuture(
							new Event.HttpReplied(this.command.requestId(), reply.statusCode(), reply.body()));
				}
				URI next = redirectTarget(uri, reply, redirects);
				// as browsers do: only 307 and 308 keep a POST
				String nextMethod = (reply.statusCode() == 307 || reply.statusCode() == 308) ? method : "GET";
				return send(next, nextMethod, redirects + 1);
			});
		}

		private URI redirectTarget(URI from, HttpResponse<?> reply, int redirects) {
			if (redirects >= MAX_REDIRECTS) {
				throw new RedirectRefused("more than " + MAX_REDIRECTS + " redirects");
			}
			String location = reply.headers()
				.firstValue("Location")
				.orElseThrow(() -> new RedirectRefused("redirect without a Location"));
			URI next;
			try {
				next = from.resolve(location);
			}
			catch (IllegalArgumentException ex) {
				throw new RedirectRefused("unusable Location " + location);
			}
			if (!sameOrigin(from, next)) {
				throw new RedirectRefused("redirect to another host: " + next);
			}
			return next;
		}

	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	/** Same scheme, host and port (the default port of the scheme when none is given). */
	static boolean sameOrigin(URI a, URI b) {
		return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
				&& a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
	}

	private static int port(URI uri) {
		if (uri.getPort() >= 0) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	/** A redirect the client does not follow (rule 27). */
	static final class RedirectRefused extends RuntimeException {

		RedirectRefused(String message) {
			super(message, null, false, false);
		}

	}

	/** A reply body over the limit (rule 27). */
	static final class ReplyTooLarge extends IOException {

		ReplyTooLarge(long limit) {
			super("reply body larger than " + limit + " bytes");
		}

	}

}
