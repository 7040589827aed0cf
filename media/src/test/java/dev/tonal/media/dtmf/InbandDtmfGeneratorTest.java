package dev.tonal.media.dtmf;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tonal.media.audio.Signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** Generated key tones are the right pair at the right level, and detectable. */
class InbandDtmfGeneratorTest {

	@Test
	void aKeyIsItsRowAndColumnTonesAtTheLevel() {
		short[] seven = InbandDtmfGenerator.keyPress('7', 100);

		assertThat(seven).hasSize(800);
		assertThat(Signals.db(Signals.amplitudeAt(seven, 50, 750, 8000, 852))).isCloseTo(-10, within(0.3));
		assertThat(Signals.db(Signals.amplitudeAt(seven, 50, 750, 8000, 1209))).isCloseTo(-10, within(0.3));
	}

	@Test
	void everyGeneratedKeyIsDetectedOnce() {
		String keys = "0123456789*#ABCD";
		List<Character> detected = new ArrayList<>();
		InbandDtmfDetector detector = new InbandDtmfDetector();
		short[] pause = new short[400];
		for (char key : keys.toCharArray()) {
			short[] tone = InbandDtmfGenerator.keyPress(key, 80);
			detected.addAll(detector.process(tone, 0, tone.length));
			detected.addAll(detector.process(pause, 0, pause.length));
		}

		assertThat(detected).extracting(String::valueOf).containsExactly(keys.split(""));
	}

	@Test
	void notAKeyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> InbandDtmfGenerator.keyPress('E', 100));
	}

}
