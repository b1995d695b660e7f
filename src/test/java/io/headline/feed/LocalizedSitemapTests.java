package io.headline.feed;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.invalid;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.headline.locale.LocalizationTests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sitemap with several locales (headline.locales=en,de,de-AT:de,fr): each public translation has its own address,
 * with those of its public siblings as hreflang alternates; a draft never shows.
 */
@QuarkusTest
@TestProfile(LocalizationTests.FourLocales.class)
class LocalizedSitemapTests {

    private static Map<String, Object> english() {
        return createArticle(articleInput("published"));
    }

    private static Map<String, Object> translate(Object id, String locale, String status) {
        return admin().body(Map.of("locale", locale, "title", "Titel " + locale + " " + id, "status", status))
                .when().post("/api/v1/articles/{id}/translations", id)
                .then().statusCode(201).body("locale", equalTo(locale)).extract().jsonPath().getMap("");
    }

    private static String categoryOf(Map<String, Object> article) {
        return (String) ((Map<?, ?>) article.get("category")).get("slug");
    }

    /** The {@code <url>} entry of the sitemap (or of a page of its index) whose address is {@code location}. */
    private static String sitemapEntry(String location) {
        String loc = "<loc>" + location.replace("&", "&amp;") + "</loc>";
        return FeedFormats.sitemaps().stream().filter(sitemap -> sitemap.contains(loc)).findFirst()
                .map(sitemap -> sitemap.substring(sitemap.lastIndexOf("<url>", sitemap.indexOf(loc)),
                        sitemap.indexOf("</url>", sitemap.indexOf(loc))))
                .orElseThrow(() -> new AssertionError(location + " is not in the sitemap"));
    }

    @Test
    void shouldListEachPublicTranslationInTheSitemapWithItsSiblingsAsAlternates() {
        Map<String, Object> en = english();
        Map<String, Object> de = translate(en.get("id"), "de", "published");
        Map<String, Object> draft = translate(en.get("id"), "de-AT", "draft");
        Map<String, Object> fr = translate(en.get("id"), "fr", "published");
        String site = "https://news.example.com/" + categoryOf(en) + "/";
        String enUrl = site + en.get("slug");
        String deUrl = site + de.get("slug") + "?locale=de";
        String frUrl = site + fr.get("slug") + "?locale=fr";
        String alternates = "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"" + enUrl + "\"/>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" + enUrl + "\"/>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"" + deUrl + "\"/>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"" + frUrl + "\"/>";

        for (String url : List.of(enUrl, deUrl, frUrl)) {
            assertThat(sitemapEntry(url)).endsWith(alternates);
        }
        assertThat(FeedFormats.sitemapUrls()).doesNotContain(site + draft.get("slug") + "?locale=de-AT");
        assertThat(String.join("", FeedFormats.sitemaps())).doesNotContain((String) draft.get("slug"));
        // One locale's sitemap lists its translations only, each with all its alternates.
        String french = String.join("", FeedFormats.sitemaps("/sitemap.xml?locale=fr"));
        assertThat(french).contains("<loc>" + frUrl + "</loc>", alternates).doesNotContain("<loc>" + enUrl + "</loc>");
        invalid(anonymous()).queryParam("locale", "it").when().get("/sitemap.xml").then().statusCode(400)
                .contentType("application/problem+json");
        // An article with no other public translation has no alternates.
        Map<String, Object> alone = english();
        assertThat(sitemapEntry("https://news.example.com/" + categoryOf(alone) + "/" + alone.get("slug")))
                .doesNotContain("xhtml:link");
    }
}
