package dev.tonal.app.voicemail;

import java.time.Instant;
import java.util.List;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.api.Datetimes;
import dev.tonal.app.auth.Caller;
import dev.tonal.app.client.Client;
import dev.tonal.app.client.ClientRepository;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Voicemails of a client (docs/voicemail.md): {@code /client/{cid}/voicemail/}. Another
 * client's voicemails answer 404; read-only tokens may list and download, not delete (the
 * auth filter refuses their writes).
 */
@RestController
@RequestMapping("/api/ver1.0/client/{cid}/voicemail")
class VoicemailController {

	/**
	 * A voicemail as the API shows it; datetimes in the client's timezone.
	 *
	 * @param extension the IVR's name when the voicemail was left
	 * @param extensionId the IVR, or null once it is deleted
	 * @param endedBy what ended the recording: {@code #}, {@code silence},
	 * {@code max_length} or {@code ended} (caller hung up, lifetime)
	 * @param mailSent when the e-mail went out, or null (not yet, given up, or no
	 * vm_mailto)
	 */
	record VoicemailView(long id, long clientId, Long extensionId, String extension, String callerIdNumber,
			String callerIdName, String calledDid, String created, int durationMs, String endedBy, String callUuid,
			String mailTo, String mailSent, int mailAttempts, String mailError) {
	}

	private final VoicemailRepository voicemails;

	private final ClientRepository clients;

	VoicemailController(VoicemailRepository voicemails, ClientRepository clients) {
		this.voicemails = voicemails;
		this.clients = clients;
	}

	/** The client's voicemails, newest first. */
	@GetMapping
	List<VoicemailView> list(Caller caller, @PathVariable String cid) {
		Client client = client(caller, cid);
		return this.voicemails.list(client.id()).stream().map((v) -> view(client, v)).toList();
	}

	@GetMapping("/{id}")
	VoicemailView get(Caller caller, @PathVariable String cid, @PathVariable long id) {
		Client client = client(caller, cid);
		return view(client, this.voicemails.find(client.id(), id).orElseThrow(() -> notFound(id)));
	}

	/** The recording: PCM WAV, 8 kHz mono 16-bit. */
	@GetMapping("/{id}/file")
	ResponseEntity<byte[]> file(Caller caller, @PathVariable String cid, @PathVariable long id) {
		Client client = client(caller, cid);
		byte[] wav = this.voicemails.wav(client.id(), id).orElseThrow(() -> notFound(id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("audio/wav"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("voicemail-" + id + ".wav").build().toString())
			.body(wav);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String cid, @PathVariable long id) {
		Client client = client(caller, cid);
		if (!this.voicemails.delete(client.id(), id)) {
			throw notFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	private Client client(Caller caller, String cid) {
		return this.clients.get(caller.client(cid));
	}

	private static ApiException notFound(long id) {
		return ApiException.notFound("voicemail " + id);
	}

	private static VoicemailView view(Client client, VoicemailRepository.Voicemail v) {
		return new VoicemailView(v.id(), v.clientId(), v.extensionId(), v.extension(), v.callerIdNumber(),
				v.callerIdName(), v.calledDid(), Datetimes.format(Instant.ofEpochMilli(v.created()), client.timezone()),
				v.durationMs(), v.endedBy(), v.callUuid(), v.mailTo(), (v.mailSentAt() != null)
						? Datetimes.format(Instant.ofEpochMilli(v.mailSentAt()), client.timezone()) : null,
				v.mailAttempts(), v.mailError());
	}

}
