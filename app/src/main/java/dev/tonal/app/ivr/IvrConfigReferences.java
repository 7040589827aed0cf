package dev.tonal.app.ivr;

import java.util.List;

import dev.tonal.app.events.ConfigReferences;

import org.springframework.stereotype.Component;

/**
 * Tells the sound and interval APIs which rules and IVRs still use a sound or an
 * interval, so that deleting it answers 409 naming them.
 */
@Component
class IvrConfigReferences implements ConfigReferences {

	private final IvrRepository ivrs;

	IvrConfigReferences(IvrRepository ivrs) {
		this.ivrs = ivrs;
	}

	@Override
	public List<String> usesOfSound(long soundId) {
		return this.ivrs.usesOfSound(soundId);
	}

	@Override
	public List<String> usesOfInterval(long intervalId) {
		return this.ivrs.usesOfInterval(intervalId);
	}

}
