package dev.tonal.app.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tonal.media.audio.WavReader;
import dev.tonal.media.codec.G711;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Voicemail on real calls (docs/voicemail.md): a test phone reaches voicemail, speaks,
 * ends the message, and the recording is listed and downloadable through the API and
 * mailed to vm_mailto through a real SMTP server (GreenMail) in this JVM.
 */
@Timeout(90)
class VoicemailCallsTest extends IvrCallTestSupport {

	/** The SMTP port the server is configured with; GreenMail listens there when up. */
	private static final int SMTP_PORT = freePort();

	private static GreenMail smtp = startSmtp();

	private static final String OWNER = "owner@example.test";

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("tonal.mail.host", () -> "127.0.0.1");
		registry.add("tonal.mail.port", () -> SMTP_PORT);
		registry.add("tonal.mail.from", () -> "tonal@example.test");
		registry.add("tonal.mail.retry-delay", () -> "200ms");
		registry.add("tonal.voicemail.silence", () -> "1s");
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void aCallerWhoseTransferFailsLeavesAVoicemail_listedDownloadableAndMailedWithTheRecording() throws Exception {
		TestIvr ivr = voicemailIvr(true);
		rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "099 voicemail"));
		smtp.purgeEmailFromAllMailboxes();

		Call call = dial(ivr);
		try (Speaker speaker = new Speaker(call, HeardAudio.sweep(1000))) {
			// greeting (500 ms) and beep (500 ms): 50 packets; then 2 s of message
			this.rtp.awaitPackets(50);
			Thread.sleep(2000);
			press(call, '#');
			call.sip().awaitByeFromServer();
		}

		JsonNode voicemail = onlyVoicemail(ivr);
		assertThat(voicemail.get("caller_id_number").asString()).isEqualTo("+79001234567");
		assertThat(voicemail.get("extension").asString()).isEqualTo("071");
		assertThat(voicemail.get("extension_id").asLong()).isEqualTo(ivr.extensionId());
		assertThat(voicemail.get("ended_by").asString()).isEqualTo("#");
		assertThat(voicemail.get("call_uuid").asString()).isEqualTo(history(ivr).get("call_uuid").asString());
		assertThat(voicemail.get("created").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
		int durationMs = voicemail.get("duration_ms").asInt();
		assertThat(durationMs).as("about the 2 s spoken").isBetween(1000, 4000);
		assertThat(history(ivr).get("end_reason").asString()).isEqualTo("voicemail");
		assertThat(ofType(trace(ivr), "voicemail_recorded")).singleElement()
			.satisfies((e) -> assertThat(e.get("why").asString()).isEqualTo("#"));

		long id = voicemail.get("id").asLong();
		Response file = get("/client/@me/voicemail/" + id + "/file", ivr.token());
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Content-Type")).startsWith("audio/wav");
		byte[] wav = file.bytes();
		assertThat(wav.length).as("44-byte header, 16-bit 8 kHz mono").isEqualTo(44 + durationMs * 16);
		assertThat(readInt16(wav, 22)).as("mono").isEqualTo(1);
		assertThat(readInt32(wav, 24)).as("8 kHz").isEqualTo(8000);
		assertThat(readInt16(wav, 34)).as("16-bit").isEqualTo(16);
		short[] recorded = WavReader.read(wav);
		assertThat(HeardAudio.correlation(recorded, HeardAudio.sweep(1000), 8000)).as("the caller's voice")
			.isGreaterThanOrEqualTo(0.8);

		assertThat(smtp.waitForIncomingEmail(10_000, 1)).as("a mail arrives").isTrue();
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(OWNER);
		assertThat(mail.getFrom()[0].toString()).isEqualTo("tonal@example.test");
		assertThat(mail.getSubject())
			.isEqualTo("Voicemail from Test Phone <+79001234567> for 071 (" + Math.round(durationMs / 1000.0) + " s)");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		String text = null;
		byte[] attachment = null;
		String attachmentName = null;
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				attachment = part.getInputStream().readAllBytes();
				attachmentName = part.getFileName();
				assertThat(part.getContentType()).startsWith("audio/wav");
			}
			else {
				text = textOf(part);
			}
		}
		assertThat(text).contains("From: Test Phone <+79001234567>", "To: IVR 071",
				voicemail.get("call_uuid").asString(), "/voicemail/" + id + "/file", "The recording is attached");
		assertThat(attachmentName).isEqualTo("voicemail-" + id + ".wav");
		assertThat(attachment).as("the same bytes as the API's file").isEqualTo(wav);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(onlyVoicemail(ivr).get("mail_sent").isNull()).isFalse());
	}

	@Test
	void silenceEndsTheRecording_theServerHangsUp() throws Exception {
		TestIvr ivr = voicemailIvr(false);
		rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "voicemail"));

		Call call = dial(ivr);
		try (Speaker speaker = new Speaker(call, HeardAudio.sweep(1000))) {
			this.rtp.awaitPackets(50);
			Thread.sleep(1000);
			speaker.fallSilent();
			call.sip().awaitByeFromServer();
		}

		JsonNode voicemail = onlyVoicemail(ivr);
		assertThat(voicemail.get("ended_by").asString()).isEqualTo("silence");
		assertThat(voicemail.get("duration_ms").asInt()).as("speech, then 1 s of silence").isBetween(1500, 5000);
		assertThat(voicemail.get("mail_to").asString()).isEqualTo(OWNER);
		assertThat(history(ivr).get("end_reason").asString()).isEqualTo("voicemail");
	}

	@Test
	void aFailedMailIsRetried_theRecordingIsKeptMeanwhile() throws Exception {
		smtp.stop();
		try {
			TestIvr ivr = voicemailIvr(false);
			rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "voicemail"));
			Call call = dial(ivr);
			try (Speaker speaker = new Speaker(call, HeardAudio.sweep(1000))) {
				this.rtp.awaitPackets(50);
				Thread.sleep(500);
			}
			call.sip().bye();

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				JsonNode voicemail = onlyVoicemail(ivr);
				assertThat(voicemail.get("ended_by").asString()).isEqualTo("ended");
				assertThat(voicemail.get("mail_attempts").asInt()).isGreaterThanOrEqualTo(1);
				assertThat(voicemail.get("mail_error").isNull()).isFalse();
				assertThat(voicemail.get("mail_sent").isNull()).isTrue();
			});
			smtp = startSmtp();
			assertThat(smtp.waitForIncomingEmail(15_000, 1)).as("a retry gets through").isTrue();
			MimeMessage mail = smtp.getReceivedMessages()[0];
			assertThat(mail.getContent()).as("no attachment: vm_attach_file is false").isInstanceOf(String.class);
			assertThat((String) mail.getContent()).contains("/voicemail/" + onlyVoicemail(ivr).get("id").asLong());
		}
		finally {
			if (!smtp.isRunning()) {
				smtp = startSmtp();
			}
		}
	}

	@Test
	void voicemailsAreTenantIsolated_readOnlyTokensReadButDoNotDelete() throws Exception {
		TestIvr ivr = voicemailIvr(false);
		rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "voicemail"));
		Call call = dial(ivr);
		try (Speaker speaker = new Speaker(call, HeardAudio.sweep(1000))) {
			this.rtp.awaitPackets(50);
			Thread.sleep(500);
			press(call, '#');
			call.sip().awaitByeFromServer();
		}
		long id = onlyVoicemail(ivr).get("id").asLong();
		String path = "/client/" + ivr.client().id() + "/voicemail/" + id;

		String stranger = newClient().token();
		assertThat(get(path, stranger).status()).isEqualTo(404);
		assertThat(get(path + "/file", stranger).status()).isEqualTo(404);
		assertThat(delete(path, stranger).status()).isEqualTo(404);
		assertThat(get("/client/@me/voicemail/" + id, stranger).status()).isEqualTo(404);

		String readOnly = appToken(ivr.client().id(), "read_only");
		assertThat(get("/client/@me/voicemail/", readOnly).body()).hasSize(1);
		assertThat(get(path + "/file", readOnly).status()).isEqualTo(200);
		Response refused = delete(path, readOnly);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("message").asString()).isNotBlank();

		assertThat(delete(path, ivr.token()).status()).isEqualTo(204);
		assertThat(get(path, ivr.token()).status()).isEqualTo(404);
		assertThat(delete(path, ivr.token()).status()).isEqualTo(404);
		assertThat(get("/client/@me/voicemail/", ivr.token()).body()).isEmpty();
	}

	@Test
	void voicemailIsOffByDefault_theDestinationIsSkipped() {
		TestIvr ivr = newIvr();
		Response settings = get("/extension/" + ivr.extensionId() + "/ivr/", ivr.token());
		assertThat(settings.body().get("vm_enabled").asBoolean()).isFalse();
		rule(ivr, "start", Map.of("action", "transfer", "transfer_dst", "voicemail"));
		rule(ivr, "start", Map.of("action", "hangup"));
		Call call = dial(ivr);
		call.sip().awaitByeFromServer();
		assertThat(history(ivr).get("end_reason").asString()).isEqualTo("hangup");
		assertThat(ofType(trace(ivr), "voicemail_skipped")).hasSize(1);
		assertThat(get("/client/@me/voicemail/", ivr.token()).body()).isEmpty();
	}

	// ---- helpers

	/** An IVR with voicemail on, a 500 ms greeting and vm_mailto (attaching or not). */
	private TestIvr voicemailIvr(boolean attach) {
		TestIvr ivr = newIvr();
		long greeting = sound(ivr, HeardAudio.sweep(500));
		configure(ivr,
				Map.of("vm_enabled", true, "vm_greeting", greeting, "vm_mailto", OWNER, "vm_attach_file", attach));
		return ivr;
	}

	private JsonNode onlyVoicemail(TestIvr ivr) {
		AtomicReference<JsonNode> only = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Response list = get("/client/@me/voicemail/", ivr.token());
			assertThat(list.status()).as(list.toString()).isEqualTo(200);
			assertThat(list.body()).hasSize(1);
			only.set(list.body().get(0));
		});
		return only.get();
	}

	/**
	 * The caller talking: {@code voice} over and over, 20 ms a packet in real time, until
	 * closed (or silence after {@link #fallSilent()}).
	 */
	private final class Speaker implements AutoCloseable {

		private final AtomicBoolean talking = new AtomicBoolean(true);

		private final AtomicBoolean silent = new AtomicBoolean();

		private final Thread thread;

		Speaker(Call call, short[] voice) {
			this.thread = Thread.ofPlatform().daemon().start(() -> {
				short[] quiet = new short[160];
				int offset = 0;
				long next = System.nanoTime();
				while (this.talking.get()) {
					short[] packet = new short[160];
					if (this.silent.get()) {
						packet = quiet;
					}
					else {
						System.arraycopy(voice, offset, packet, 0, 160);
						offset = (offset + 160 + 160 > voice.length) ? 0 : offset + 160;
					}
					VoicemailCallsTest.this.rtp.sendAudio(packet, G711.Law.ULAW, call.serverRtp());
					next += 20_000_000;
					long wait = next - System.nanoTime();
					if (wait > 0) {
						try {
							Thread.sleep(Duration.ofNanos(wait));
						}
						catch (InterruptedException ex) {
							return;
						}
					}
				}
			});
		}

		void fallSilent() {
			this.silent.set(true);
		}

		@Override
		public void close() throws InterruptedException {
			this.talking.set(false);
			this.thread.join();
		}

	}

	private static String textOf(Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof String text) {
			return text;
		}
		MimeMultipart nested = (MimeMultipart) content;
		StringBuilder all = new StringBuilder();
		for (int i = 0; i < nested.getCount(); i++) {
			all.append(textOf(nested.getBodyPart(i)));
		}
		return all.toString();
	}

	private static int readInt16(byte[] b, int at) {
		return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
	}

	private static int readInt32(byte[] b, int at) {
		return readInt16(b, at) | readInt16(b, at + 2) << 16;
	}

	private static GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
