package dev.tonal.sip.registrar;

import java.util.Optional;

/** Finds phone extensions by their full name; implemented by the application. */
@FunctionalInterface
public interface PhoneAccounts {

	/**
	 * @param name the full extension name {@code prefix*name}
	 * @return the phone extension of that name, or empty when there is none (or it is not
	 * a phone)
	 */
	Optional<PhoneAccount> find(String name);

}
