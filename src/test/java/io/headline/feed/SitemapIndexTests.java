package io.headline.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Past headline.feeds.sitemap-urls addresses (2 here, 50,000 by default), /sitemap.xml is an index of pages. */
@QuarkusTest
@TestProfile(SitemapIndexTests.SmallSitemaps.class)
class SitemapIndexTests {

    private static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");

    public static class SmallSitemaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("headline.feeds.sitemap-urls", "2");
        }
    }

    private static List<String> locations(String xml) {
        List<String> found = new ArrayList<>();
        Matcher loc = LOC.matcher(xml);
        while (loc.find()) {
            found.add(loc.group(1));
        }
        return found;
    }

    @Test
    void shouldIndexPagesOfAtMostTheLimit() {
        String index = given().when().get("/sitemap.xml").then().statusCode(200)
                .contentType("application/xml; charset=utf-8").extract().asString();
        FeedFormats.validate(index, "siteindex.xsd");
        List<String> pages = locations(index);
        // The demo content alone has more than two public articles.
        assertThat(pages).hasSizeGreaterThan(1);

        List<String> listed = new ArrayList<>();
        for (int n = 0; n < pages.size(); n++) {
            String page = URI.create(pages.get(n)).getPath();
            assertThat(page).isEqualTo("/sitemaps/" + (n + 1) + ".xml");
            String sitemap = given().when().get(page).then().statusCode(200).extract().asString();
            FeedFormats.validate(sitemap, "sitemap.xsd");
            assertThat(locations(sitemap)).hasSizeBetween(1, 2);
            listed.addAll(locations(sitemap));
        }
        assertThat(listed).doesNotHaveDuplicates()
                .contains("https://news.example.com/news/extraction-sequel-in-the-works");
        given().when().get("/sitemaps/" + (pages.size() + 1) + ".xml").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
