package io.headline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** Reads feeds and sitemaps with real parsers and validators: Rome, a JSON Schema validator, the sitemaps.org XSDs. */
final class FeedFormats {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema JSON_FEED = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(resource("jsonfeed-1.1.schema.json"));

    private FeedFormats() {
    }

    /** An RSS or Atom document as Rome reads it, checked to be of {@code type} (rss_2.0, atom_1.0). */
    @SuppressWarnings("unchecked")
    static <T extends WireFeed> T parse(String xml, String type) {
        try {
            WireFeed feed = new WireFeedInput(false, java.util.Locale.ROOT).build(new StringReader(xml));
            assertThat(feed.getFeedType()).isEqualTo(type);
            return (T) feed;
        } catch (FeedException e) {
            throw new AssertionError("not a feed: " + e.getMessage(), e);
        }
    }

    /** A JSON Feed, checked against the JSON Feed 1.1 schema. */
    static JsonNode jsonFeed(String json) {
        try {
            JsonNode feed = JSON.readTree(json);
            Set<ValidationMessage> errors = JSON_FEED.validate(feed);
            assertThat(errors).as("JSON Feed 1.1 schema errors").isEmpty();
            return feed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks a sitemap (sitemap.xsd) or a sitemap index (siteindex.xsd) against its sitemaps.org schema. */
    static void validate(String xml, String xsd) {
        try {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(new StreamSource(resource(xsd))).newValidator()
                    .validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new AssertionError(xsd + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        return FeedFormats.class.getResourceAsStream("/feeds/" + name);
    }
}
