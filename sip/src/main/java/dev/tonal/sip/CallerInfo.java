package dev.tonal.sip;

import java.net.InetSocketAddress;

/**
 * Who is calling, as taken from the INVITE.
 *
 * @param number the user part of the From URI ({@code ""} when absent)
 * @param name the From display name ({@code ""} when absent)
 * @param callId the SIP Call-ID
 * @param transport {@code udp} or {@code tcp}
 * @param source the address the INVITE came from (a proxy when there is one)
 * @param phone the full name ({@code prefix*name}) of the phone extension whose digest
 * credentials the INVITE carried, or null for any other caller
 */
public record CallerInfo(String number, String name, String callId, String transport, InetSocketAddress source,
		String phone) {

	/** A caller that is not an authenticated phone. */
	public CallerInfo(String number, String name, String callId, String transport, InetSocketAddress source) {
		this(number, name, callId, transport, source, null);
	}

	/** The same caller, authenticated as phone extension {@code extension}. */
	public CallerInfo asPhone(String extension) {
		return new CallerInfo(this.number, this.name, this.callId, this.transport, this.source, extension);
	}

}
