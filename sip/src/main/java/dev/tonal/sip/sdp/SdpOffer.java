package dev.tonal.sip.sdp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed SDP offer (RFC 4566), reduced to what an audio answerer needs.
 *
 * @param media the {@code m=} sections in order
 */
public record SdpOffer(List<MediaLine> media) {

	public SdpOffer {
		media = List.copyOf(media);
	}

	/** The first audio section with a non-zero port, if any. */
	public Optional<MediaLine> firstAudio() {
		return media.stream().filter((m) -> m.type().equals("audio") && m.port() != 0).findFirst();
	}

	/**
	 * Reads an SDP body.
	 * @throws SdpException if it has no {@code m=} line, a malformed one, or no
	 * connection address
	 */
	public static SdpOffer parse(String text) {
		String sessionConnection = null;
		MediaDirection sessionDirection = MediaDirection.SENDRECV;
		List<MediaLine> media = new ArrayList<>();
		Section current = null;
		for (String raw : text.split("\r?\n")) {
			String line = raw.strip();
			if (line.length() < 2 || line.charAt(1) != '=') {
				continue;
			}
			char kind = line.charAt(0);
			String value = line.substring(2);
			if (kind == 'm') {
				if (current != null) {
					media.add(current.toLine(sessionConnection, sessionDirection));
				}
				current = Section.of(value);
			}
			else if (kind == 'c') {
				String address = connectionAddress(value);
				if (current == null) {
					sessionConnection = address;
				}
				else {
					current.connection = address;
				}
			}
			else if (kind == 'a') {
				Optional<MediaDirection> direction = direction(value);
				if (direction.isPresent()) {
					if (current == null) {
						sessionDirection = direction.get();
					}
					else {
						current.direction = direction.get();
					}
				}
				else if (current != null && value.startsWith("rtpmap:")) {
					current.addRtpmap(value.substring("rtpmap:".length()));
				}
			}
		}
		if (current != null) {
			media.add(current.toLine(sessionConnection, sessionDirection));
		}
		if (media.isEmpty()) {
			throw new SdpException("SDP has no m= line");
		}
		return new SdpOffer(media);
	}

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private static String connectionAddress(String value) {
		// c=IN IP4 192.0.2.1[/ttl]
		String[] parts = value.trim().split("\\s+");
		if (parts.length < 3 || !parts[0].equals("IN")) {
			throw new SdpException("malformed c= line: " + value);
		}
		int slash = parts[2].indexOf('/');
		String address = slash < 0 ? parts[2] : parts[2].substring(0, slash);
		// Only literal addresses: a host name would make the call wait for DNS (and let
		// a caller make us resolve any name); trunks and phones send addresses.
		boolean literal = switch (parts[1]) {
			case "IP4" -> IPV4.matcher(address).matches();
			case "IP6" -> IPV6.matcher(address).matches() && isIpv6Literal(address);
			default -> false;
		};
		if (!literal) {
			throw new SdpException("c= line has no IP address: " + value);
		}
		return address;
	}

	private static boolean isIpv6Literal(String address) {
		try {
			// A string with ':' is parsed as an IPv6 literal, never looked up.
			return InetAddress.getByName(address) instanceof Inet6Address;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static Optional<MediaDirection> direction(String attribute) {
		for (MediaDirection direction : MediaDirection.values()) {
			if (attribute.equals(direction.attribute())) {
				return Optional.of(direction);
			}
		}
		return Optional.empty();
	}

	/** An m= section while it is being read. */
	private static final class Section {

		private final String type;

		private final int port;

		private final String protocol;

		private final List<String> formats;

		private final Map<Integer, String> rtpmaps = new HashMap<>();

		private String connection;

		private MediaDirection direction;

		private Section(String type, int port, String protocol, List<String> formats) {
			this.type = type;
			this.port = port;
			this.protocol = protocol;
			this.formats = formats;
		}

		static Section of(String value) {
			// m=audio 49170[/2] RTP/AVP 0 8 101
			String[] parts = value.trim().split("\\s+");
			if (parts.length < 4) {
				throw new SdpException("malformed m= line: " + value);
			}
			String port = parts[1];
			int slash = port.indexOf('/');
			try {
				int number = Integer.parseInt(slash < 0 ? port : port.substring(0, slash));
				if (number < 0 || number > 65535) {
					throw new SdpException("port out of range in m= line: " + value);
				}
				return new Section(parts[0], number, parts[2], List.of(parts).subList(3, parts.length));
			}
			catch (NumberFormatException ex) {
				throw new SdpException("malformed port in m= line: " + value);
			}
		}

		void addRtpmap(String value) {
			// a=rtpmap:101 telephone-event/8000
			String[] parts = value.trim().split("\\s+", 2);
			if (parts.length == 2) {
				try {
					this.rtpmaps.put(Integer.parseInt(parts[0]), parts[1].trim());
				}
				catch (NumberFormatException ex) {
					// a non-numeric payload type cannot be one we use; ignore it
				}
			}
		}

		MediaLine toLine(String sessionConnection, MediaDirection sessionDirection) {
			String address = (this.connection != null) ? this.connection : sessionConnection;
			if (address == null && this.port != 0) {
				throw new SdpException("SDP has no c= line for its " + this.type + " stream");
			}
			return new MediaLine(this.type, this.port, this.protocol, this.formats, this.rtpmaps, address,
					(this.direction != null) ? this.direction : sessionDirection);
		}

	}

}
