package dev.tonal.app.sound;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.api.Datetimes;
import dev.tonal.app.api.InputErrors;
import dev.tonal.app.auth.Caller;
import dev.tonal.app.client.Client;
import dev.tonal.app.client.ClientRepository;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Sounds of a client (api.md §3): {@code /client/{cid}/sound/}. */
@RestController
@RequestMapping("/api/ver1.0/client/{cid}/sound")
class SoundController {

	/** A sound as the API shows it; {@code created} in the client's timezone. */
	record SoundView(long id, long clientId, String title, String filename, int durationMs, String created) {
	}

	private final SoundService service;

	private final SoundRepository sounds;

	private final ClientRepository clients;

	SoundController(SoundService service, SoundRepository sounds, ClientRepository clients) {
		this.service = service;
		this.sounds = sounds;
		this.clients = clients;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<SoundView> create(Caller caller, @PathVariable String cid,
			@RequestParam(required = false) String title, @RequestParam(required = false) MultipartFile file) {
		Client client = client(caller, cid);
		return ResponseEntity.status(HttpStatus.CREATED).body(view(client, this.service.create(client, title, file)));
	}

	@GetMapping
	List<SoundView> list(Caller caller, @PathVariable String cid,
			@RequestParam(name = "id", required = false) List<Long> ids,
			@RequestParam(name = "title", required = false) List<String> titles) {
		Client client = client(caller, cid);
		return this.sounds.list(client.id(), (ids != null) ? ids : List.of(), (titles != null) ? titles : List.of())
			.stream()
			.map((sound) -> view(client, sound))
			.toList();
	}

	@GetMapping("/{id}")
	SoundView get(Caller caller, @PathVariable String cid, @PathVariable long id) {
		Client client = client(caller, cid);
		return view(client, sound(client, id));
	}

	@PutMapping("/{id}")
	SoundView retitle(Caller caller, @PathVariable String cid, @PathVariable long id,
			@RequestBody Map<String, Object> body) {
		Client client = client(caller, cid);
		SoundRepository.Sound sound = sound(client, id);
		InputErrors errors = new InputErrors();
		String title = errors.read(body).string("title", null);
		errors.throwIfAny();
		return view(client, this.service.retitle(client, sound, title));
	}

	@PostMapping(path = "/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	SoundView replace(Caller caller, @PathVariable String cid, @PathVariable long id,
			@RequestParam(required = false) String title, @RequestParam(required = false) MultipartFile file) {
		Client client = client(caller, cid);
		return view(client, this.service.replace(client, sound(client, id), title, file));
	}

	@GetMapping("/{id}/file")
	ResponseEntity<byte[]> file(Caller caller, @PathVariable String cid, @PathVariable long id) {
		Client client = client(caller, cid);
		byte[] wav = this.sounds.wav(client.id(), id).orElseThrow(() -> ApiException.notFound("sound " + id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("audio/wav"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("sound-" + id + ".wav").build().toString())
			.body(wav);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String cid, @PathVariable long id) {
		Client client = client(caller, cid);
		this.service.delete(client, sound(client, id));
		return ResponseEntity.noContent().build();
	}

	private Client client(Caller caller, String cid) {
		return this.clients.get(caller.client(cid));
	}

	private SoundRepository.Sound sound(Client client, long id) {
		return this.sounds.find(client.id(), id).orElseThrow(() -> ApiException.notFound("sound " + id));
	}

	private static SoundView view(Client client, SoundRepository.Sound sound) {
		return new SoundView(sound.id(), sound.clientId(), sound.title(), sound.filename(), sound.durationMs(),
				Datetimes.format(Instant.ofEpochMilli(sound.created()), client.timezone()));
	}

}
