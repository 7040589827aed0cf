package dev.tonal.sip.registrar;

/**
 * The fields of a SIP {@code Authorization} header (RFC 2617 digest) that matter for
 * checking it. {@code qop}, {@code nc} and {@code cnonce} are null when the phone did not
 * use a quality of protection.
 *
 * @param username the digest user name ({@code prefix*name} for Tonal phones)
 * @param realm the realm the phone answered for
 * @param nonce the nonce it answered
 * @param uri the digest URI
 * @param response the phone's response hash
 * @param qop the quality of protection, or null
 * @param nonceCount the nonce count, or null
 * @param cnonce the client nonce, or null
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response, String qop,
		String nonceCount, String cnonce) {

}
