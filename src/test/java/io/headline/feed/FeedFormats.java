package io.headline.feed;

import static io.restassured.RestAssured.given;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * Checks a sitemap (sitemap.xsd) or a sitemap index (siteindex.xsd) against its sitemaps.org schema; a sitemap's
     * hreflang alternates against xhtml-link.xsd.
     */
    static void validate(String xml, String xsd) {
        try {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(new StreamSource[] {new StreamSource(resource(xsd)),
                            new StreamSource(resource("xhtml-link.xsd"))}).newValidator()
                    .validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new AssertionError(xsd + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");

    /** The addresses a sitemap or a sitemap index lists, in order. */
    static List<String> locations(String xml) {
        List<String> found = new ArrayList<>();
        Matcher loc = LOC.matcher(xml);
        while (loc.find()) {
            found.add(loc.group(1).replace("&amp;", "&"));
        }
        return found;
    }

    /** The pages /sitemap.xml names, as paths with their query; empty when it is a sitemap itself. */
    static List<String> sitemapPages() {
        return sitemapPages("/sitemap.xml");
    }

    /** The pages a sitemap's address (with its query) names, as paths with their query; empty when it is one itself. */
    static List<String> sitemapPages(String address) {
        String sitemap = given().when().get(address).then().statusCode(200)
                .contentType("application/xml; charset=utf-8").extract().asString();
        if (!sitemap.contains("<sitemapindex")) {
            validate(sitemap, "sitemap.xsd");
            return List.of();
        }
        validate(sitemap, "siteindex.xsd");
        return locations(sitemap).stream().map(URI::create)
                .map(page -> page.getRawPath() + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery())).toList();
    }

    /** Every article address the sitemap lists, across the index's pages when it is one; each document validated. */
    static List<String> sitemapUrls() {
        return sitemaps().stream().flatMap(sitemap -> locations(sitemap).stream()).toList();
    }

    /** The sitemap, or each page of its index, validated. */
    static List<String> sitemaps() {
        return sitemaps("/sitemap.xml");
    }

    /** The sitemap at an address (with its query), or each page of its index, validated. */
    static List<String> sitemaps(String address) {
        List<String> pages = sitemapPages(address);
        List<String> sitemaps = new ArrayList<>();
        for (String page : pages.isEmpty() ? List.of(address) : pages) {
            String sitemap = given().when().get(page).then().statusCode(200).extract().asString();
            validate(sitemap, "sitemap.xsd");
            sitemaps.add(sitemap);
        }
        return sitemaps;
    }

    private static InputStream resource(String name) {
        return FeedFormats.class.getResourceAsStream("/feeds/" + name);
    }
}
