package dev.tonal.sip.ivrcall;

import dev.tonal.engine.Command;
import dev.tonal.media.tone.CadencedTone;

/** The voicemail beep of {@link Command.PlayBeep}, as 8 kHz samples. */
final class Beep {

	/** The beep's samples: copy before handing them out. */
	static final short[] SAMPLES = samples();

	private Beep() {
	}

	private static short[] samples() {
		CadencedTone tone = new CadencedTone(
				new CadencedTone.Spec(new double[] { Command.PlayBeep.BEEP_HZ }, -10, Command.PlayBeep.BEEP_MS, 0));
		int frames = Command.PlayBeep.BEEP_MS / 20;
		short[] out = new short[frames * 160];
		for (int i = 0; i < frames; i++) {
			System.arraycopy(tone.nextFrame(), 0, out, i * 160, 160);
		}
		return out;
	}

}
