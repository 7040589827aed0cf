package dev.tonal.sip.registrar;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * A REGISTER request, read out of the SIP message by the stack adapter.
 *
 * @param addressOfRecord the To URI's user: the extension registering
 * ({@code prefix*name})
 * @param credentials the Authorization header, or null when there is none
 * @param contacts the Contact headers (empty for a query)
 * @param wildcard whether the request had {@code Contact: *} (remove every binding)
 * @param expires the Expires header in seconds, or -1 when absent
 * @param callId the Call-ID
 * @param cseq the CSeq number
 * @param source where the request came from
 * @param userAgent the User-Agent header, or {@code ""}
 */
public record RegisterRequest(String addressOfRecord, DigestCredentials credentials, List<Contact> contacts,
		boolean wildcard, int expires, String callId, long cseq, InetSocketAddress source, String userAgent) {

	public RegisterRequest {
		Objects.requireNonNull(addressOfRecord, "addressOfRecord");
		contacts = List.copyOf(contacts);
		Objects.requireNonNull(source, "source");
	}

	/**
	 * One Contact header.
	 *
	 * @param uri the contact URI as the device wrote it
	 * @param expires its {@code expires} parameter in seconds, or -1 when absent
	 */
	public record Contact(String uri, int expires) {
	}

}
