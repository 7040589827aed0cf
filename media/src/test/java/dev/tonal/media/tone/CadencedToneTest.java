package dev.tonal.media.tone;

import org.junit.jupiter.api.Test;

import dev.tonal.media.audio.Signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** Ringback: 425 Hz, 1 s on, 4 s off, repeating exactly. */
class CadencedToneTest {

	@Test
	void ringbackIs425HzForOneSecondThenFourSecondsOfSilence() {
		short[] tenSeconds = play(new CadencedTone(CadencedTone.Spec.RINGBACK), 10_000);

		// first second: the tone at -13 dBFS
		assertThat(Signals.db(Signals.amplitudeAt(tenSeconds, 100, 7900, 8000, 425))).isCloseTo(-13, within(0.3));
		// then four seconds of silence
		assertThat(Signals.rms(tenSeconds, 8000, 40_000)).isZero();
		// and again from second five
		assertThat(Signals.db(Signals.amplitudeAt(tenSeconds, 40_100, 47_900, 8000, 425))).isCloseTo(-13, within(0.3));
		assertThat(Signals.rms(tenSeconds, 48_000, 80_000)).isZero();
	}

	@Test
	void theToneIsPureAndContinuousAcrossFrames() {
		short[] second = play(new CadencedTone(CadencedTone.Spec.RINGBACK), 1000);

		double amplitude = Signals.amplitudeAt(second, 100, 7900, 8000, 425);
		// a phase jump at a frame border would spread energy away from 425 Hz
		assertThat(amplitude / Math.sqrt(2) / Signals.rms(second, 100, 7900)).isGreaterThan(0.999);
	}

	@Test
	void edgesAreRampedNotCut() {
		short[] second = play(new CadencedTone(CadencedTone.Spec.RINGBACK), 1020);

		assertThat(Math.abs(second[0])).isLessThan(100);
		assertThat(Math.abs(second[7999])).isLessThan(100);
	}

	@Test
	void cadenceAndFrequenciesAreConfigurable() {
		// a North American ringback: 440 + 480 Hz, 2 s on, 4 s off
		CadencedTone.Spec spec = new CadencedTone.Spec(new double[] { 440, 480 }, -19, 2000, 4000);
		short[] sixSeconds = play(new CadencedTone(spec), 6000);

		assertThat(Signals.db(Signals.amplitudeAt(sixSeconds, 100, 15_900, 8000, 440))).isCloseTo(-19, within(0.3));
		assertThat(Signals.db(Signals.amplitudeAt(sixSeconds, 100, 15_900, 8000, 480))).isCloseTo(-19, within(0.3));
		assertThat(Signals.rms(sixSeconds, 16_000, 48_000)).isZero();
	}

	@Test
	void impossibleTonesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CadencedTone.Spec(new double[] { 5000 }, -10, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new CadencedTone.Spec(new double[0], -10, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new CadencedTone.Spec(new double[] { 425 }, -10, 0, 1));
	}

	private static short[] play(CadencedTone tone, int ms) {
		short[] out = new short[ms * 8];
		for (int i = 0; i < out.length; i += 160) {
			System.arraycopy(tone.nextFrame(), 0, out, i, 160);
		}
		return out;
	}

}
