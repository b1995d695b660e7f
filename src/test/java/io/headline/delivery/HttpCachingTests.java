package io.headline.delivery;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createAuthor;
import static io.headline.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HttpCachingTests {

    private static final String STRONG_ETAG = "\"[A-Za-z0-9_-]{22}\"";
    private static final String PUBLIC = "public, max-age=60, stale-while-revalidate=300";
    private static final String VARY = "Accept-Encoding, Authorization, Origin";

    @Test
    void shouldSendValidatorsAndCachingHeadersOnAnItem() {
        Map<String, Object> article = createArticle("published");
        @SuppressWarnings("unchecked")
        Map<String, Object> category = (Map<String, Object>) article.get("category");

        anonymous().when().get("/api/v1/articles/{slug}", article.get("slug"))
                .then().statusCode(200)
                .header("ETag", matchesPattern(STRONG_ETAG))
                .header("Last-Modified", equalTo(httpDate((String) article.get("updatedAt"))))
                .header("Cache-Control", PUBLIC)
                .header("Vary", VARY)
                .header("Surrogate-Key", matchesPattern("article:" + article.get("id") + " category:" + category.get("id")
                        + " author:[-0-9a-f]{36}"));
    }

    @Test
    void shouldKeyAListByItsCollectionAndItsItems() {
        Map<String, Object> article = createArticle("published");

        String keys = anonymous().queryParam("category", categorySlug(article)).when().get("/api/v1/articles")
                .then().statusCode(200).header("ETag", matchesPattern(STRONG_ETAG))
                .extract().header("Surrogate-Key");

        assertThat(keys.split(" ")).startsWith("articles").contains("article:" + article.get("id"));
    }

    @Test
    void shouldGiveDifferentPagesDifferentETags() {
        Map<String, Object> input = articleInput("published");
        createArticle(input);
        createArticle(publishedIn(input.get("category")));

        ExtractableResponse<Response> first = anonymous().queryParam("category", input.get("category"))
                .queryParam("size", 1).when().get("/api/v1/articles").then().statusCode(200).extract();
        ExtractableResponse<Response> second = anonymous().queryParam("category", input.get("category"))
                .queryParam("size", 1).queryParam("page", 2).when().get("/api/v1/articles").then().statusCode(200).extract();

        assertThat(second.<String>path("data[0].id")).isNotNull().isNotEqualTo(first.path("data[0].id"));
        assertThat(first.header("ETag")).isNotEqualTo(second.header("ETag"));
    }

    @Test
    void shouldOmitLastModifiedForAnEmptyList() {
        anonymous().queryParam("page", 500).when().get("/api/v1/categories")
                .then().statusCode(200).header("Last-Modified", nullValue()).header("Surrogate-Key", "categories");
    }

    @Test
    void shouldAnswer304WithTheCachingHeadersRepeatedForAMatchingIfNoneMatch() {
        String path = "/api/v1/authors/" + createAuthor().get("slug");
        ExtractableResponse<Response> ok = anonymous().when().get(path).then().statusCode(200).extract();

        anonymous().header("If-None-Match", ok.header("ETag")).when().get(path)
                .then().statusCode(304)
                .body(emptyString())
                .header("ETag", ok.header("ETag"))
                .header("Cache-Control", PUBLIC)
                .header("Vary", VARY)
                .header("Last-Modified", ok.header("Last-Modified"))
                .header("Surrogate-Key", ok.header("Surrogate-Key"));
    }

    @Test
    void shouldCompareIfNoneMatchWeaklyAndAcceptAListOrAStar() {
        String path = "/api/v1/categories";
        String etag = anonymous().when().get(path).then().statusCode(200).extract().header("ETag");

        anonymous().header("If-None-Match", "W/" + etag).when().get(path).then().statusCode(304);
        anonymous().header("If-None-Match", "\"other\", " + etag).when().get(path).then().statusCode(304);
        anonymous().header("If-None-Match", "*").when().get(path).then().statusCode(304);
        anonymous().header("If-None-Match", "\"other\"").when().get(path).then().statusCode(200);
    }

    @Test
    void shouldHonourIfModifiedSinceOnASingleResource() {
        String path = "/api/v1/articles/" + createArticle("published").get("slug");
        String lastModified = anonymous().when().get(path).then().extract().header("Last-Modified");
        String before = httpDate(DateTimeFormatter.RFC_1123_DATE_TIME.parse(lastModified, Instant::from).minusSeconds(1));

        anonymous().header("If-Modified-Since", lastModified).when().get(path).then().statusCode(304);
        anonymous().header("If-Modified-Since", before).when().get(path).then().statusCode(200);
        anonymous().header("If-Modified-Since", "not a date").when().get(path).then().statusCode(200);
    }

    @Test
    void shouldLetIfNoneMatchOverrideIfModifiedSince() {
        String path = "/api/v1/articles/" + createArticle("published").get("slug");
        String lastModified = anonymous().when().get(path).then().extract().header("Last-Modified");

        anonymous().header("If-None-Match", "\"other\"").header("If-Modified-Since", lastModified)
                .when().get(path).then().statusCode(200);
    }

    @Test
    void shouldIgnoreIfModifiedSinceOnLists() {
        String lastModified = anonymous().when().get("/api/v1/articles").then().extract().header("Last-Modified");

        anonymous().header("If-Modified-Since", lastModified).when().get("/api/v1/articles").then().statusCode(200);
    }

    @Test
    void shouldKeepAuthorizedReadsPrivate() {
        admin().when().get("/api/v1/authors/{slug}", createAuthor().get("slug"))
                .then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .header("ETag", matchesPattern(STRONG_ETAG));
    }

    @Test
    void shouldAnswerAWrittenItemWithNewContentAndANewETag() {
        Map<String, Object> article = createArticle("published");
        String path = "/api/v1/articles/" + article.get("id");
        String etag = anonymous().when().get(path).then().extract().header("ETag");
        anonymous().header("If-None-Match", etag).when().get(path).then().statusCode(304);

        String title = unique("Retitled");
        admin().body(Map.of("title", title)).when().patch(path).then().statusCode(200);

        anonymous().header("If-None-Match", etag).when().get(path)
                .then().statusCode(200).body("title", equalTo(title)).header("ETag", not(etag));
    }

    @Test
    void shouldAnswerAnArticleWithANewETagWhenItsCategoryIsRenamed() {
        Map<String, Object> article = createArticle("published");
        @SuppressWarnings("unchecked")
        Object categoryId = ((Map<String, Object>) article.get("category")).get("id");
        String path = "/api/v1/articles/" + article.get("id");
        String etag = anonymous().when().get(path).then().extract().header("ETag");

        String name = unique("Renamed");
        admin().body(Map.of("name", name)).when().patch("/api/v1/categories/{id}", categoryId).then().statusCode(200);

        anonymous().header("If-None-Match", etag).when().get(path)
                .then().statusCode(200).body("category.name", equalTo(name)).header("ETag", not(etag));
    }

    @Test
    void shouldAnswerAWrittenListWithNewContentAndANewETag() {
        Map<String, Object> older = articleInput("published");
        older.put("publishedAt", "2020-01-01T00:00:00Z");
        createArticle(older);
        Object category = older.get("category");
        String etag = anonymous().queryParam("category", category).queryParam("size", 1).when().get("/api/v1/articles")
                .then().statusCode(200).extract().header("ETag");
        anonymous().queryParam("category", category).queryParam("size", 1).header("If-None-Match", etag)
                .when().get("/api/v1/articles").then().statusCode(304);

        Map<String, Object> newest = createArticle(publishedIn(category));

        anonymous().queryParam("category", category).queryParam("size", 1).header("If-None-Match", etag)
                .when().get("/api/v1/articles")
                .then().statusCode(200).body("data[0].id", equalTo(newest.get("id"))).header("ETag", not(etag));
    }

    @Test
    void shouldAnswerHeadWithTheHeadersOfGetAndNoBody() {
        String path = "/api/v1/articles/" + createArticle("published").get("slug");
        String etag = anonymous().when().get(path).then().extract().header("ETag");

        // HEAD is not in the contract (the GET operation serves it), so the contract filter is off here.
        given().noFilters().when().head(path)
                .then().statusCode(200).body(emptyString()).header("ETag", etag).header("Cache-Control", notNullValue());
    }

    private static String httpDate(String isoInstant) {
        return httpDate(Instant.parse(isoInstant));
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC)
                .format(instant);
    }

    /** A published article's input in {@code category}, so a test lists only what it made. */
    private static Map<String, Object> publishedIn(Object category) {
        Map<String, Object> input = articleInput("published");
        input.put("category", category);
        return input;
    }

    @SuppressWarnings("unchecked")
    private static Object categorySlug(Map<String, Object> article) {
        return ((Map<String, Object>) article.get("category")).get("slug");
    }
}
