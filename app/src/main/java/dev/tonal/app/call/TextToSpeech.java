package dev.tonal.app.call;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.tonal.engine.Command;
import dev.tonal.engine.Event;
import dev.tonal.media.audio.AudioFormatException;
import dev.tonal.media.audio.AudioNormaliser;
import dev.tonal.media.audio.WavReader;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Speaks Call Interactive's {@code <TextToSpeech>} text for real calls (semantics.md rule
 * 26): carries out the engine's {@link Command.Synthesise} with espeak-ng, converts its
 * output to the telephone format (8 kHz mono 16-bit) with the media module's normaliser,
 * keeps the samples in the call's {@link SynthesisedGreetings} and answers
 * {@link Event.SpeechSynthesised} with their reference, or {@link Event.SynthesisFailed}
 * saying why.
 *
 * <p>
 * Whether espeak-ng can be run is checked once, at start-up, and logged; without it every
 * synthesis fails at once with a reason saying how to fix it. Each synthesis runs on its
 * own virtual thread (never the call's), at most {@code tonal.tts.max-concurrent} at a
 * time, and is stopped after {@code tonal.tts.time-limit}.
 */
@Component
public class TextToSpeech {

	/**
	 * Most bytes of espeak-ng output read (about six minutes of speech): enough for any
	 * greeting, and a bound on memory for text that is far too long.
	 */
	static final int MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(TextToSpeech.class);

	private final TtsProperties properties;

	private final Semaphore slots;

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private final AudioNormaliser normaliser = new AudioNormaliser();

	/** Null when espeak-ng can be run; else why not, as a synthesis failure reason. */
	private final String unavailable;

	public TextToSpeech(TtsProperties properties) {
		this.properties = properties;
		this.slots = new Semaphore(properties.maxConcurrent());
		this.unavailable = check(properties.executable());
		if (this.unavailable != null) {
			log.warn("Text-to-speech is off: {}", this.unavailable);
		}
	}

	/** Whether espeak-ng was found at start-up. */
	public boolean isAvailable() {
		return this.unavailable == null;
	}

	/**
	 * Synthesises the command's text in its voice into {@code greetings}. The future
	 * always completes normally, on a thread of its own, with
	 * {@link Event.SpeechSynthesised} or {@link Event.SynthesisFailed}.
	 * @param command what to say, and in which voice ("ru", "en")
	 * @param greetings the call's store of synthesised speech
	 */
	public CompletableFuture<Event> synthesise(Command.Synthesise command, SynthesisedGreetings greetings) {
		if (this.unavailable != null) {
			return CompletableFuture.completedFuture(new Event.SynthesisFailed(command.requestId(), this.unavailable));
		}
		if (command.text().isBlank()) {
			return failed(command, "there is no text to speak");
		}
		if (!command.voice().matches("[A-Za-z][A-Za-z0-9_+-]{0,31}")) {
			return failed(command, "unknown voice \"" + command.voice() + "\": use ru or en");
		}
		return CompletableFuture.supplyAsync(() -> run(command, greetings), this.threads);
	}

	@PreDestroy
	void close() {
		this.threads.shutdownNow();
	}

	private Event run(Command.Synthesise command, SynthesisedGreetings greetings) {
		long deadline = System.nanoTime() + this.properties.timeLimit().toNanos();
		try {
			if (!this.slots.tryAcquire(left(deadline), TimeUnit.NANOSECONDS)) {
				return failure(command, "the server is busy synthesising speech; took longer than " + limit());
			}
			try {
				short[] samples = speak(command, deadline);
				return new Event.SpeechSynthesised(command.requestId(), greetings.add(samples));
			}
			finally {
				this.slots.release();
			}
		}
		catch (SynthesisException ex) {
			return failure(command, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failure(command, "the server is shutting down");
		}
	}

	/** Runs espeak-ng and returns the speech as 8 kHz mono samples. */
	private short[] speak(Command.Synthesise command, long deadline) throws SynthesisException, InterruptedException {
		Process process;
		try {
			process = new ProcessBuilder(command(this.properties.executable(), command.voice())).start();
		}
		catch (IOException ex) {
			throw new SynthesisException("espeak-ng could not be started: " + ex.getMessage());
		}
		try {
			CompletableFuture<byte[]> output = CompletableFuture
				.supplyAsync(() -> readAtMost(process.getInputStream(), MAX_OUTPUT_BYTES, process), this.threads);
			CompletableFuture<byte[]> errors = CompletableFuture
				.supplyAsync(() -> readAtMost(process.getErrorStream(), 2048, null), this.threads);
			try (OutputStream in = process.getOutputStream()) {
				in.write(command.text().getBytes(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				// espeak-ng exited early; its exit status and messages tell why
			}
			if (!process.waitFor(left(deadline), TimeUnit.NANOSECONDS)) {
				throw new SynthesisException("espeak-ng took longer than " + limit());
			}
			byte[] wav = output.get(left(deadline), TimeUnit.NANOSECONDS);
			if (process.exitValue() != 0) {
				String message = new String(errors.get(left(deadline), TimeUnit.NANOSECONDS), StandardCharsets.UTF_8)
					.strip();
				throw new SynthesisException("espeak-ng failed (exit status " + process.exitValue() + ")"
						+ (message.isEmpty() ? "" : ": " + message));
			}
			if (wav == null) {
				throw new SynthesisException("the text is too long: its speech exceeds "
						+ MAX_OUTPUT_BYTES / 1024 / 1024 + " MB; send shorter text");
			}
			return WavReader.read(this.normaliser.normalise(wav, "espeak-ng.wav").wav());
		}
		catch (AudioFormatException ex) {
			throw new SynthesisException("espeak-ng gave no usable speech: " + ex.getMessage());
		}
		catch (TimeoutException ex) {
			throw new SynthesisException("espeak-ng took longer than " + limit());
		}
		catch (ExecutionException ex) {
			throw new SynthesisException("reading espeak-ng's output failed: " + ex.getCause().getMessage());
		}
		finally {
			process.destroyForcibly();
		}
	}

	/**
	 * espeak-ng writing a WAV file to stdout, reading UTF-8 text from stdin (so no text
	 * is ever taken for an option).
	 */
	static List<String> command(String executable, String voice) {
		return List.of(executable, "-v", voice, "-b", "1", "--stdout", "--stdin");
	}

	/**
	 * Reads a stream to its end, or returns null (and kills {@code process}, if given)
	 * once it has more than {@code max} bytes.
	 */
	private static byte[] readAtMost(InputStream in, int max, Process process) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[16 * 1024];
		try {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				if (out.size() + n > max) {
					if (process == null) {
						out.write(buffer, 0, max - out.size());
						return out.toByteArray();
					}
					process.destroyForcibly();
					return null;
				}
				out.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			// the process was killed (time limit): the caller reports that
		}
		return out.toByteArray();
	}

	/**
	 * Whether espeak-ng runs ({@code --version}); null when it does, else the reason
	 * callers will get.
	 */
	private static String check(String executable) {
		String fix = "install espeak-ng (e.g. apt-get install espeak-ng) or set tonal.tts.executable to its path";
		try {
			Process process = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
			process.getOutputStream().close();
			byte[] version = readAtMost(process.getInputStream(), 1024, null);
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return "text-to-speech is not available: " + executable + " --version did not finish; " + fix;
			}
			if (process.exitValue() != 0) {
				return "text-to-speech is not available: " + executable + " --version failed; " + fix;
			}
			log.info("Text-to-speech uses {}: {}", executable, new String(version, StandardCharsets.UTF_8).strip());
			return null;
		}
		catch (IOException ex) {
			return "text-to-speech is not available: " + executable + " could not be run (" + ex.getMessage() + "); "
					+ fix;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "text-to-speech is not available: interrupted while checking " + executable;
		}
	}

	private String limit() {
		Duration limit = this.properties.timeLimit();
		return (limit.toMillis() % 1000 == 0) ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
	}

	private static long left(long deadline) {
		return Math.max(0, deadline - System.nanoTime());
	}

	private static CompletableFuture<Event> failed(Command.Synthesise command, String reason) {
		return CompletableFuture.completedFuture(failure(command, reason));
	}

	private static Event failure(Command.Synthesise command, String reason) {
		log.info("Text-to-speech of request {} failed: {}", command.requestId(), reason);
		return new Event.SynthesisFailed(command.requestId(), reason);
	}

	/** A synthesis that cannot be done, with the reason the trace will show. */
	private static final class SynthesisException extends Exception {

		SynthesisException(String message) {
			super(message, null, false, false);
		}

	}

}
