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
 */
public record CallerInfo(String number, String name, String callId, String transport, InetSocketAddress source) {

}
