package io.headline.locale;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.invalid;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.headline.OwnDatabase;
import io.headline.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Articles in several locales (headline.locales=en,de,de-AT:de,fr): translations, their workflow, and fallback. */
@QuarkusTest
@TestProfile(LocalizationTests.FourLocales.class)
public class LocalizationTests {

    @Inject
    TestClock clock;

    public static class FourLocales implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OwnDatabase.with("localization", Map.of("headline.locales", "en,de,de-AT:de,fr"));
        }
    }

    /** A published English article in a category of its own, so that lists of that category hold only what a test made. */
    private static Map<String, Object> english() {
        return createArticle(articleInput("published"));
    }

    private static Map<String, Object> translate(Object idOrSlug, String locale, String status) {
        Map<String, Object> input = new HashMap<>(Map.of("locale", locale, "title", unique("Titel " + locale),
                "status", status));
        return admin().body(input).when().post("/api/v1/articles/{id}/translations", idOrSlug)
                .then().statusCode(201).body("locale", equalTo(locale)).extract().jsonPath().getMap("");
    }

    private static String categoryOf(Map<String, Object> article) {
        return (String) ((Map<?, ?>) article.get("category")).get("slug");
    }

    @Test
    void shouldWriteANewArticleInTheDefaultLocaleAndListItsTranslations() {
        Map<String, Object> en = english();
        assertThat(en.get("locale")).isEqualTo("en");

        Map<String, Object> de = translate(en.get("id"), "de", "draft");

        assertThat(de.get("slug")).isNotEqualTo(en.get("slug"));
        assertThat(de.get("category")).isEqualTo(en.get("category"));
        assertThat(de.get("authors")).isEqualTo(en.get("authors"));
        admin().when().get("/api/v1/articles/{id}/translations", de.get("slug")).then().statusCode(200)
                .body("data.locale", equalTo(List.of("en", "de")));
        // The public sees only what is published: the draft is not among the translations.
        anonymous().when().get("/api/v1/articles/{id}/translations", en.get("slug")).then().statusCode(200)
                .body("data.locale", equalTo(List.of("en")));
        anonymous().when().get("/api/v1/articles/{slug}", en.get("slug")).then().statusCode(200)
                .body("translations.locale", equalTo(List.of("en")));
    }

    @Test
    void shouldRefuseASecondTranslationIntoALocaleAndALocaleTheServerDoesNotHave() {
        Map<String, Object> en = english();
        translate(en.get("id"), "de", "draft");

        admin().body(Map.of("locale", "de", "title", "Noch einmal")).when()
                .post("/api/v1/articles/{id}/translations", en.get("id")).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("'de'"));
        admin().body(Map.of("locale", "it", "title", "Titolo")).when()
                .post("/api/v1/articles/{id}/translations", en.get("id")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("locale"))
                .body("errors[0].message", containsString("en, de, de-AT, fr"));
        Map<String, Object> italian = articleInput("draft");
        italian.put("locale", "it");
        admin().body(italian).when().post("/api/v1/articles").then().statusCode(422)
                .body("errors[0].field", equalTo("locale"));
    }

    @Test
    void shouldLetTwoLocalesShareASlugAndKeepEachSlugUniqueWithinItsLocale() {
        Map<String, Object> en = english();
        Map<String, Object> input = new HashMap<>(Map.of("locale", "fr", "title", "Le titre", "slug", en.get("slug")));

        admin().body(input).when().post("/api/v1/articles/{id}/translations", en.get("id")).then().statusCode(201)
                .body("slug", equalTo(en.get("slug")));
        Map<String, Object> other = english();
        admin().body(input).when().post("/api/v1/articles/{id}/translations", other.get("id")).then().statusCode(409);
        // A shared slug names the translation of the locale asked for.
        anonymous().queryParam("locale", "fr").when().get("/api/v1/articles/{slug}", en.get("slug"))
                .then().statusCode(200).body("locale", equalTo("en"));
    }

    @Test
    void shouldServeEachLocaleOnlyOnceItIsPublishedAndFallBackUntilThen() {
        Map<String, Object> en = english();
        Map<String, Object> de = translate(en.get("id"), "de", "draft");

        // A draft translation never shows: the German reader gets the English article, and the draft's slug and id
        // are as unknown as a missing one's (no redirect that would say they exist), its translations too.
        anonymous().queryParam("locale", "de").when().get("/api/v1/articles/{slug}", en.get("slug"))
                .then().statusCode(200).header("Content-Language", "en").body("locale", equalTo("en"));
        for (Object draft : List.of(de.get("slug"), de.get("id"))) {
            anonymous().redirects().follow(false).queryParam("locale", "de")
                    .when().get("/api/v1/articles/{idOrSlug}", draft).then().statusCode(404);
            anonymous().when().get("/api/v1/articles/{idOrSlug}/translations", draft).then().statusCode(404);
        }
        // Whoever holds a preview link of another draft translation does not learn of this one either.
        Map<String, Object> fr = translate(en.get("id"), "fr", "draft");
        String preview = admin().when().post("/api/v1/articles/{id}/preview-link", fr.get("id"))
                .then().statusCode(200).extract().path("url");
        anonymous().when().get(preview).then().statusCode(200).body("locale", equalTo("fr"))
                .body("translations.locale", equalTo(List.of("en")));

        admin().when().post("/api/v1/articles/{id}/publish", de.get("id")).then().statusCode(200);

        anonymous().redirects().follow(false).queryParam("locale", "de")
                .when().get("/api/v1/articles/{slug}", en.get("slug"))
                .then().statusCode(301).header("Location", "/api/v1/articles/" + de.get("slug") + "?locale=de");
        anonymous().queryParam("locale", "de-AT").when().get("/api/v1/articles/{slug}", de.get("slug"))
                .then().statusCode(200).header("Content-Language", "de").body("locale", equalTo("de"))
                .body("translations.locale", equalTo(List.of("en", "de")))
                .body("translations[1].url", equalTo("/api/v1/articles/" + de.get("slug") + "?locale=de"));
        // Without a locale asked for, a slug serves its own.
        anonymous().when().get("/api/v1/articles/{slug}", de.get("slug")).then().statusCode(200)
                .body("locale", equalTo("de"));
        // Unpublishing one translation leaves the other as it was.
        admin().when().post("/api/v1/articles/{id}/unpublish", de.get("id")).then().statusCode(200);
        anonymous().queryParam("locale", "de").when().get("/api/v1/articles/{slug}", en.get("slug"))
                .then().statusCode(200).body("locale", equalTo("en"));
    }

    @Test
    void shouldScheduleRestoreAndPreviewOneTranslationLeavingTheOtherAsItWas() {
        Map<String, Object> en = english();
        Map<String, Object> de = translate(en.get("id"), "de", "draft");
        int englishRevisions = admin().when().get("/api/v1/articles/{id}/revisions", en.get("id"))
                .then().statusCode(200).extract().path("meta.totalItems");
        Instant at = clock.instant().plus(1, ChronoUnit.HOURS);
        try {
            admin().body(Map.of("publishedAt", at.toString()))
                    .when().post("/api/v1/articles/{id}/schedule", de.get("id"))
                    .then().statusCode(200).body("status", equalTo("scheduled")).body("locale", equalTo("de"));
            anonymous().queryParam("locale", "de").when().get("/api/v1/articles/{id}", en.get("id"))
                    .then().statusCode(200).body("locale", equalTo("en")).body("translations.locale", equalTo(List.of("en")));
            // A preview link shows the scheduled translation, in its own locale, before its time.
            String preview = admin().when().post("/api/v1/articles/{id}/preview-link", de.get("id"))
                    .then().statusCode(200).extract().path("url");
            anonymous().when().get(preview).then().statusCode(200)
                    .body("title", equalTo(de.get("title"))).body("locale", equalTo("de"));

            clock.advance(Duration.between(clock.instant(), at).plusSeconds(1));
            anonymous().queryParam("locale", "de").when().get("/api/v1/articles/{id}", en.get("id"))
                    .then().statusCode(200).body("locale", equalTo("de")).body("title", equalTo(de.get("title")));
        } finally {
            clock.reset();
        }

        // Revisions and restores are the translation's own.
        admin().contentType("application/merge-patch+json").body(Map.of("title", "Ein neuer Titel"))
                .when().patch("/api/v1/articles/{id}", de.get("id")).then().statusCode(200);
        admin().when().post("/api/v1/articles/{id}/revisions/1/restore", de.get("id")).then().statusCode(200)
                .body("title", equalTo(de.get("title"))).body("locale", equalTo("de"));
        admin().when().get("/api/v1/articles/{id}/revisions", en.get("id")).then().statusCode(200)
                .body("meta.totalItems", equalTo(englishRevisions));
        admin().when().get("/api/v1/articles/{id}", en.get("id")).then().statusCode(200)
                .body("title", equalTo(en.get("title"))).body("status", equalTo("published"))
                .body("version", equalTo(en.get("version")));
    }

    @Test
    void shouldServeOnlyTheExactLocaleWithoutFallback() {
        Map<String, Object> en = english();

        anonymous().queryParam("locale", "fr").queryParam("fallback", "none")
                .when().get("/api/v1/articles/{slug}", en.get("slug")).then().statusCode(404)
                .contentType("application/problem+json");
        anonymous().queryParam("locale", "fr").when().get("/api/v1/articles/{slug}", en.get("slug"))
                .then().statusCode(200).header("Content-Language", "en");
        anonymous().queryParam("category", categoryOf(en)).queryParam("locale", "fr").queryParam("fallback", "none")
                .when().get("/api/v1/articles").then().statusCode(200).body("data", equalTo(List.of()));
    }

    @Test
    void shouldChooseByAcceptLanguageWhenNoLocaleIsAskedFor() {
        Map<String, Object> en = english();
        Map<String, Object> de = translate(en.get("id"), "de", "published");

        anonymous().redirects().follow(false).header("Accept-Language", "de-CH, de;q=0.9, en;q=0.5")
                .when().get("/api/v1/articles/{slug}", en.get("slug")).then().statusCode(301)
                .header("Location", "/api/v1/articles/" + de.get("slug") + "?locale=de")
                .header("Vary", containsString("Accept-Language"));
        // A header that asks for none of the server's locales chooses nothing: a slug serves its own locale.
        anonymous().header("Accept-Language", "ja, ko;q=0.5").when().get("/api/v1/articles/{slug}", de.get("slug"))
                .then().statusCode(200).header("Content-Language", "de");
        anonymous().header("Accept-Language", "en-GB").when().get("/api/v1/articles/{slug}", en.get("slug"))
                .then().statusCode(200).header("Content-Language", "en")
                .header("Vary", containsString("Accept-Language"));
        // An id names one translation: only a locale asked for by name moves it.
        anonymous().header("Accept-Language", "de").when().get("/api/v1/articles/{id}", en.get("id"))
                .then().statusCode(200).body("locale", equalTo("en"));
    }

    @Test
    void shouldNeverServeOneLanguagesCachedListToAnother() {
        Map<String, Object> en = english();
        translate(en.get("id"), "de", "published");
        String category = categoryOf(en);

        for (int i = 0; i < 2; i++) {
            anonymous().header("Accept-Language", "de").queryParam("category", category)
                    .when().get("/api/v1/articles").then().statusCode(200).header("Content-Language", "de")
                    .body("data.locale", equalTo(List.of("de")));
            anonymous().header("Accept-Language", "fr;q=0.9, en;q=0.8").queryParam("category", category)
                    .when().get("/api/v1/articles").then().statusCode(200).header("Content-Language", "fr")
                    .body("data.locale", equalTo(List.of("en")));
        }
    }

    @Test
    void shouldListEachArticleOnceInTheBestTranslationTheCallerMaySee() {
        Map<String, Object> first = english();
        String category = categoryOf(first);
        Map<String, Object> secondInput = articleInput("published");
        secondInput.put("category", category);
        Map<String, Object> second = createArticle(secondInput);
        translate(first.get("id"), "de", "published");
        translate(second.get("id"), "de", "draft");
        translate(second.get("id"), "de-AT", "published");

        Response german = anonymous().queryParam("category", category).queryParam("locale", "de-AT")
                .queryParam("sort", "publishedAt").when().get("/api/v1/articles");
        german.then().statusCode(200).header("Content-Language", "de-AT").body("meta.totalItems", equalTo(2));
        assertThat(german.jsonPath().getList("data.locale")).containsExactly("de", "de-AT");

        anonymous().queryParam("category", category).queryParam("locale", "de").queryParam("sort", "publishedAt")
                .when().get("/api/v1/articles").then().statusCode(200)
                // The first one's German translation came out after the second article: oldest first, it is second.
                .body("data.locale", equalTo(List.of("en", "de")));
        anonymous().queryParam("category", category).queryParam("sort", "publishedAt")
                .when().get("/api/v1/articles").then().statusCode(200)
                .body("data.locale", equalTo(List.of("en", "en")));
        admin().queryParam("category", category).queryParam("locale", "*")
                .when().get("/api/v1/articles").then().statusCode(200).body("data.size()", equalTo(5))
                .header("Content-Language", (String) null);
        anonymous().queryParam("category", category).queryParam("locale", "*")
                .when().get("/api/v1/articles").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldShareCategoryAuthorsAndTagsAcrossTranslationsAndWriteEachOnce() {
        Map<String, Object> en = english();
        Map<String, Object> de = translate(en.get("id"), "de", "draft");

        admin().contentType("application/merge-patch+json").body(Map.of("tags", List.of("shared-tag")))
                .when().patch("/api/v1/articles/{id}", en.get("id")).then().statusCode(200);

        admin().when().get("/api/v1/articles/{id}", de.get("id")).then().statusCode(200)
                .body("tags", equalTo(List.of("shared-tag")))
                .body("version", equalTo(((Number) de.get("version")).intValue() + 1));
        // Its own words stay its own.
        admin().when().get("/api/v1/articles/{id}", de.get("id")).then().body("title", equalTo(de.get("title")));
    }

    @Test
    void shouldKeepATranslationsLocaleAndDeleteTheDefaultOneLast() {
        Map<String, Object> en = english();
        Map<String, Object> de = translate(en.get("id"), "de", "draft");

        admin().contentType("application/merge-patch+json").body(Map.of("locale", "fr"))
                .when().patch("/api/v1/articles/{id}", de.get("id")).then().statusCode(422)
                .body("errors[0].field", equalTo("locale"));
        admin().when().delete("/api/v1/articles/{id}", en.get("id")).then().statusCode(409)
                .contentType("application/problem+json");
        admin().when().delete("/api/v1/articles/{id}", de.get("id")).then().statusCode(204);
        admin().when().delete("/api/v1/articles/{id}", en.get("id")).then().statusCode(204);
    }

    @Test
    void shouldAnswerBadLocaleParametersWithProblems() {
        Map<String, Object> en = english();

        invalid(anonymous()).queryParam("locale", "it").when().get("/api/v1/articles/{slug}", en.get("slug"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("en, de, de-AT, fr"));
        invalid(anonymous()).queryParam("locale", "x".repeat(1000)).when().get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json");
        invalid(anonymous()).queryParam("locale", "de").queryParam("fallback", "maybe").when().get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("none"));
        String huge = String.join(",", java.util.Collections.nCopies(1000, "zz;q=0.5")) + ",de";
        anonymous().header("Accept-Language", huge).when().get("/api/v1/articles/{slug}", en.get("slug"))
                .then().statusCode(200).header("Content-Language", "en");
        anonymous().header("Accept-Language", "*;q=abc, ;;, de;q=2").when().get("/api/v1/articles")
                .then().statusCode(200).header("Content-Language", not(equalTo("")));
    }

    @Test
    void shouldAcceptTheETagOfAnEditorsGetOfATranslatedArticle() {
        Map<String, Object> en = english();
        translate(en.get("id"), "de", "draft");
        String etag = admin().when().get("/api/v1/articles/{id}", en.get("id")).then().statusCode(200)
                .body("translations.locale", equalTo(List.of("en", "de"))).extract().header("ETag");

        admin().header("If-Match", etag).contentType("application/merge-patch+json").body(Map.of("subtitle", "Neu"))
                .when().patch("/api/v1/articles/{id}", en.get("id")).then().statusCode(200)
                .body("translations.locale", equalTo(List.of("en", "de")));
    }

    /** The change feed's end now, for an admin: where a test starts reading what it writes. */
    private static String endOfChanges() {
        String cursor = null;
        boolean more = true;
        while (more) {
            var request = admin().queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("since", cursor);
            }
            var page = request.when().get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            cursor = page.getString("nextCursor");
            more = page.getBoolean("hasMore");
        }
        return cursor;
    }

    @Test
    void shouldCarryTheLocaleOfEachTranslationWrittenInTheChangeFeed() {
        Map<String, Object> en = english();
        String start = endOfChanges();

        Map<String, Object> de = translate(en.get("id"), "de", "published");

        admin().queryParam("since", start).queryParam("locale", "de").when().get("/api/v1/changes")
                .then().statusCode(200)
                .body("changes.event", equalTo(List.of("article.published")))
                .body("changes[0].id", equalTo(de.get("id")))
                .body("changes[0].locale", equalTo("de"));
        admin().queryParam("since", start).queryParam("locale", "en").when().get("/api/v1/changes")
                .then().statusCode(200).body("changes", equalTo(List.of()));
        invalid(admin()).queryParam("locale", "it").when().get("/api/v1/changes").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldServeOneFeedPerLocale() {
        Map<String, Object> en = english();
        Map<String, Object> de = translate(en.get("id"), "de", "published");
        String feed = "/feeds/categories/" + categoryOf(en) + "/feed.json";

        anonymous().queryParam("locale", "de").when().get(feed).then().statusCode(200)
                .header("Content-Language", "de")
                .body("language", equalTo("de"))
                .body("items.title", equalTo(List.of(de.get("title"))))
                .body("items[0].url", endsWith("/" + de.get("slug") + "?locale=de"));
        anonymous().when().get(feed).then().statusCode(200).header("Content-Language", "en")
                .body("items.title", equalTo(List.of(en.get("title"))));
    }

    @Test
    void shouldSearchInTheLocaleAskedFor() {
        String word = "wort" + java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        Map<String, Object> en = english();
        admin().body(Map.of("locale", "de", "title", "Der " + word, "status", "published"))
                .when().post("/api/v1/articles/{id}/translations", en.get("id")).then().statusCode(201);

        anonymous().queryParam("q", word).queryParam("locale", "de").when().get("/api/v1/search")
                .then().statusCode(200).header("Content-Language", "de")
                .body("articles.data.locale", equalTo(List.of("de")));
        // The German text is not the English reader's.
        anonymous().queryParam("q", word).when().get("/api/v1/search").then().statusCode(200)
                .body("articles.data", equalTo(List.of()));
    }

    @Test
    void shouldListRelatedArticlesInTheLocaleAskedForWithTheirTranslations() {
        Map<String, Object> a = english();
        Map<String, Object> fields = new HashMap<>(articleInput("published"));
        fields.put("category", categoryOf(a));
        Map<String, Object> b = createArticle(fields);
        Map<String, Object> bDe = translate(b.get("id"), "de", "published");
        translate(a.get("id"), "de", "draft");

        // The German reader of A (whose German text is a draft, so A in English) gets B in German.
        anonymous().queryParam("locale", "de").when().get("/api/v1/articles/{slug}/related", a.get("slug"))
                .then().statusCode(200).header("Content-Language", "de")
                .body("data.id", equalTo(List.of(bDe.get("id"))))
                .body("data[0].translations.locale", equalTo(List.of("en", "de")));
        // Without a locale, in A's own: B in English.
        anonymous().when().get("/api/v1/articles/{slug}/related", a.get("slug")).then().statusCode(200)
                .body("data.id", equalTo(List.of(b.get("id"))));
        anonymous().queryParam("locale", "de").queryParam("fallback", "none")
                .when().get("/api/v1/articles/{slug}/related", a.get("slug")).then().statusCode(404);
    }

    @Test
    void shouldListTheServersLocalesWithTheirFallbacksForALanguageSwitch() {
        anonymous().when().get("/api/v1/locales").then().statusCode(200)
                .body("data.locale", equalTo(List.of("en", "de", "de-AT", "fr")))
                .body("data.isDefault", equalTo(List.of(true, false, false, false)))
                .body("data.fallbacks", equalTo(List.of(List.of(), List.of("en"), List.of("de", "en"), List.of("en"))));
    }

    @Test
    void shouldServeGhostContentApiPostsInTheLocaleAskedFor() {
        Map<String, Object> en = english();
        Map<String, Object> de = translate(en.get("id"), "de", "published");
        String key = io.headline.Api.createToken("content", null);
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> ghost = () -> io.restassured
                .RestAssured.given().noFilters().queryParam("key", key).queryParam("filter", "primary_tag:" + categoryOf(en));

        ghost.get().queryParam("locale", "de-AT").when().get("/ghost/api/content/posts/").then().statusCode(200)
                .header("Content-Language", "de-AT")
                .body("posts.title", equalTo(List.of(de.get("title"))));
        ghost.get().header("Accept-Language", "fr").when().get("/ghost/api/content/posts/slug/{slug}/", en.get("slug"))
                .then().statusCode(200).header("Content-Language", "en")
                .body("posts[0].title", equalTo(en.get("title")));
        // Ghost's clients do not expect a redirect: the English slug read in German serves the German post.
        ghost.get().queryParam("locale", "de").when().get("/ghost/api/content/posts/slug/{slug}/", en.get("slug"))
                .then().statusCode(200).header("Content-Language", "de")
                .body("posts[0].slug", equalTo(de.get("slug")));
        ghost.get().queryParam("locale", "fr").queryParam("fallback", "none").when().get("/ghost/api/content/posts/")
                .then().statusCode(200).body("posts", equalTo(List.of()));
        ghost.get().queryParam("locale", "it").when().get("/ghost/api/content/posts/").then().statusCode(400)
                .body("errors[0].message", containsString("de-AT"));
    }

    @Test
    void shouldNameAnArticlesCategoryAndAuthorsInTheArticlesOwnLocale() {
        Map<String, Object> en = english();
        Map<?, ?> category = (Map<?, ?>) en.get("category");
        Map<?, ?> author = (Map<?, ?>) ((List<?>) en.get("authors")).get(0);
        String rubrik = unique("Rubrik");
        String autorin = unique("Autorin");
        admin().body(Map.of("name", rubrik)).when()
                .put("/api/v1/categories/{id}/translations/{locale}", category.get("id"), "de").then().statusCode(200);
        admin().body(Map.of("name", autorin)).when()
                .put("/api/v1/authors/{id}/translations/{locale}", author.get("id"), "de").then().statusCode(200);
        Map<String, Object> de = translate(en.get("id"), "de", "published");

        anonymous().queryParam("locale", "de-AT").when().get("/api/v1/articles/{slug}", de.get("slug"))
                .then().statusCode(200).body("locale", equalTo("de"))
                .body("category.name", equalTo(rubrik))
                .body("authors[0].name", equalTo(autorin));
        anonymous().queryParam("category", category.get("slug")).queryParam("locale", "de")
                .when().get("/api/v1/articles").then().statusCode(200)
                .body("data[0].category.name", equalTo(rubrik));
        anonymous().when().get("/api/v1/articles/{slug}", en.get("slug")).then().statusCode(200)
                .body("category.name", equalTo(category.get("name")))
                .body("authors[0].name", equalTo(author.get("name")));
        // What a write answers and what an editor's GET shows agree (one ETag).
        String etag = admin().when().get("/api/v1/articles/{id}", de.get("id")).then().statusCode(200)
                .body("category.name", equalTo(rubrik)).extract().header("ETag");
        admin().header("If-Match", etag).contentType("application/merge-patch+json").body(Map.of("subtitle", "Neu"))
                .when().patch("/api/v1/articles/{id}", de.get("id")).then().statusCode(200)
                .body("category.name", equalTo(rubrik));
    }
}
