package dev.tonal.app.sound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import dev.tonal.app.api.ApiException;
import dev.tonal.app.api.InputErrors;
import dev.tonal.app.client.Client;
import dev.tonal.app.events.ClientConfigChanged;
import dev.tonal.app.events.ConfigReferences;
import dev.tonal.media.audio.AudioFormatException;
import dev.tonal.media.audio.AudioNormaliser;
import dev.tonal.media.audio.NormalisedAudio;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Sounds of a client (api.md §3): uploads are decoded and normalised to 8 kHz mono before
 * they are stored, so a file calls cannot play is refused at upload time.
 */
@Service
class SoundService {

	private static final int MAX_TITLE = 255;

	private final SoundRepository sounds;

	private final AudioNormaliser normaliser = new AudioNormaliser();

	private final ObjectProvider<ConfigReferences> references;

	private final ApplicationEventPublisher events;

	SoundService(SoundRepository sounds, ObjectProvider<ConfigReferences> references,
			ApplicationEventPublisher events) {
		this.sounds = sounds;
		this.references = references;
		this.events = events;
	}

	@Transactional
	SoundRepository.Sound create(Client client, String title, MultipartFile file) {
		InputErrors errors = new InputErrors();
		checkTitle(title, errors);
		checkFilePresent(file, errors);
		errors.throwIfAny();
		long id = this.sounds.insert(client.id(), title, decode(file), Instant.now().toEpochMilli());
		this.events.publishEvent(new ClientConfigChanged(client.id()));
		return this.sounds.find(client.id(), id).orElseThrow();
	}

	@Transactional
	SoundRepository.Sound retitle(Client client, SoundRepository.Sound sound, String title) {
		InputErrors errors = new InputErrors();
		checkTitle(title, errors);
		errors.throwIfAny();
		this.sounds.updateTitle(sound.id(), title);
		return this.sounds.find(client.id(), sound.id()).orElseThrow();
	}

	/** Replaces a sound's audio, and its title when one is given. */
	@Transactional
	SoundRepository.Sound replace(Client client, SoundRepository.Sound sound, String title, MultipartFile file) {
		InputErrors errors = new InputErrors();
		if (title != null) {
			checkTitle(title, errors);
		}
		checkFilePresent(file, errors);
		errors.throwIfAny();
		this.sounds.replaceAudio(sound.id(), decode(file));
		if (title != null) {
			this.sounds.updateTitle(sound.id(), title);
		}
		this.events.publishEvent(new ClientConfigChanged(client.id()));
		return this.sounds.find(client.id(), sound.id()).orElseThrow();
	}

	/** Deletes a sound no rule or IVR uses; otherwise 409 naming the users. */
	@Transactional
	void delete(Client client, SoundRepository.Sound sound) {
		List<String> uses = this.references.getIfAvailable(ConfigReferences::none).usesOfSound(sound.id());
		if (!uses.isEmpty()) {
			throw ApiException.conflict(
					"sound " + sound.id() + " is still used by: " + String.join("; ", uses) + ". Change those first");
		}
		this.sounds.delete(sound.id());
		this.events.publishEvent(new ClientConfigChanged(client.id()));
	}

	private SoundRepository.Audio decode(MultipartFile file) {
		try {
			byte[] original = file.getBytes();
			NormalisedAudio audio = this.normaliser.normalise(original, file.getOriginalFilename());
			return new SoundRepository.Audio(file.getOriginalFilename(), original, file.getContentType(), audio.wav(),
					audio.durationMs());
		}
		catch (AudioFormatException ex) {
			throw ApiException.invalid("file", ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void checkTitle(String title, InputErrors errors) {
		if (title == null || title.isBlank()) {
			errors.add("title", "required: a title for the sound");
		}
		else if (title.length() > MAX_TITLE) {
			errors.add("title", "must be at most " + MAX_TITLE + " characters");
		}
	}

	private static void checkFilePresent(MultipartFile file, InputErrors errors) {
		if (file == null) {
			errors.add("file", "required: the audio file (WAV or MP3) as the multipart part \"file\"");
		}
		else if (file.isEmpty()) {
			errors.add("file", "the file is empty: upload a WAV or MP3 file with sound in it");
		}
	}

}
