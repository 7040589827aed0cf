package dev.tonal.engine;

import java.util.ArrayList;
import java.util.List;

import dev.tonal.model.BuiltInOption;
import dev.tonal.model.Context;
import dev.tonal.model.ContextConfig;
import dev.tonal.model.IvrSnapshot;

/**
 * What the caller can select in one context: its custom options and, with
 * {@code allow_any_dial}, the client's extension names other than this IVR. Decides when
 * no longer input can change the outcome (rule 9) and what collected input selects (rule
 * 10). Targets longer than {@code digit_len} can never be typed, so they do not count.
 */
final class Menu implements DigitCollector.Targets {

	private final List<String> options = new ArrayList<>();

	private final List<String> extensions = new ArrayList<>();

	Menu(IvrSnapshot snapshot, ContextConfig config) {
		Context context = config.context();
		for (String digits : config.options().keySet()) {
			if (!BuiltInOption.isBuiltIn(digits) && digits.length() <= context.digitLen()) {
				this.options.add(digits);
			}
		}
		if (context.allowAnyDial()) {
			String self = snapshot.bareName();
			for (String name : snapshot.extensionNames()) {
				if (!name.equals(self) && name.length() <= context.digitLen()) {
					this.extensions.add(name);
				}
			}
		}
	}

	@Override
	public boolean canGrow(String digits) {
		return anyLonger(this.options, digits) || anyLonger(this.extensions, digits);
	}

	@Override
	public boolean hashContinues(String digitsWithHash) {
		for (String option : this.options) {
			if (option.startsWith(digitsWithHash)) {
				return true;
			}
		}
		return false;
	}

	private static boolean anyLonger(List<String> targets, String digits) {
		for (String target : targets) {
			if (target.length() > digits.length() && target.startsWith(digits)) {
				return true;
			}
		}
		return false;
	}

	/** Rule 10: an option's digits, else a dialled extension, else {@code invalid}. */
	Selection select(String digits) {
		if (this.options.contains(digits)) {
			return new Selection(digits, null);
		}
		if (this.extensions.contains(digits)) {
			return new Selection(null, digits);
		}
		return new Selection(BuiltInOption.INVALID, null);
	}

	/** Either an option to run or an extension to transfer to. */
	record Selection(String option, String extension) {
	}

}
