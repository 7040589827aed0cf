package dev.tonal.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The registrar of phone extensions (RFC 3261 §10.3): authenticates a REGISTER with
 * digest against the extension's HA1, then adds, refreshes, removes or lists the
 * extension's bindings. An extension may have several devices at once; each is one
 * binding, keyed by its Contact URI.
 */
public final class Registrar {

	/** Shortest registration accepted; shorter ones get 423 (except 0 = unregister). */
	public static final int MIN_EXPIRES = 60;

	/** Longest registration granted; longer requests are shortened to it. */
	public static final int MAX_EXPIRES = 3600;

	/** Granted when the phone asks for no particular time. */
	public static final int DEFAULT_EXPIRES = 3600;

	private final DigestAuthenticator authenticator;

	private final PhoneAccounts accounts;

	private final BindingStore bindings;

	private final Clock clock;

	public Registrar(DigestAuthenticator authenticator, PhoneAccounts accounts, BindingStore bindings, Clock clock) {
		this.authenticator = authenticator;
		this.accounts = accounts;
		this.bindings = bindings;
		this.clock = clock;
	}

	/** The digest authenticator, shared with INVITEs from phones. */
	public DigestAuthenticator authenticator() {
		return this.authenticator;
	}

	/** Handles one REGISTER. */
	public RegisterOutcome register(RegisterRequest request) {
		Optional<PhoneAccount> target = this.accounts.find(request.addressOfRecord());
		if (target.isEmpty()) {
			// RFC 3261 §10.3 step 3: the address of record does not exist here.
			return new RegisterOutcome.Rejected(404, "Not Found");
		}
		var result = this.authenticator.authenticate(request.credentials(), "REGISTER", request.addressOfRecord(),
				request.source().getAddress());
		return switch (result) {
			case DigestAuthenticator.Result.Challenge challenge -> new RegisterOutcome.Unauthorized(challenge.header());
			case DigestAuthenticator.Result.Forbidden forbidden ->
				new RegisterOutcome.Rejected(403, forbidden.reason());
			case DigestAuthenticator.Result.Accepted accepted -> update(accepted.account(), request);
		};
	}

	private RegisterOutcome update(PhoneAccount account, RegisterRequest request) {
		Instant now = this.clock.instant();
		long extension = account.extensionId();
		if (request.wildcard()) {
			// §10.3 step 6: "*" is only allowed alone and with Expires: 0.
			if (request.expires() != 0 || !request.contacts().isEmpty()) {
				return new RegisterOutcome.Rejected(400, "Contact * needs Expires: 0 and no other Contact");
			}
			this.bindings.removeAll(extension);
			return new RegisterOutcome.Registered(this.bindings.current(extension, now), now);
		}
		for (RegisterRequest.Contact contact : request.contacts()) {
			int asked = askedSeconds(contact, request);
			if (asked > 0 && asked < MIN_EXPIRES) {
				return new RegisterOutcome.IntervalTooBrief(MIN_EXPIRES);
			}
		}
		if (outOfOrder(extension, request, now)) {
			// §10.3 step 7: an older request of the same registration arrived late.
			return new RegisterOutcome.Rejected(500, "Out of order REGISTER");
		}
		for (RegisterRequest.Contact contact : request.contacts()) {
			int asked = askedSeconds(contact, request);
			if (asked == 0) {
				this.bindings.remove(extension, contact.uri());
			}
			else {
				Instant expiresAt = now.plusSeconds(Math.min(asked, MAX_EXPIRES));
				this.bindings.save(extension, new Binding(contact.uri(), expiresAt, hostAndPort(request),
						request.userAgent(), request.callId(), request.cseq()));
			}
		}
		return new RegisterOutcome.Registered(this.bindings.current(extension, now), now);
	}

	/** Whether a binding was made by a later request of the same Call-ID. */
	private boolean outOfOrder(long extension, RegisterRequest request, Instant now) {
		for (Binding binding : this.bindings.current(extension, now)) {
			boolean named = request.contacts().stream().anyMatch((c) -> c.uri().equals(binding.contact()));
			if (named && request.callId().equals(binding.callId()) && request.cseq() <= binding.cseq()) {
				return true;
			}
		}
		return false;
	}

	/** §10.3 step 7: the Contact's expires parameter, else the Expires header. */
	private static int askedSeconds(RegisterRequest.Contact contact, RegisterRequest request) {
		if (contact.expires() >= 0) {
			return contact.expires();
		}
		return (request.expires() >= 0) ? request.expires() : DEFAULT_EXPIRES;
	}

	private static String hostAndPort(RegisterRequest request) {
		return request.source().getAddress().getHostAddress() + ":" + request.source().getPort();
	}

}
