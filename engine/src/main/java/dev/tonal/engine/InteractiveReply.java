package dev.tonal.engine;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A Call Interactive reply (semantics.md rule 26) read into verbs. A reply that is not
 * XML, or whose root is not {@code <Response>}, is data: {@link #error()} says what is
 * wrong and there are no verbs. The JDK parser is used with DOCTYPEs refused, so no
 * external entity, DTD or XInclude is ever fetched or expanded.
 */
record InteractiveReply(List<Verb> verbs, String error) {

	/** One verb of a reply, in document order. */
	sealed interface Verb {

	}

	record Hangup() implements Verb {
	}

	record Pause(int seconds) implements Verb {
	}

	record SetVar(String name, String value) implements Verb {
	}

	record Jump(long context, String option) implements Verb {
	}

	record SetCaller(String name, String number) implements Verb {
	}

	record PlaySound(boolean background, String digitVariable, String sound) implements Verb {
	}

	record SimpleTransfer(Integer timeoutSeconds, boolean isFinal, List<String> destinations) implements Verb {
	}

	record TextToSpeech(String voice, String variable, String text) implements Verb {
	}

	/** A verb the engine does not know or cannot use; skipped and recorded. */
	record Skipped(String verb, String why) implements Verb {
	}

	static final int DEFAULT_PAUSE_S = 10;

	static InteractiveReply parse(String xml) {
		Document document;
		try {
			DocumentBuilder builder = secureFactory().newDocumentBuilder();
			builder.setErrorHandler(new DefaultHandler());
			document = builder.parse(new InputSource(new StringReader(xml)));
		}
		catch (SAXException | java.io.IOException ex) {
			return new InteractiveReply(List.of(), "invalid XML: " + ex.getMessage());
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("the JDK XML parser cannot be configured securely", ex);
		}
		Element root = document.getDocumentElement();
		if (!"Response".equals(root.getTagName())) {
			return new InteractiveReply(List.of(), "the root element is <" + root.getTagName() + ">, not <Response>");
		}
		List<Verb> verbs = new ArrayList<>();
		for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				verbs.add(verb(element));
			}
		}
		return new InteractiveReply(List.copyOf(verbs), null);
	}

	private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		factory.setNamespaceAware(false);
		return factory;
	}

	private static Verb verb(Element element) {
		String text = element.getTextContent().trim();
		return switch (element.getTagName()) {
			case "Hangup" -> new Hangup();
			case "Pause" -> {
				Integer length = integer(element, "length");
				yield (length == null && !element.getAttribute("length").isEmpty())
						? new Skipped("Pause", "length is not a number of seconds")
						: new Pause((length != null) ? Math.max(0, length) : DEFAULT_PAUSE_S);
			}
			case "SetVar" -> element.getAttribute("name").isEmpty() ? new Skipped("SetVar", "no name attribute")
					: new SetVar(element.getAttribute("name"), text);
			case "Jump" -> {
				Integer context = integer(element, "context");
				String option = element.getAttribute("option");
				yield (context == null) ? new Skipped("Jump", "context is not a context id")
						: new Jump(context, option.isEmpty() ? "start" : option);
			}
			case "SetCaller" -> new SetCaller(attribute(element, "name"), attribute(element, "number"));
			case "PlaySound" -> text.isEmpty() ? new Skipped("PlaySound", "no sound given") : new PlaySound(
					!"foreground".equals(element.getAttribute("where")), attribute(element, "digitvar"), text);
			case "SimpleTransfer" -> new SimpleTransfer(integer(element, "timeout"),
					!"no".equals(element.getAttribute("final")), TransferStep.split(text));
			case "TextToSpeech" -> text.isEmpty() ? new Skipped("TextToSpeech", "no text given")
					: new TextToSpeech(element.getAttribute("voice").isEmpty() ? "ru" : element.getAttribute("voice"),
							attribute(element, "var"), text);
			default -> new Skipped(element.getTagName(), "unknown verb");
		};
	}

	private static String attribute(Element element, String name) {
		String value = element.getAttribute(name);
		return value.isEmpty() ? null : value;
	}

	private static Integer integer(Element element, String name) {
		String value = element.getAttribute(name).trim();
		if (value.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
