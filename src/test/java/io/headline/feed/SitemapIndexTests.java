package io.headline.feed;

import static io.headline.Api.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.headline.delivery.ResponseCache;
import io.headline.limits.BodyReads;
import io.headline.limits.HeldBodyReads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Past headline.feeds.sitemap-urls addresses (2 here, 1,000 by default), /sitemap.xml is an index of pages, each read
 * from where it starts (keyset), with no body and no body-read permit.
 */
@QuarkusTest
@TestProfile(SitemapIndexTests.SmallSitemaps.class)
class SitemapIndexTests {

    private static final int PER_PAGE = 2;

    public static class SmallSitemaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("headline.feeds.sitemap-urls", "" + PER_PAGE);
        }
    }

    @Inject
    BodyReads bodyReads;

    @Inject
    ResponseCache responses;

    @Test
    void shouldListEveryPublishedArticleExactlyOnceAcrossPagesOfAtMostTheLimit() {
        List<String> pages = FeedFormats.sitemapPages();
        // The demo content alone has more than two public articles (and a draft).
        assertThat(pages).hasSizeGreaterThan(2);
        List<String> listed = new ArrayList<>();
        for (int n = 0; n < pages.size(); n++) {
            String page = pages.get(n);
            // Every page but the first says where it starts: it is read from there, not counted to.
            assertThat(page).startsWith("/sitemaps/" + (n + 1) + ".xml" + (n == 0 ? "" : "?from="));
            String sitemap = given().when().get(page).then().statusCode(200).extract().asString();
            FeedFormats.validate(sitemap, "sitemap.xsd");
            assertThat(FeedFormats.locations(sitemap)).hasSizeBetween(1, PER_PAGE);
            listed.addAll(FeedFormats.locations(sitemap));
        }
        List<String> drafts = urls("draft");
        assertThat(drafts).isNotEmpty();
        List<String> published = urls("published");
        assertThat(published).isNotEmpty();
        assertThat(listed).doesNotHaveDuplicates().containsAll(published)
                .contains("https://news.example.com/news/extraction-sequel-in-the-works")
                .doesNotContainAnyElementsOf(drafts);
    }

    /** The addresses of the newest 100 articles with this status, as the sitemap would list them. */
    private static List<String> urls(String status) {
        return admin().when().get("/api/v1/articles?fields=slug,category&size=100&status=" + status).then()
                .statusCode(200).extract().jsonPath().getList("data", Map.class).stream()
                .map(a -> "https://news.example.com/" + ((Map<?, ?>) a.get("category")).get("slug") + "/" + a.get("slug"))
                .toList();
    }

    @Test
    void shouldAnswer404ForAPageTheIndexDoesNotName() {
        List<String> pages = FeedFormats.sitemapPages();
        given().when().get("/sitemaps/" + (pages.size() + 1) + ".xml").then().statusCode(404)
                .contentType("application/problem+json");
        // Past the first, a page is found by its start, as the index gives it.
        given().when().get("/sitemaps/2.xml").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/sitemaps/9.xml?from=9999-01-01T00:00:00Z,00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer400ForAStartThatIsNotOne() {
        for (String from : List.of("yesterday", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z,not-an-id", ",")) {
            given().queryParam("from", from).when().get("/sitemaps/2.xml").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("/problems/invalid-parameter"));
        }
    }

    @Test
    void shouldAnswer304ToAPageThatHasNotChanged() {
        String page = FeedFormats.sitemapPages().get(1);
        Response first = given().when().get(page).then().statusCode(200).extract().response();
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Surrogate-Key")).contains("articles");
        given().header("If-None-Match", etag).when().get(page).then().statusCode(304);
        given().header("If-None-Match", etag).when().get("/sitemap.xml").then().statusCode(200);
        String index = given().when().get("/sitemap.xml").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", index).when().get("/sitemap.xml").then().statusCode(304);
    }

    /** A sitemap reads no body: with every body-read permit taken by slow bulk reads, it is still answered. */
    @Test
    void shouldAnswerTheIndexAndItsPagesWhileEveryBodyReadPermitIsTaken() throws InterruptedException {
        // Every kept sitemap is dropped, so that what follows is built, not answered from the response cache.
        responses.invalidate(Set.of("articles"));
        try (HeldBodyReads held = HeldBodyReads.all(bodyReads)) {
            // The control: a bulk read is refused meanwhile.
            given().when().get("/api/v1/articles?fields=id,body").then().statusCode(503);
            for (String page : FeedFormats.sitemapPages()) {
                given().when().get(page).then().statusCode(200);
            }
        }
    }
}
