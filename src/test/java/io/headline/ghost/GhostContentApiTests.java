package io.headline.ghost;

import static io.headline.Api.admin;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createCategory;
import static io.headline.Api.createToken;
import static io.headline.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Ghost Content API surface: Ghost's shapes, options, filters and errors over Headline's published content. Each
 * test files its own articles under a fresh category and author, so filters find exactly them.
 */
@QuarkusTest
class GhostContentApiTests {

    private static final String BASE = "/ghost/api/content/";

    private String key;
    private String category;
    private String author;
    private String tag;

    @BeforeEach
    void fixtures() {
        key = createToken("content", null);
        category = (String) createCategory().get("slug");
        author = (String) createAuthor().get("slug");
        tag = unique("tag");
    }

    /** Ghost calls are not Headline's contract: they skip the suite's OpenAPI validation. */
    private RequestSpecification ghost() {
        return given().noFilters().queryParam("key", key).header("Accept-Version", "v5.0");
    }

    private String article(String status, Map<String, Object> more) {
        Map<String, Object> input = new HashMap<>(Map.of("title", unique("Ghost post"), "status", status,
                "category", category, "authors", List.of(author), "tags", List.of(tag),
                "body", "A first paragraph with *emphasis*.\n\nA second one."));
        input.putAll(more);
        return admin().body(input).when().post("/api/v1/articles").then().statusCode(201).extract().path("slug");
    }

    private String published(String publishedAt) {
        return article("published", Map.of("publishedAt", publishedAt));
    }

    private List<String> slugsFor(String filter) {
        return ghost().queryParam("filter", filter).queryParam("limit", "all").when().get(BASE + "posts/")
                .then().statusCode(200).extract().jsonPath().getList("posts.slug");
    }

    @Test
    void shouldIssueContentTokensThatGhostsClientAccepts() {
        assertThat(key).matches("[0-9a-f]{26}");
        assertThat(createToken("preview", null)).startsWith("hl_");
    }

    @Test
    void shouldBrowsePostsInGhostsShape() {
        String slug = published("2021-03-01T10:00:00Z");
        ghost().queryParam("filter", "tag:" + tag).queryParam("include", "tags,authors")
                .when().get(BASE + "posts/")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Content-Version", "v5.0")
                .header("ETag", notNullValue())
                .body("posts[0].slug", equalTo(slug))
                .body("posts[0].html", containsString("<em>emphasis</em>"))
                .body("posts[0]", hasKey("feature_image"))
                .body("posts[0].excerpt", startsWith("A first paragraph"))
                .body("posts[0].reading_time", equalTo(1))
                .body("posts[0].published_at", equalTo("2021-03-01T10:00:00Z"))
                .body("posts[0].url", equalTo("https://news.example.com/" + slug + "/"))
                .body("posts[0].primary_tag.slug", equalTo(category))
                .body("posts[0].tags.slug", equalTo(List.of(category, tag)))
                .body("posts[0].primary_author.slug", equalTo(author))
                .body("posts[0].authors[0].url", equalTo("https://news.example.com/author/" + author + "/"))
                .body("meta.pagination.page", equalTo(1))
                .body("meta.pagination.limit", equalTo(15))
                .body("meta.pagination.pages", equalTo(1))
                .body("meta.pagination.total", equalTo(1))
                .body("meta.pagination", hasKey("next"))
                .body("meta.pagination.next", nullValue())
                .body("meta.pagination.prev", nullValue());
    }

    @Test
    void shouldRevalidateWithTheETag() {
        String slug = published("2021-03-02T00:00:00Z");
        String etag = ghost().when().get(BASE + "posts/slug/{slug}/", slug).then().statusCode(200)
                .header("Surrogate-Key", containsString("article:")).extract().header("ETag");
        ghost().header("If-None-Match", etag).when().get(BASE + "posts/slug/{slug}/", slug).then().statusCode(304);
    }

    @Test
    void shouldPageWithLimitAndPage() {
        String oldest = published("2021-01-01T00:00:00Z");
        String middle = published("2021-01-02T00:00:00Z");
        String newest = published("2021-01-03T00:00:00Z");
        ghost().queryParam("filter", "tag:" + tag).queryParam("limit", 1).queryParam("page", 2)
                .when().get(BASE + "posts/")
                .then().statusCode(200)
                .body("posts.slug", equalTo(List.of(middle)))
                .body("meta.pagination.pages", equalTo(3))
                .body("meta.pagination.total", equalTo(3))
                .body("meta.pagination.next", equalTo(3))
                .body("meta.pagination.prev", equalTo(1));
        ghost().queryParam("filter", "tag:" + tag).queryParam("limit", "all").queryParam("order", "published_at asc")
                .when().get(BASE + "posts/")
                .then().statusCode(200)
                .body("posts.slug", equalTo(List.of(oldest, middle, newest)))
                .body("meta.pagination.limit", equalTo(GhostQuery.MAX_LIMIT));
    }

    @Test
    void shouldRefuseLimitsPastTheMaximumAndPagesTooDeep() {
        ghostError(ghost().queryParam("limit", 101).when().get(BASE + "posts/"), 422, "ValidationError")
                .body("errors[0].context", containsString("1 to 100 or all"));
        ghostError(ghost().queryParam("limit", 100).queryParam("page", 101).when().get(BASE + "posts/"), 422,
                "ValidationError");
        ghostError(ghost().queryParam("limit", "many").when().get(BASE + "posts/"), 422, "ValidationError");
    }

    @Test
    void shouldReadAPostBySlugAndById() {
        String slug = published("2021-02-01T00:00:00Z");
        String id = ghost().when().get(BASE + "posts/slug/{slug}/", slug)
                .then().statusCode(200)
                .body("posts", org.hamcrest.Matchers.hasSize(1))
                .body("meta", nullValue())
                .body("posts[0].html", containsString("<p>A second one.</p>"))
                .extract().path("posts[0].id");
        ghost().when().get(BASE + "posts/{id}/", id).then().statusCode(200).body("posts[0].slug", equalTo(slug));
        // Ghost's client sends the slug again as a query parameter.
        ghost().queryParam("slug", slug).when().get(BASE + "posts/slug/{slug}/", slug).then().statusCode(200);
    }

    @Test
    void shouldSelectFieldsAndFormats() {
        String slug = published("2021-02-01T00:00:00Z");
        Map<String, Object> post = ghost().queryParam("fields", "title,slug,plaintext")
                .queryParam("formats", "plaintext").when().get(BASE + "posts/slug/{slug}/", slug)
                .then().statusCode(200).extract().jsonPath().getMap("posts[0]");
        assertThat(post).containsOnlyKeys("title", "slug", "plaintext");
        assertThat((String) post.get("plaintext")).startsWith("A first paragraph with emphasis.");
        ghostError(ghost().queryParam("fields", "title,secret").when().get(BASE + "posts/"), 422, "ValidationError")
                .body("errors[0].context", containsString("allowed:"));
        ghostError(ghost().queryParam("formats", "mobiledoc").when().get(BASE + "posts/"), 422, "ValidationError");
        ghostError(ghost().queryParam("include", "tiers").when().get(BASE + "posts/"), 422, "ValidationError");
        ghostError(ghost().queryParam("order", "title sideways").when().get(BASE + "posts/"), 422, "ValidationError");
    }

    @Test
    void shouldFilterByTagWhetherCategoryOrTag() {
        String first = published("2021-05-01T00:00:00Z");
        String otherTag = unique("other");
        String second = article("published", Map.of("publishedAt", "2021-05-02T00:00:00Z", "tags", List.of(otherTag),
                "category", createCategory().get("slug")));
        assertThat(slugsFor("tag:" + tag)).containsExactly(first);
        assertThat(slugsFor("tag:" + category)).containsExactly(first);
        assertThat(slugsFor("tags:[" + tag + "," + otherTag + "]")).containsExactly(second, first);
        assertThat(slugsFor("primary_tag:" + category)).containsExactly(first);
        assertThat(slugsFor("primary_tag:" + tag)).isEmpty();
    }

    @Test
    void shouldFilterByAuthorFeaturedAndDateCombined() {
        String early = published("2021-06-01T00:00:00Z");
        String late = published("2021-06-03T00:00:00Z");
        String featured = article("published", Map.of("publishedAt", "2021-06-05T00:00:00Z", "featured", true));
        assertThat(slugsFor("author:" + author)).containsExactly(featured, late, early);
        assertThat(slugsFor("tag:" + tag + "+featured:true")).containsExactly(featured);
        assertThat(slugsFor("tag:" + tag + "+featured:false")).containsExactly(late, early);
        assertThat(slugsFor("author:" + author + "+published_at:>'2021-06-02 00:00:00'")).containsExactly(featured, late);
        assertThat(slugsFor("tag:" + tag + "+published_at:>'2021-06-02 00:00:00'+published_at:<'2021-06-04'"))
                .containsExactly(late);
        assertThat(slugsFor("author:" + unique("nobody"))).isEmpty();
    }

    @Test
    void shouldRefuseWhatTheFilterSubsetCannotSay() {
        for (String filter : List.of("status:draft", "title:x", "tag:a,tag:b", "-tag:a", "(tag:a)", "tag:a+tag:b",
                "featured:maybe", "published_at:>=2021-01-01", "published_at:>'yesterday'", "tags:[a,", "tag:",
                "tag:" + "a".repeat(GhostFilter.MAX_LENGTH))) {
            ghostError(ghost().queryParam("filter", filter).when().get(BASE + "posts/"), 400, "BadRequestError")
                    .body("errors[0].message", equalTo("Error parsing filter"));
        }
        ghostError(ghost().queryParam("filter", "published_at:>'0000-01-01'").when().get(BASE + "posts/"), 400,
                "BadRequestError");
    }

    @Test
    void shouldNeverShowUnpublishedContent() {
        String published = published("2021-07-01T00:00:00Z");
        String draftOnly = unique("drafttag");
        List<String> hidden = List.of(
                article("draft", Map.of("tags", List.of(tag, draftOnly))),
                article("scheduled", Map.of("publishedAt", Instant.now().plus(7, ChronoUnit.DAYS).toString(),
                        "tags", List.of(tag, draftOnly))),
                archived());
        assertThat(slugsFor("tag:" + tag)).containsExactly(published);
        assertThat(slugsFor("author:" + author)).containsExactly(published);
        for (String slug : hidden) {
            ghostError(ghost().when().get(BASE + "posts/slug/{slug}/", slug), 404, "NotFoundError");
            String id = admin().when().get("/api/v1/articles/{slug}", slug).then().extract().path("id");
            ghostError(ghost().when().get(BASE + "posts/{id}/", id), 404, "NotFoundError");
        }
        ghostError(ghost().when().get(BASE + "tags/slug/{slug}/", draftOnly), 404, "NotFoundError");
        ghost().queryParam("limit", "all").when().get(BASE + "tags/").then().statusCode(200)
                .body("tags.slug", not(org.hamcrest.Matchers.hasItem(draftOnly)));
    }

    private String archived() {
        String slug = published("2021-07-02T00:00:00Z");
        admin().when().post("/api/v1/articles/{slug}/archive", slug).then().statusCode(200);
        return slug;
    }

    @Test
    void shouldAnswerGhostsErrorShapeForAMissingPost() {
        ghostError(ghost().when().get(BASE + "posts/slug/{slug}/", unique("missing")), 404, "NotFoundError")
                .body("errors[0].message", equalTo("Post not found."))
                .body("errors[0]", hasKey("context"))
                .body("errors[0].id", notNullValue());
        ghostError(ghost().when().get(BASE + "posts/{id}/", "0190a6f0-0000-7000-8000-000000000000"), 404,
                "NotFoundError");
        ghostError(ghost().when().get(BASE + "tiers/"), 404, "NotFoundError");
    }

    @Test
    void shouldRefuseMissingUnknownAndNonContentKeys() {
        ghostError(given().noFilters().when().get(BASE + "posts/"), 403, "NoPermissionError");
        ghostError(given().noFilters().queryParam("key", "0123456789abcdef0123456789").when().get(BASE + "posts/"), 401,
                "UnauthorizedError").body("errors[0].message", equalTo("Unknown Content API Key"));
        ghostError(given().noFilters().queryParam("key", createToken("editor", null)).when().get(BASE + "posts/"), 403,
                "NoPermissionError");
    }

    @Test
    void shouldRefuseARevokedKeyAtOnce() {
        Map<String, Object> token = admin().body(Map.of("name", unique("site"), "role", "content"))
                .when().post("/api/v1/tokens").then().statusCode(201).extract().jsonPath().getMap("");
        RequestSpecification withKey = given().noFilters().queryParam("key", token.get("token"));
        withKey.when().get(BASE + "settings/").then().statusCode(200);
        admin().when().delete("/api/v1/tokens/{id}", token.get("id")).then().statusCode(204);
        ghostError(given().noFilters().queryParam("key", token.get("token")).when().get(BASE + "settings/"), 401,
                "UnauthorizedError");
    }

    @Test
    void shouldRefuseAMalformedAcceptVersion() {
        ghostError(given().noFilters().queryParam("key", key).header("Accept-Version", "latest")
                .when().get(BASE + "posts/"), 400, "BadRequestError");
        given().noFilters().queryParam("key", key).header("Accept-Version", "v6.0").when().get(BASE + "settings/")
                .then().statusCode(200);
    }

    @Test
    void shouldCountKeyedCallsAgainstTheKeysQuota() {
        ghost().when().get(BASE + "settings/").then().statusCode(200)
                .header("RateLimit-Policy", startsWith("\"content\""));
        given().noFilters().when().get(BASE + "settings/").then().statusCode(403)
                .header("RateLimit-Policy", startsWith("\"anonymous\""));
    }

    @Test
    void shouldListAndReadAuthorsAndTags() {
        published("2021-08-01T00:00:00Z");
        ghost().when().get(BASE + "authors/slug/{slug}/", author).then().statusCode(200)
                .body("authors[0].slug", equalTo(author))
                .body("authors[0].url", equalTo("https://news.example.com/author/" + author + "/"));
        ghost().queryParam("limit", 2).when().get(BASE + "authors/").then().statusCode(200)
                .body("authors.size()", equalTo(2)).body("meta.pagination.limit", equalTo(2));
        String tagId = ghost().when().get(BASE + "tags/slug/{slug}/", tag).then().statusCode(200)
                .body("tags[0].name", equalTo(tag)).extract().path("tags[0].id");
        ghost().when().get(BASE + "tags/{id}/", tagId).then().statusCode(200).body("tags[0].slug", equalTo(tag));
        ghost().when().get(BASE + "tags/slug/{slug}/", category).then().statusCode(200)
                .body("tags[0].slug", equalTo(category));
        ghostError(ghost().queryParam("filter", "visibility:public").when().get(BASE + "tags/"), 400, "BadRequestError");
    }

    @Test
    void shouldServeEmptyPagesAndTheSettings() {
        ghost().when().get(BASE + "pages/").then().statusCode(200)
                .body("pages.size()", equalTo(0)).body("meta.pagination.total", equalTo(0));
        ghostError(ghost().when().get(BASE + "pages/slug/about/"), 404, "NotFoundError");
        ghost().when().get(BASE + "settings/").then().statusCode(200)
                .body("settings.title", equalTo("Headline"))
                .body("settings.url", equalTo("https://news.example.com/"));
    }

    @Test
    void shouldStayOutOfHeadlinesOpenApiDocument() {
        given().noFilters().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", not(hasKey(startsWith("/ghost"))));
    }

    private static ValidatableResponse ghostError(io.restassured.response.Response response, int status, String type) {
        return response.then().statusCode(status)
                .contentType(startsWith("application/json"))
                .body("errors[0].type", equalTo(type))
                .body("errors[0].message", notNullValue());
    }
}
