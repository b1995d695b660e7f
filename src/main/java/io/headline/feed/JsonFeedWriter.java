package io.headline.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.stream.Stream;

/** JSON Feed 1.1 (jsonfeed.org/version/1.1). Its tags are the category's name, then the article's tags. */
final class JsonFeedWriter {

    static final String VERSION = "https://jsonfeed.org/version/1.1";
    /** Its own mapper: the format's member names and null handling are the format's, not the API's. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JsonFeedWriter() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
            @JsonProperty("feed_url") String feedUrl, String description, String language, List<Item> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String url, String title, @JsonProperty("content_html") String contentHtml,
            String summary, String image, @JsonProperty("date_published") String datePublished,
            @JsonProperty("date_modified") String dateModified, List<Author> authors, List<String> tags) {
    }

    record Author(String name) {
    }

    static byte[] write(Feed feed) {
        List<Item> items = feed.entries().stream().map(e -> new Item(e.urn(), e.url(), e.title(),
                // content_html or content_text is required: an article without a body has an empty one.
                e.html() == null ? "" : e.html(), e.summary(), e.imageUrl(), Xml.date(e.published()),
                Xml.date(e.updated()), e.authors().isEmpty() ? null : e.authors().stream().map(Author::new).toList(),
                Stream.concat(Stream.of(e.category().name()), e.tags().stream()).distinct().toList())).toList();
        try {
            return MAPPER.writeValueAsBytes(new Document(VERSION, feed.title(), feed.homeUrl(),
                    feed.url(FeedFormat.JSON), feed.description(), feed.locale(), items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
