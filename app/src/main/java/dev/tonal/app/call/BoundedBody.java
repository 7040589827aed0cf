package dev.tonal.app.call;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an HTTP reply body as text, but never more than a limit: a body announced or
 * found to be larger fails with {@link CallInteractiveClient.ReplyTooLarge} and the rest
 * is not read, so a misbehaving webhook cannot fill the server's memory.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<String> {

	private final int limit;

	private final Charset charset;

	private final long announced;

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	private final CompletableFuture<String> result = new CompletableFuture<>();

	private Flow.Subscription subscription;

	private BoundedBody(int limit, Charset charset, long announced) {
		this.limit = limit;
		this.charset = charset;
		this.announced = announced;
	}

	/** A body handler reading at most {@code limit} bytes. */
	static HttpResponse.BodyHandler<String> handler(int limit) {
		return (info) -> new BoundedBody(limit, charset(info.headers()),
				info.headers().firstValueAsLong("Content-Length").orElse(-1));
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		if (this.announced > this.limit) {
			subscription.cancel();
			this.result.completeExceptionally(new CallInteractiveClient.ReplyTooLarge(this.limit));
			return;
		}
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		if (this.result.isDone()) {
			return;
		}
		for (ByteBuffer buffer : buffers) {
			if (this.body.size() + buffer.remaining() > this.limit) {
				this.subscription.cancel();
				this.result.completeExceptionally(new CallInteractiveClient.ReplyTooLarge(this.limit));
				return;
			}
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			this.body.writeBytes(bytes);
		}
	}

	@Override
	public void onError(Throwable failure) {
		this.result.completeExceptionally(failure);
	}

	@Override
	public void onComplete() {
		this.result.complete(this.body.toString(this.charset));
	}

	@Override
	public CompletionStage<String> getBody() {
		return this.result;
	}

	/** The charset of the Content-Type, UTF-8 when none or unknown. */
	private static Charset charset(HttpHeaders headers) {
		String type = headers.firstValue("Content-Type").orElse("");
		for (String part : type.split(";")) {
			String param = part.trim();
			if (param.toLowerCase(Locale.ROOT).startsWith("charset=")) {
				String name = param.substring("charset=".length()).replace("\"", "").trim();
				try {
					return Charset.forName(name);
				}
				catch (RuntimeException ex) {
					return StandardCharsets.UTF_8;
				}
			}
		}
		return StandardCharsets.UTF_8;
	}

}
