/**
 * Voicemail (docs/voicemail.md): recordings callers leave, stored in the database,
 * listed, downloaded and deleted through {@code /client/{cid}/voicemail/}, and e-mailed
 * to the IVR's {@code vm_mailto} through the SMTP server of {@code tonal.mail.*}.
 */
package dev.tonal.app.voicemail;
