/**
 * The registrar of phone extensions (RFC 3261 §10) and the digest authentication it
 * shares with calls from phones, free of SIP library types:
 * {@link dev.tonal.sip.registrar.Registrar} decides,
 * {@link dev.tonal.sip.registrar.DigestAuthenticator} checks credentials against the
 * stored HA1 with stateless signed nonces, {@link dev.tonal.sip.registrar.FailedAttempts}
 * limits guessing per source address; the application stores accounts and bindings behind
 * {@link dev.tonal.sip.registrar.PhoneAccounts} and
 * {@link dev.tonal.sip.registrar.BindingStore}.
 */
package dev.tonal.sip.registrar;
