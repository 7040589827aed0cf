package dev.tonal.model.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tonal.model.Action;
import dev.tonal.model.Context;
import dev.tonal.model.ContextConfig;
import dev.tonal.model.Interval;
import dev.tonal.model.IvrSettings;
import dev.tonal.model.IvrSnapshot;
import dev.tonal.model.Rule;
import dev.tonal.model.SoundType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine validates rules of a snapshot with the same checks as the API. */
class SnapshotReferencesTest {

	private final IvrSnapshot snapshot = new IvrSnapshot(204, "000*071", 12, "Europe/Moscow", "ru",
			IvrSettings.defaults(),
			Map.of(1L,
					new ContextConfig(new Context(1, "main", 5000, 2000, 3, false),
							Map.of("start", List.of(), "timeout", List.of(), "invalid", List.of(), "1", List.of()))),
			Map.of(51L, 1200), Set.of("071"), Map.of(7L, new Interval(7, "office", "Europe/Moscow", List.of())));

	@Test
	void referencesInsideTheSnapshotExist() {
		References references = new SnapshotReferences(this.snapshot, false);
		Rule rule = Rule.builder(Action.PLAY_SOUND).sound(51L).soundType(SoundType.BACKGROUND).interval(7L).build();
		assertThat(RuleValidator.validate(rule, 1, references)).isEmpty();
		Rule jump = Rule.builder(Action.JUMP_TO_CONTEXT).context(1L).contextOption("1").build();
		assertThat(RuleValidator.validate(jump, 1, references)).isEmpty();
	}

	@Test
	void referencesOutsideTheSnapshotAreErrors() {
		References references = new SnapshotReferences(this.snapshot, false);
		Rule rule = Rule.builder(Action.PLAY_SOUND).sound(52L).soundType(SoundType.BACKGROUND).interval(8L).build();
		assertThat(RuleValidator.validate(rule, 1, references)).extracting(FieldError::field)
			.containsExactly("sound", "interval");
		Rule jump = Rule.builder(Action.JUMP_TO_CONTEXT).context(1L).contextOption("2").build();
		assertThat(RuleValidator.validate(jump, 1, references)).extracting(FieldError::field)
			.containsExactly("context_option");
	}

}
