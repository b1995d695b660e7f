package io.headline.article;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createCategory;
import static io.headline.Api.invalid;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ArticleResourceTests {

    @Test
    void shouldCreateArticleWith201LocationAndCompactRelations() {
        Map<String, Object> category = createCategory();
        Map<String, Object> first = createAuthor();
        Map<String, Object> second = createAuthor();
        Map<String, Object> input = Map.of("title", "A new article", "slug", unique("a-new-article"),
                "category", category.get("id"), "authors", List.of(second.get("slug"), first.get("id")),
                "tags", List.of("film", "news", "film"), "status", "published");

        String location = admin().body(input).when().post("/api/v1/articles")
                .then().statusCode(201)
                .body("title", equalTo("A new article"))
                .body("category.slug", equalTo(category.get("slug")))
                .body("category.name", equalTo(category.get("name")))
                .body("authors.slug", contains(second.get("slug"), first.get("slug")))
                .body("tags", contains("film", "news"))
                .body("version", equalTo(0))
                .body("publishedAt", notNullValue())
                .extract().header("Location");

        anonymous().when().get(location).then().statusCode(200).body("slug", equalTo(input.get("slug")));
    }

    @Test
    void shouldGetArticleByIdAndBySlug() {
        Map<String, Object> article = createArticle("published");

        anonymous().when().get("/api/v1/articles/{id}", article.get("id"))
                .then().statusCode(200).body("slug", equalTo(article.get("slug")));
        anonymous().when().get("/api/v1/articles/{slug}", article.get("slug"))
                .then().statusCode(200).body("id", equalTo(article.get("id")));
    }

    @Test
    void shouldReturn404ProblemForUnknownSlug() {
        anonymous().when().get("/api/v1/articles/no-such-article")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("/problems/not-found"))
                .body("detail", equalTo("No article with id or slug 'no-such-article'."));
    }

    @Test
    void shouldGenerateSlugFromTitleFoldingAccents() {
        Map<String, Object> input = articleInput("draft");
        String word = unique("crème");
        input.put("title", "Ça va, " + word + " brûlée!");

        Map<String, Object> created = createArticle(input);

        assertThat(created.get("slug")).isEqualTo("ca-va-" + word.replace("è", "e") + "-brulee");
    }

    @Test
    void shouldResolveGeneratedSlugClashesWithTheLowestFreeSuffix() {
        Map<String, Object> input = articleInput("draft");
        input.put("title", unique("Same title"));

        String first = (String) createArticle(input).get("slug");
        String second = (String) createArticle(input).get("slug");
        String third = (String) createArticle(input).get("slug");

        assertThat(List.of(second, third)).containsExactly(first + "-2", first + "-3");
    }

    @Test
    void shouldRefuseTakenExplicitSlugWith409() {
        Map<String, Object> existing = createArticle("draft");
        Map<String, Object> input = articleInput("draft");
        input.put("slug", existing.get("slug"));

        admin().body(input).when().post("/api/v1/articles")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("The article slug '" + existing.get("slug") + "' is already taken."));
    }

    @Test
    void shouldRefuseSlugShapedLikeAnId() {
        Map<String, Object> input = articleInput("draft");
        input.put("slug", "01234567-89ab-cdef-0123-456789abcdef");

        admin().body(input).when().post("/api/v1/articles")
                .then().statusCode(422).body("errors[0].field", equalTo("slug"));
    }

    @Test
    void shouldListArticlesNewestFirstWithPageMeta() {
        Instant base = Instant.parse("2020-01-01T00:00:00Z");
        String tag = unique("order");
        for (int day : new int[] {1, 0, 2}) {
            Map<String, Object> input = articleInput("published");
            input.put("publishedAt", base.minus(day, ChronoUnit.DAYS).toString());
            input.put("tags", List.of(tag));
            createArticle(input);
        }

        List<String> dates = admin().queryParam("tag", tag).queryParam("size", 3).when().get("/api/v1/articles")
                .then().statusCode(200)
                .body("meta.page", equalTo(1))
                .body("meta.size", equalTo(3))
                .body("data[0].body", nullValue())
                .extract().jsonPath().getList("data.publishedAt");

        assertThat(dates).containsExactly("2020-01-01T00:00:00Z", "2019-12-31T00:00:00Z", "2019-12-30T00:00:00Z");
    }

    @Test
    void shouldCountPagesFromTotalItems() {
        String tag = unique("counted");
        for (int i = 0; i < 3; i++) {
            Map<String, Object> input = articleInput("published");
            input.put("tags", List.of(tag));
            createArticle(input);
        }

        anonymous().queryParam("tag", tag).queryParam("size", 2).when().get("/api/v1/articles")
                .then().statusCode(200)
                .body("meta.totalItems", equalTo(3))
                .body("meta.totalPages", equalTo(2));
    }

    @ParameterizedTest
    @CsvSource({"page,0", "page,abc", "page,-1", "size,0", "size,101", "size,1.5"})
    void shouldRejectPagingOutOfRangeWith400(String parameter, String value) {
        invalid(anonymous()).queryParam(parameter, value).when().get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void shouldSayTheMaximumWhenSizeIsTooLarge() {
        invalid(anonymous()).queryParam("size", 500).when().get("/api/v1/articles")
                .then().statusCode(400).body("detail", equalTo("Query parameter 'size' must be from 1 to 100, was 500."));
    }

    @Test
    void shouldHideDraftsFromThePublicButNotFromAdmins() {
        Map<String, Object> draft = createArticle("draft");
        // A published neighbour in the draft's own category, so the public list is not trivially empty.
        Map<String, Object> input = articleInput("published");
        Object category = ((Map<?, ?>) draft.get("category")).get("slug");
        input.put("category", category);
        Map<String, Object> published = createArticle(input);

        anonymous().when().get("/api/v1/articles/{slug}", draft.get("slug")).then().statusCode(404);
        admin().when().get("/api/v1/articles/{slug}", draft.get("slug")).then().statusCode(200);
        anonymous().queryParam("category", category).when().get("/api/v1/articles")
                .then().statusCode(200).body("data.slug", contains(published.get("slug")));
        admin().queryParam("category", category).when().get("/api/v1/articles")
                .then().statusCode(200).body("data.slug", hasItem(draft.get("slug")))
                .body("data", hasSize(2));
    }

    @Test
    void shouldRequirePublishedAtToSchedule() {
        admin().body(articleInput("scheduled")).when().post("/api/v1/articles")
                .then().statusCode(422).body("errors[0].field", equalTo("publishedAt"));
    }

    @Test
    void shouldReplaceWithPutClearingOmittedFieldsAndKeepingTheSlug() {
        Map<String, Object> input = articleInput("published");
        input.put("subtitle", "to be cleared");
        Map<String, Object> created = createArticle(input);
        Map<String, Object> replacement = new HashMap<>(input);
        replacement.remove("subtitle");
        replacement.put("title", "Replaced title");

        admin().body(replacement).when().put("/api/v1/articles/{id}", created.get("id"))
                .then().statusCode(200)
                .body("title", equalTo("Replaced title"))
                .body("slug", equalTo(created.get("slug")))
                .body("subtitle", nullValue())
                .body("publishedAt", equalTo(created.get("publishedAt")))
                .body("version", equalTo(1));
    }

    @Test
    void shouldMergePatchSettingClearingAndKeepingMembers() {
        Map<String, Object> input = articleInput("published");
        input.put("subtitle", "to be cleared");
        input.put("excerpt", "kept");
        input.put("tags", List.of("a", "b"));
        Map<String, Object> created = createArticle(input);
        Map<String, Object> patch = new HashMap<>();
        patch.put("title", "Patched title");
        patch.put("subtitle", null);
        patch.put("tags", List.of("c"));

        admin().contentType("application/merge-patch+json").body(patch)
                .when().patch("/api/v1/articles/{slug}", created.get("slug"))
                .then().statusCode(200)
                .body("title", equalTo("Patched title"))
                .body("subtitle", nullValue())
                .body("excerpt", equalTo("kept"))
                .body("tags", contains("c"))
                .body("authors.slug", equalTo(List.of(((List<?>) input.get("authors")).get(0))))
                .body("slug", equalTo(created.get("slug")));
    }

    @Test
    void shouldValidateTheMergedResultOfAPatch() {
        Map<String, Object> created = createArticle("draft");
        Map<String, Object> patch = new HashMap<>();
        patch.put("title", null);

        admin().contentType("application/merge-patch+json").body(patch)
                .when().patch("/api/v1/articles/{id}", created.get("id"))
                .then().statusCode(422).body("errors.field", hasItem("title"));
        admin().when().get("/api/v1/articles/{id}", created.get("id"))
                .then().statusCode(200).body("title", equalTo(created.get("title")));
    }

    @Test
    void shouldWriteNothingWhenAReferenceIsUnknown() {
        Map<String, Object> input = articleInput("draft");
        String slug = unique("half-written");
        input.put("slug", slug);
        input.put("authors", List.of(((List<?>) input.get("authors")).get(0), "nobody-at-all"));

        admin().body(input).when().post("/api/v1/articles")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("authors[1]"))
                .body("errors[0].message", equalTo("no author with id or slug 'nobody-at-all'"));
        admin().when().get("/api/v1/articles/{slug}", slug).then().statusCode(404);
    }

    @Test
    void shouldRefuseCreditingAnAuthorTwice() {
        Map<String, Object> input = articleInput("draft");
        Object author = ((List<?>) input.get("authors")).get(0);
        input.put("authors", List.of(author, author));

        admin().body(input).when().post("/api/v1/articles")
                .then().statusCode(422).body("errors[0].field", equalTo("authors[1]"));
    }

    @ParameterizedTest
    @CsvSource({"title,''", "featureImageUrl,javascript:alert(1)", "featureImageUrl,not a url", "status,published-ish"})
    void shouldRejectInvalidFields(String field, String value) {
        Map<String, Object> input = articleInput("draft");
        input.put(field, value);

        int expected = field.equals("status") ? 400 : 422;
        invalid(admin()).body(input).when().post("/api/v1/articles")
                .then().statusCode(expected).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void shouldDeleteArticleWith204() {
        Map<String, Object> created = createArticle("published");

        admin().when().delete("/api/v1/articles/{id}", created.get("id")).then().statusCode(204);
        admin().when().get("/api/v1/articles/{id}", created.get("id")).then().statusCode(404);
        admin().when().delete("/api/v1/articles/{id}", created.get("id")).then().statusCode(404);
    }

    @Test
    void shouldReturnLocationOfTheNewArticleById() {
        Map<String, Object> input = articleInput("draft");

        String location = admin().body(input).when().post("/api/v1/articles")
                .then().statusCode(201).extract().header("Location");
        String id = admin().when().get(location).then().statusCode(200).extract().path("id");

        assertThat(location).endsWith("/api/v1/articles/" + id);
    }
}
