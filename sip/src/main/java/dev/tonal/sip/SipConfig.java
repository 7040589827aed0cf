package dev.tonal.sip;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Objects;

/**
 * Where the SIP server listens and what it tells peers.
 *
 * @param host the address the SIP (UDP and TCP) and RTP sockets bind to, e.g.
 * {@code 0.0.0.0}
 * @param port the SIP port for both UDP and TCP; {@code 0} picks a free port (tests)
 * @param publicAddress the address written into Contact headers and SDP ({@code c=});
 * when {@code null}, {@code host} is used, or the loopback address if {@code host} is a
 * wildcard
 * @param rtpPortMin lowest RTP port (even ports only are used)
 * @param rtpPortMax highest RTP port
 */
public record SipConfig(String host, int port, String publicAddress, int rtpPortMin, int rtpPortMax) {

	/** The standard SIP port. */
	public static final int DEFAULT_PORT = 5060;

	/** Default RTP port range. */
	public static final int DEFAULT_RTP_PORT_MIN = 20000;

	/** Default RTP port range. */
	public static final int DEFAULT_RTP_PORT_MAX = 29999;

	public SipConfig {
		Objects.requireNonNull(host, "host");
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("SIP port must be 0..65535, got " + port);
		}
		if (rtpPortMin < 1024 || rtpPortMax > 65535 || rtpPortMin + 1 > rtpPortMax) {
			throw new IllegalArgumentException("RTP port range must lie inside 1024..65535 and hold at least one "
					+ "even/odd port pair, got " + rtpPortMin + ".." + rtpPortMax);
		}
	}

	/** The embedded default: all interfaces, port 5060, RTP 20000-29999. */
	public static SipConfig defaults() {
		return new SipConfig("0.0.0.0", DEFAULT_PORT, null, DEFAULT_RTP_PORT_MIN, DEFAULT_RTP_PORT_MAX);
	}

	/** Loopback on a free SIP port, for tests. */
	public static SipConfig loopback() {
		return new SipConfig("127.0.0.1", 0, null, DEFAULT_RTP_PORT_MIN, DEFAULT_RTP_PORT_MAX);
	}

	/**
	 * The address peers should use to reach us (Contact, Via, SDP): {@code publicAddress}
	 * when set, else {@code host}, else — for a wildcard {@code host} — the first IPv4
	 * address of a network interface that is up and not loopback (so a softphone on the
	 * LAN can reach an out-of-the-box server), else {@code 127.0.0.1}.
	 */
	public String advertisedAddress() {
		if (publicAddress != null && !publicAddress.isBlank()) {
			return publicAddress;
		}
		try {
			return InetAddress.getByName(host).isAnyLocalAddress() ? firstLanAddress() : host;
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("SIP host '" + host + "' cannot be resolved", ex);
		}
	}

	private static String firstLanAddress() {
		try {
			for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (!nic.isUp() || nic.isLoopback()) {
					continue;
				}
				for (InetAddress address : Collections.list(nic.getInetAddresses())) {
					if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
						return address.getHostAddress();
					}
				}
			}
		}
		catch (SocketException ex) {
			// no interface list: fall back to loopback
		}
		return "127.0.0.1";
	}

	/** The same configuration with another SIP port. */
	public SipConfig withPort(int newPort) {
		return new SipConfig(host, newPort, publicAddress, rtpPortMin, rtpPortMax);
	}

	/** The same configuration with another RTP port range. */
	public SipConfig withRtpPorts(int min, int max) {
		return new SipConfig(host, port, publicAddress, min, max);
	}

}
