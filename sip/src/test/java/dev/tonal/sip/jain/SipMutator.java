package dev.tonal.sip.jain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded fuzzer: turns a real SIP message into a spoiled one by one of a dozen
 * mutations (byte flips, cuts, lost, doubled and swapped lines, huge or random header
 * values, extreme numbers, bare LF, a random method). The Via sent-by address is never
 * touched, so whatever the server answers goes back to the test on loopback.
 */
final class SipMutator {

	private static final String[] NUMBERS = { "0", "-1", "4294967296", "99999999999999999999999", "1e9", "0x10", "" };

	private static final String[] METHODS = { "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "INFO", "invite",
			"IN VITE", "", "\u0000", "SIP/2.0", "X".repeat(300) };

	private final Random random;

	SipMutator(long seed) {
		this.random = new Random(seed);
	}

	/** One mutated copy of {@code message} (whose top Via names {@code sentBy}). */
	byte[] mutate(String message, String sentBy) {
		List<String> lines = new ArrayList<>(Arrays.asList(message.split("\r\n", -1)));
		int kind = this.random.nextInt(12);
		switch (kind) {
			case 0 -> {
				return flipBytes(message, sentBy);
			}
			case 1 -> {
				byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
				return Arrays.copyOf(bytes, this.random.nextInt(bytes.length));
			}
			case 2 -> lines.remove(pickLine(lines, false));
			case 3 -> {
				int line = pickLine(lines, true);
				for (int i = this.random.nextInt(1, 50); i > 0; i--) {
					lines.add(line, lines.get(line));
				}
			}
			case 4 -> setValue(lines, "x".repeat(this.random.nextInt(1, 9) * 1024));
			case 5 -> setValue(lines, randomText(this.random.nextInt(1, 200)));
			case 6 -> {
				int line = pickLine(lines, false);
				lines.set(line, lines.get(line).replaceAll("\\d+", NUMBERS[this.random.nextInt(NUMBERS.length)]));
			}
			case 7 -> {
				int a = pickLine(lines, false);
				int b = pickLine(lines, false);
				String swap = lines.get(a);
				lines.set(a, lines.get(b));
				lines.set(b, swap);
			}
			case 8 -> {
				return message.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
			}
			case 9 -> {
				String first = lines.get(0);
				lines.set(0, METHODS[this.random.nextInt(METHODS.length)] + first.substring(first.indexOf(' ')));
			}
			case 10 -> {
				int line = pickLine(lines, false);
				lines.add(line, randomText(this.random.nextInt(1, 100)) + ": " + randomText(20));
			}
			default -> {
				// a header without its colon, or a header folded onto a continuation line
				int line = pickLine(lines, false);
				lines.set(line, this.random.nextBoolean() ? lines.get(line).replaceFirst(":", "")
						: lines.get(line).replaceFirst(": ", ":\r\n "));
			}
		}
		return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
	}

	private byte[] flipBytes(String message, String sentBy) {
		byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
		int protectedFrom = message.indexOf(sentBy);
		int protectedTo = protectedFrom + sentBy.length();
		for (int i = this.random.nextInt(1, 8); i > 0; i--) {
			int at = this.random.nextInt(bytes.length);
			if (at < protectedFrom || at >= protectedTo) {
				bytes[at] = (byte) this.random.nextInt(256);
			}
		}
		return bytes;
	}

	/** A line other than the top Via (and, unless allowed, the request line). */
	private int pickLine(List<String> lines, boolean requestLineToo) {
		while (true) {
			int line = this.random.nextInt(lines.size());
			boolean via = lines.get(line).startsWith("Via:");
			if (!via && (requestLineToo || line > 0)) {
				return line;
			}
		}
	}

	private void setValue(List<String> lines, String value) {
		int line = pickLine(lines, false);
		int colon = lines.get(line).indexOf(':');
		if (colon > 0) {
			lines.set(line, lines.get(line).substring(0, colon + 1) + " " + value);
		}
	}

	private String randomText(int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append((char) this.random.nextInt(1, 256));
		}
		return out.toString();
	}

}
