package io.headline.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The writers against the parsers and schemas the resource tests use, and those checks against bad documents. */
class FeedFormatsTests {

    private static final Instant AT = Instant.parse("2024-05-01T10:00:00Z");

    private static Feed feed(String text) {
        Feed.Entry entry = new Feed.Entry(UUID.randomUUID(), "https://example.com/news/a", text, text,
                "<p>" + text + "</p>", AT, AT, List.of("Jane Doe"), new Feed.Term("news", "News"), List.of("tag"), null);
        return new Feed("Site", "About", "https://example.com/", "https://api.example.com/feeds/", AT, List.of(entry),
                Set.of("articles"), Optional.of(AT), "en");
    }

    @Test
    void shouldLeaveOutWhatXmlCannotCarry() {
        String hostile = "a\u0000b\u0007c\uFFFEd \uD83D\uDE00 ]]> </content:encoded>";
        com.rometools.rome.feed.rss.Channel rss = FeedFormats.parse(new String(RssWriter.write(feed(hostile))), "rss_2.0");
        assertThat(rss.getItems().get(0).getTitle()).isEqualTo("abcd \uD83D\uDE00 ]]> </content:encoded>");
        com.rometools.rome.feed.atom.Feed atom = FeedFormats.parse(new String(AtomWriter.write(feed(hostile))),
                "atom_1.0");
        assertThat(atom.getEntries().get(0).getContents().get(0).getValue())
                .isEqualTo("<p>abcd \uD83D\uDE00 ]]> </content:encoded></p>");
        FeedFormats.jsonFeed(new String(JsonFeedWriter.write(feed(hostile))));
    }

    @Test
    void shouldWriteValidSitemapsAndIndexes() {
        FeedFormats.validate(new String(SitemapWriter.write(new Sitemap(false, List.of(new Sitemap.Url(
                "https://example.com/news/a", AT)), Set.of(), Optional.of(AT)))), "sitemap.xsd");
        FeedFormats.validate(new String(SitemapWriter.write(new Sitemap(true, List.of(new Sitemap.Url(
                "https://api.example.com/sitemaps/1.xml", null)), Set.of(), Optional.empty()))), "siteindex.xsd");
    }

    @Test
    void shouldRejectDocumentsThatBreakTheirFormat() {
        assertThatThrownBy(() -> FeedFormats.jsonFeed("{\"version\": \"https://jsonfeed.org/version/1.1\", "
                + "\"title\": \"t\", \"items\": [{\"id\": \"1\"}]}")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> FeedFormats.jsonFeed("{\"version\": \"https://jsonfeed.org/version/1\", "
                + "\"title\": \"t\", \"items\": []}")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> FeedFormats.validate("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><lastmod>yesterday</lastmod></url></urlset>", "sitemap.xsd")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> FeedFormats.parse("<rss version=\"2.0\"><channel><title>t</title></channel></rss>",
                "atom_1.0")).isInstanceOf(AssertionError.class);
    }
}
