package dev.tonal.sip.registrar;

import java.util.Objects;

/**
 * A phone extension as the registrar sees it.
 *
 * @param extensionId the extension's id (bindings are stored under it)
 * @param name the full name {@code prefix*name}, which is also the digest user name
 * @param ha1 MD5(name:realm:password) in lower-case hex, or null when no password is set
 * @param blocked whether the extension is blocked (it may not register or call)
 */
public record PhoneAccount(long extensionId, String name, String ha1, boolean blocked) {

	public PhoneAccount {
		Objects.requireNonNull(name, "name");
	}

}
