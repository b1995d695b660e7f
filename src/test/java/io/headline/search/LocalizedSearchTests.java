package io.headline.search;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.unique;
import static org.hamcrest.Matchers.equalTo;

import io.headline.locale.LocalizationTests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each translation is stemmed in its own language, and a search in a locale reads only what that locale's chain
 * serves (headline.locales=en,de,de-AT:de,fr). PostgreSQL only (tag "postgresql"): the embedded H2's portable search
 * stems no language but English.
 */
@QuarkusTest
@TestProfile(LocalizationTests.FourLocales.class)
@Tag("postgresql")
class LocalizedSearchTests {

    /** A published English article with a tag of its own (which its translations share), and this title. */
    private static Map<String, Object> english(String tag, String title) {
        Map<String, Object> input = articleInput("published");
        input.put("tags", List.of(tag));
        input.put("title", title);
        input.put("body", "Nothing else to see.");
        return createArticle(input);
    }

    private static Map<String, Object> translate(Map<String, Object> article, String locale, String title,
            String status) {
        return admin().body(Map.of("locale", locale, "title", title, "body", "Sonst nichts.", "status", status))
                .when().post("/api/v1/articles/{id}/translations", article.get("id"))
                .then().statusCode(201).extract().jsonPath().getMap("");
    }

    private static RequestSpecification search(String tag, String q) {
        return anonymous().queryParam("tag", tag).queryParam("q", q);
    }

    @Test
    void shouldFindAGermanTranslationByAnotherFormOfAGermanWord() {
        String tag = unique("haus");
        Map<String, Object> de = translate(english(tag, "Homes for sale"), "de", "Die Häuser am See", "published");

        search(tag, "Haus").queryParam("locale", "de").when().get("/api/v1/articles")
                .then().statusCode(200).body("data.id", equalTo(List.of(de.get("id"))));
    }

    @Test
    void shouldStemAnEnglishArticleInEnglishNotGerman() {
        String tag = unique("houses");
        Map<String, Object> en = english(tag, "Häuser and houses");

        // English stemming: "house" finds "houses"; German stemming would have made "Häuser" "haus", English does not.
        search(tag, "house").when().get("/api/v1/articles")
                .then().statusCode(200).body("data.id", equalTo(List.of(en.get("id"))));
        search(tag, "Haus").when().get("/api/v1/articles")
                .then().statusCode(200).body("data", equalTo(List.of()));
        search(tag, "Haus").queryParam("locale", "de").when().get("/api/v1/articles")
                .then().statusCode(200).body("data", equalTo(List.of()));
    }

    @Test
    void shouldNeverReturnAnotherLocalesTextWithoutFallback() {
        String word = "wort" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        Map<String, Object> en = english(unique("exact"), "The " + word);

        anonymous().queryParam("q", word).queryParam("locale", "de").queryParam("fallback", "none")
                .when().get("/api/v1/search").then().statusCode(200)
                .body("articles.data", equalTo(List.of()))
                .body("facets.categories", equalTo(List.of()));
        // With its fallbacks, German serves the English text where there is no German one.
        anonymous().queryParam("q", word).queryParam("locale", "de").when().get("/api/v1/search")
                .then().statusCode(200)
                .body("articles.data.id", equalTo(List.of(en.get("id"))))
                .body("facets.categories[0].count", equalTo(1));
    }

    @Test
    void shouldFollowTheChainOfTheLocaleAskedForAndNeverServeADraft() {
        String tag = unique("chain");
        Map<String, Object> withGerman = english(tag, "Houses by the lake");
        Map<String, Object> de = translate(withGerman, "de", "Häuser am See", "published");
        translate(withGerman, "de-AT", "Häuser am Wörthersee", "draft");
        Map<String, Object> withAustrian = english(tag, "A house in the mountains");
        Map<String, Object> at = translate(withAustrian, "de-AT", "Ein Haus in den Bergen", "published");
        Map<String, Object> englishOnly = english(tag, "The house of cards");

        search(tag, "Haus").queryParam("locale", "de-AT").queryParam("sort", "publishedAt")
                .when().get("/api/v1/articles").then().statusCode(200)
                .body("data.id", equalTo(List.of(de.get("id"), at.get("id"))))
                .body("meta.totalItems", equalTo(2));
        // The English one is served in the chain's last locale, with the English query: "house" finds it.
        search(tag, "house").queryParam("locale", "de-AT").queryParam("sort", "publishedAt")
                .when().get("/api/v1/articles").then().statusCode(200)
                .body("data.id", equalTo(List.of(englishOnly.get("id"))));
        // An editor sees the draft, in its own locale.
        admin().queryParam("tag", tag).queryParam("q", "Wörthersee").queryParam("locale", "de-AT")
                .when().get("/api/v1/articles").then().statusCode(200).body("data.locale", equalTo(List.of("de-AT")));
        search(tag, "Wörthersee").queryParam("locale", "de-AT").when().get("/api/v1/articles")
                .then().statusCode(200).body("data", equalTo(List.of()));
    }
}
