package io.headline.feed;

import static io.headline.Api.admin;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createCategory;
import static io.headline.Api.invalid;
import static io.headline.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import io.headline.TestClock;
import io.headline.limits.BodyReads;
import io.headline.limits.HeldBodyReads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RSS, Atom and JSON Feed, read back with Rome and checked against the JSON Feed 1.1 schema. Each test files its
 * articles under a fresh category and author, so that a feed of those holds exactly them. Article links follow the
 * test template https://news.example.com/{category}/{slug}.
 */
@QuarkusTest
class FeedTests {

    private static final String SEED = "https://news.example.com/news/extraction-sequel-in-the-works";

    @Inject
    TestClock clock;

    @Inject
    BodyReads bodyReads;

    private String category;
    private String categoryName;
    private String author;

    @BeforeEach
    void fixtures() {
        Map<String, Object> created = createCategory();
        category = (String) created.get("slug");
        categoryName = (String) created.get("name");
        author = (String) createAuthor().get("slug");
    }

    private String article(String status, Map<String, Object> more) {
        Map<String, Object> input = new HashMap<>(Map.of("title", unique("Feed article"), "status", status,
                "category", category, "authors", List.of(author), "tags", List.of("feeds"),
                "body", "A paragraph with *emphasis* & an ampersand.\n\n<script>alert(1)</script>"));
        input.putAll(more);
        return admin().body(input).when().post("/api/v1/articles").then().statusCode(201).extract().path("slug");
    }

    private static Response get(String path) {
        return given().when().get(path).then().statusCode(200).extract().response();
    }

    private static List<String> rssLinks(String path) {
        Channel rss = FeedFormats.parse(get(path).asString(), "rss_2.0");
        return rss.getItems().stream().map(Item::getLink).toList();
    }

    private static List<String> atomLinks(String path) {
        Feed atom = FeedFormats.parse(get(path).asString(), "atom_1.0");
        return atom.getEntries().stream().map(e -> e.getAlternateLinks().get(0).getHref()).toList();
    }

    private static List<String> jsonLinks(String path) {
        JsonNode feed = FeedFormats.jsonFeed(get(path).asString());
        return StreamSupport.stream(feed.get("items").spliterator(), false).map(i -> i.get("url").asText()).toList();
    }

    private String url(String slug) {
        return "https://news.example.com/" + category + "/" + slug;
    }

    @Test
    void shouldCarryTheSeedArticleAtItsTemplateUrlInEveryFormat() {
        Channel rss = FeedFormats.parse(get("/feeds/authors/newsdesk/rss.xml").asString(), "rss_2.0");
        Item item = rss.getItems().stream().filter(i -> SEED.equals(i.getLink())).findFirst().orElseThrow();
        assertThat(item.getTitle()).isEqualTo("Extraction sequel in the works");
        assertThat(item.getGuid().getValue()).startsWith("urn:uuid:");
        assertThat(item.getPubDate()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(item.getContent().getValue()).contains("<p>");
        assertThat(item.getCategories()).extracting(c -> c.getValue()).contains("News", "film", "netflix");

        Feed atom = FeedFormats.parse(get("/feeds/authors/newsdesk/atom.xml").asString(), "atom_1.0");
        Entry entry = atom.getEntries().stream()
                .filter(e -> SEED.equals(e.getAlternateLinks().get(0).getHref())).findFirst().orElseThrow();
        assertThat(entry.getContents().get(0).getType()).isEqualTo("html");
        assertThat(entry.getContents().get(0).getValue()).contains("<p>");
        assertThat(entry.getAuthors()).extracting(p -> p.getName()).containsExactly("Newsdesk");

        assertThat(jsonLinks("/feeds/authors/newsdesk/feed.json")).contains(SEED);
    }

    @Test
    void shouldServeEachFormatWithItsMediaTypeAndLinksToItself() {
        article("published", Map.of());
        String base = "/feeds/categories/" + category + "/";
        given().when().get(base + "rss.xml").then().statusCode(200).contentType("application/rss+xml; charset=utf-8");
        given().when().get(base + "atom.xml").then().statusCode(200).contentType("application/atom+xml; charset=utf-8");
        given().when().get(base + "feed.json").then().statusCode(200).contentType("application/feed+json; charset=utf-8");

        Feed atom = FeedFormats.parse(get(base + "atom.xml").asString(), "atom_1.0");
        assertThat(atom.getOtherLinks()).anySatisfy(link -> {
            assertThat(link.getRel()).isEqualTo("self");
            assertThat(link.getHref()).endsWith(base + "atom.xml").startsWith("http");
        });
        JsonNode json = FeedFormats.jsonFeed(get(base + "feed.json").asString());
        assertThat(json.get("feed_url").asText()).endsWith(base + "feed.json");
        assertThat(json.get("home_page_url").asText()).isEqualTo("https://news.example.com/");
        assertThat(json.get("title").asText()).isEqualTo("Headline: " + categoryName);
    }

    @Test
    void shouldCarryTheSanitizedStoredHtml() {
        String slug = article("published", Map.of());
        JsonNode item = FeedFormats.jsonFeed(get("/feeds/categories/" + category + "/feed.json").asString())
                .get("items").get(0);
        assertThat(item.get("url").asText()).isEqualTo(url(slug));
        assertThat(item.get("content_html").asText()).contains("<em>emphasis</em>").contains("&amp;")
                .doesNotContain("<script");
        Channel rss = FeedFormats.parse(get("/feeds/categories/" + category + "/rss.xml").asString(), "rss_2.0");
        assertThat(rss.getItems().get(0).getContent().getValue()).isEqualTo(item.get("content_html").asText());
    }

    /**
     * A feed holds what its bodies weigh while it is sent, not the whole budget of a bulk read: with all but 64 KiB of
     * the body-read permits taken, a list asking for bodies is refused, a feed of a few short articles is not.
     */
    @Test
    void shouldTakeOnlyWhatItsBodiesWeighOfTheBodyReadPermits() throws InterruptedException {
        article("published", Map.of());
        try (HeldBodyReads held = HeldBodyReads.allBut(bodyReads, 64)) {
            given().when().get("/api/v1/articles?fields=id,body").then().statusCode(503);
            for (FeedFormat format : FeedFormat.values()) {
                given().when().get("/feeds/categories/" + category + "/" + format.file()).then().statusCode(200);
            }
        }
    }

    @Test
    void shouldLeaveOutDraftsAndScheduledArticlesUntilTheirTime() {
        String published = article("published", Map.of());
        String draft = article("draft", Map.of());
        String scheduled = article("scheduled",
                Map.of("publishedAt", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()));
        String path = "/feeds/categories/" + category + "/";
        assertThat(rssLinks(path + "rss.xml")).containsExactly(url(published));
        assertThat(atomLinks(path + "atom.xml")).containsExactly(url(published));
        assertThat(jsonLinks(path + "feed.json")).containsExactly(url(published));
        assertThat(FeedFormats.sitemapUrls()).contains(url(published)).doesNotContain(url(draft), url(scheduled));
        try {
            clock.advance(Duration.ofHours(2));
            assertThat(rssLinks(path + "rss.xml")).containsExactly(url(scheduled), url(published));
            assertThat(atomLinks(path + "atom.xml")).containsExactly(url(scheduled), url(published));
            assertThat(jsonLinks(path + "feed.json")).containsExactly(url(scheduled), url(published));
            assertThat(FeedFormats.sitemapUrls()).contains(url(scheduled)).doesNotContain(url(draft));
        } finally {
            clock.reset();
        }
    }

    @Test
    void shouldFilterByCategoryWithItsSubcategoriesAndByAuthor() {
        String here = article("published", Map.of());
        String child = (String) createCategory(Map.of("name", unique("Child"), "parent", category)).get("slug");
        String inChild = article("published", Map.of("category", child));
        String otherAuthor = (String) createAuthor().get("slug");
        String elsewhere = article("published", Map.of("category", createCategory().get("slug"),
                "authors", List.of(otherAuthor)));

        assertThat(jsonLinks("/feeds/categories/" + category + "/feed.json"))
                .containsExactly("https://news.example.com/" + child + "/" + inChild, url(here));
        assertThat(jsonLinks("/feeds/authors/" + author + "/feed.json")).hasSize(2).noneMatch(u -> u.endsWith(elsewhere));
        assertThat(jsonLinks("/feeds/authors/" + otherAuthor + "/feed.json")).singleElement()
                .satisfies(u -> assertThat(u).endsWith("/" + elsewhere));
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownCategoryOrAuthor() {
        for (String path : List.of("/feeds/categories/no-such-category/rss.xml", "/feeds/authors/no-such-author/atom.xml",
                "/feeds/authors/no-such-author/feed.json", "/sitemaps/999.xml")) {
            given().when().get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("status", equalTo(404)).body("type", notNullValue());
        }
        invalid(given()).when().get("/feeds/podcast.xml").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRevalidateWithItsETagUntilAWriteChangesIt() {
        article("published", Map.of());
        String path = "/feeds/categories/" + category + "/rss.xml";
        Response first = get(path);
        String etag = first.header("ETag");
        assertThat(first.header("Cache-Control")).startsWith("public");
        assertThat(first.header("Last-Modified")).isNotNull();
        assertThat(first.header("Surrogate-Key")).contains("articles");

        given().header("If-None-Match", etag).when().get(path).then().statusCode(304);
        // A list's date does not move when an item leaves it: If-Modified-Since alone is not enough.
        given().header("If-Modified-Since", first.header("Last-Modified")).when().get(path).then().statusCode(200);

        article("published", Map.of());
        given().header("If-None-Match", etag).when().get(path).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.not(etag));
    }

    @Test
    void shouldNeverShowUnpublishedContentToATokenThatMaySeeIt() {
        article("draft", Map.of());
        assertThat(jsonLinks("/feeds/categories/" + category + "/feed.json")).isEmpty();
        Response asAdmin = given().header("Authorization", "Bearer " + io.headline.Api.ADMIN_TOKEN)
                .when().get("/feeds/categories/" + category + "/feed.json").then().statusCode(200)
                .header("Cache-Control", startsWith("private")).extract().response();
        assertThat(FeedFormats.jsonFeed(asAdmin.asString()).get("items")).isEmpty();
    }

    @Test
    void shouldListEveryPublishedArticleInTheSitemap() {
        String published = article("published", Map.of());
        String draft = article("draft", Map.of());
        // Past headline.feeds.sitemap-urls public articles (as the whole suite may make), /sitemap.xml is an index.
        assertThat(FeedFormats.sitemapUrls()).contains(SEED, url(published)).doesNotContain(url(draft))
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldChangeWhenACreditedAuthorIsRenamed() {
        article("published", Map.of());
        String path = "/feeds/categories/" + category + "/atom.xml";
        String etag = get(path).header("ETag");
        String renamed = unique("Renamed");
        admin().contentType("application/merge-patch+json").body(Map.of("name", renamed))
                .when().patch("/api/v1/authors/" + author).then().statusCode(200);
        Response after = given().header("If-None-Match", etag).when().get(path).then().statusCode(200).extract().response();
        Feed atom = FeedFormats.parse(after.asString(), "atom_1.0");
        assertThat(atom.getEntries().get(0).getAuthors()).extracting(p -> p.getName()).containsExactly(renamed);
    }

    @Test
    void shouldNotServeLinksMadeForAnotherHost() {
        String path = "/feeds/categories/" + category + "/feed.json";
        JsonNode forged = FeedFormats.jsonFeed(given().header("Host", "evil.example").when().get(path).then()
                .statusCode(200).extract().asString());
        assertThat(forged.get("feed_url").asText()).startsWith("http://evil.example/");
        JsonNode own = FeedFormats.jsonFeed(get(path).asString());
        assertThat(own.get("feed_url").asText()).doesNotContain("evil.example").endsWith(path);
    }
}
