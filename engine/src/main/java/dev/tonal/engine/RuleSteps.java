package dev.tonal.engine;

import dev.tonal.model.BuiltInOption;
import dev.tonal.model.PlayDigitsMethod;
import dev.tonal.model.Rule;
import dev.tonal.model.SoundType;
import dev.tonal.model.validation.RuleValidator;

/**
 * Makes the step that carries out a rule's action (semantics.md §4): one place per
 * action.
 */
final class RuleSteps {

	/** The API's limit, the same for the engine (model validation owns the number). */
	static final int TRANSFER_MAX_DESTINATIONS = RuleValidator.MAX_TRANSFER_DESTINATIONS;

	private RuleSteps() {
	}

	static Step of(Rule rule, CallState call) {
		return switch (rule.action()) {
			// The API requires sound_type with a sound; were it missing, the caller may
			// still interrupt.
			case PLAY_SOUND -> new PlayStep(call, Prompt.ofRule(call, rule.sound(), rule.playSoundFromVariable(),
					rule.soundType() != SoundType.FOREGROUND));
			case PLAY_SILENCE -> new PlayStep(call, (rule.silenceTime() != null && rule.silenceTime() > 0)
					? Prompt.silence(call, rule.silenceTime()) : null);
			case PLAY_DIGITS -> new PlayStep(call, spoken(call, rule.digits(), rule.playDigitsMethod()));
			case PLAY_DIGITS_FROM_VARIABLE -> new PlayStep(call,
					spoken(call, call.variables.get(rule.playDigitsVariable()), rule.playDigitsMethod()));
			case JUMP_TO_CONTEXT -> new InstantStep(call, () -> new Flow.Enter(rule.context(),
					(rule.contextOption() != null) ? rule.contextOption() : BuiltInOption.START));
			case TRANSFER -> VoicemailRoute.transfer(call, TransferStep.split(call.expand(rule.transferDst())),
					TRANSFER_MAX_DESTINATIONS);
			case SIMPLE_TRANSFER ->
				VoicemailRoute.transfer(call, TransferStep.split(call.expand(rule.transferDst())), Integer.MAX_VALUE);
			case TRANSFER_FROM_VARIABLE -> {
				String value = (rule.transferVariable() != null) ? call.variables.get(rule.transferVariable()) : null;
				yield (value == null) ? new InstantStep(call, () -> Flow.NEXT)
						: VoicemailRoute.transfer(call, TransferStep.split(value), Integer.MAX_VALUE);
			}
			case HANGUP -> new InstantStep(call, () -> new Flow.End(CallResult.End.HANGUP, "hangup rule"));
			case SET_VARIABLE -> new InstantStep(call, () -> {
				call.setVariable(rule.setVariableName(), call.expand(rule.setVariableValue()));
				return Flow.NEXT;
			});
			case RECORD_DIGITS -> new RecordDigitsStep(call, rule);
			case CALL_INTERACTIVE -> new CallInteractiveStep(call, rule);
			case SET_CALLER_ID_NUMBER -> new InstantStep(call, () -> {
				call.presentedNumber = call.expand(rule.callerIdNumber());
				return Flow.NEXT;
			});
			case SET_CALLER_ID_NAME -> new InstantStep(call, () -> {
				call.presentedName = call.expand(rule.callerIdName());
				return Flow.NEXT;
			});
			case QUALITY_RATE -> new QualityRateStep(call, rule);
			case VOICE_HELPER -> new VoiceHelperStep(call, rule);
		};
	}

	/** Spoken digits, or null (nothing to play) for an unset or empty text (rule 14). */
	private static Prompt spoken(CallState call, String text, PlayDigitsMethod method) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		return Prompt.digits(call, text, (method != null) ? method : PlayDigitsMethod.DIGITS);
	}

}
