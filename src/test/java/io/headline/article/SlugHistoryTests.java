package io.headline.article;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.unique;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SlugHistoryTests {

    private static Map<String, Object> createWithSlug(String status, String slug) {
        Map<String, Object> input = articleInput(status);
        input.put("slug", slug);
        return createArticle(input);
    }

    private static void renameTo(Object id, String slug) {
        admin().contentType("application/merge-patch+json").body(Map.of("slug", slug))
                .when().patch("/api/v1/articles/{id}", id).then().statusCode(200).body("slug", equalTo(slug));
    }

    @Test
    void shouldRedirectAFormerSlugToTheCurrentOneKeepingTheQuery() {
        String old = unique("old-slug");
        String renamed = unique("new-slug");
        Map<String, Object> article = createWithSlug("published", old);
        renameTo(article.get("id"), renamed);

        anonymous().redirects().follow(false).queryParam("fields", "title").queryParam("include", "authors")
                .when().get("/api/v1/articles/{slug}", old)
                .then().statusCode(301)
                .header("Location", equalTo("/api/v1/articles/" + renamed + "?fields=title&include=authors"));
    }

    @Test
    void shouldFollowEveryFormerSlugToTheArticle() {
        String first = unique("first");
        Map<String, Object> article = createWithSlug("published", first);
        renameTo(article.get("id"), unique("second"));
        String third = unique("third");
        renameTo(article.get("id"), third);

        anonymous().when().get("/api/v1/articles/{slug}", first)
                .then().statusCode(200).body("slug", equalTo(third));
    }

    @Test
    void shouldAnswer404ForAFormerSlugOfAnArticleTheCallerMayNotSee() {
        String old = unique("hidden-old");
        Map<String, Object> article = createWithSlug("draft", old);
        renameTo(article.get("id"), unique("hidden-new"));

        anonymous().redirects().follow(false).when().get("/api/v1/articles/{slug}", old)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No article with id or slug '" + old + "'."));
        admin().redirects().follow(false).when().get("/api/v1/articles/{slug}", old).then().statusCode(301);
    }

    @Test
    void shouldRefuseAnotherArticleTakingAFormerSlugWith409() {
        String old = unique("kept-for-links");
        Map<String, Object> article = createWithSlug("draft", old);
        renameTo(article.get("id"), unique("moved-on"));

        Map<String, Object> input = articleInput("draft");
        input.put("slug", old);
        admin().body(input).when().post("/api/v1/articles")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldLetAnArticleTakeBackItsOwnFormerSlug() {
        String old = unique("taken-back");
        String interim = unique("interim");
        Map<String, Object> article = createWithSlug("published", old);
        renameTo(article.get("id"), interim);
        renameTo(article.get("id"), old);

        anonymous().when().get("/api/v1/articles/{slug}", old).then().statusCode(200).body("id", equalTo(article.get("id")));
        anonymous().redirects().follow(false).when().get("/api/v1/articles/{slug}", interim)
                .then().statusCode(301).header("Location", equalTo("/api/v1/articles/" + old));
    }

    @Test
    void shouldGiveAGeneratedSlugASuffixRatherThanAFormerSlugOfAnotherArticle() {
        String title = unique("Former Title");
        Map<String, Object> input = articleInput("draft");
        input.put("title", title);
        Map<String, Object> first = createArticle(input);
        renameTo(first.get("id"), unique("renamed"));

        Map<String, Object> second = articleInput("draft");
        second.put("title", title);
        admin().body(second).when().post("/api/v1/articles")
                .then().statusCode(201).body("slug", equalTo(first.get("slug") + "-2"));
    }
}
