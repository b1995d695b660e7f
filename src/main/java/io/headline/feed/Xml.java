package io.headline.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An XML document written with the JDK's streaming writer, which escapes every text and attribute; what it cannot
 * escape, the characters XML 1.0 does not allow at all (most C0 controls), is left out.
 */
final class Xml {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    /** The prefixes element names may carry, and their namespaces. */
    private static final Map<String, String> PREFIXES = Map.of("atom", ATOM, "content", CONTENT, "dc", DC,
            "xhtml", XHTML);

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    private final XMLStreamWriter writer;

    Xml() {
        try {
            writer = FACTORY.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The element and its default namespace or prefixed namespaces: {@code prefix, uri} pairs ("" for the default). */
    Xml start(String name, String... namespaces) {
        try {
            startElement(name, false);
            for (int i = 0; i < namespaces.length; i += 2) {
                if (namespaces[i].isEmpty()) {
                    writer.writeDefaultNamespace(namespaces[i + 1]);
                } else {
                    writer.writeNamespace(namespaces[i], namespaces[i + 1]);
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    Xml attribute(String name, String value) {
        try {
            writer.writeAttribute(name, clean(value));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    Xml end() {
        try {
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    Xml characters(String text) {
        try {
            writer.writeCharacters(clean(text));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** An element holding text; nothing when the text is null. Names may carry a declared prefix (dc:creator). */
    Xml element(String name, String text) {
        if (text == null) {
            return this;
        }
        try {
            startElement(name, false);
            writer.writeCharacters(clean(text));
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** An empty element with attributes, as {@code name, value} pairs; a pair whose value is null is left out. */
    Xml empty(String name, String... attributes) {
        try {
            startElement(name, true);
            for (int i = 0; i < attributes.length; i += 2) {
                if (attributes[i + 1] != null) {
                    writer.writeAttribute(attributes[i], clean(attributes[i + 1]));
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Ends the document: nothing more can be written. */
    byte[] bytes() {
        try {
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private void startElement(String name, boolean empty) throws XMLStreamException {
        int colon = name.indexOf(':');
        String prefix = colon < 0 ? null : name.substring(0, colon);
        String local = name.substring(colon + 1);
        if (prefix == null && empty) {
            writer.writeEmptyElement(local);
        } else if (prefix == null) {
            writer.writeStartElement(local);
        } else if (empty) {
            writer.writeEmptyElement(prefix, local, PREFIXES.get(prefix));
        } else {
            writer.writeStartElement(prefix, local, PREFIXES.get(prefix));
        }
    }

    /** RFC 3339 at whole seconds, as Atom and sitemaps write dates. */
    static String date(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Without the characters XML 1.0 forbids (C0 controls but tab and line ends, lone surrogates, U+FFFE, U+FFFF). */
    static String clean(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD
                    || Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (!allowed && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }
}
