package io.headline.revision;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createCategory;
import static io.headline.Api.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RevisionTests {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static void patch(Object id, Map<String, Object> patch) {
        admin().contentType(MERGE_PATCH).body(patch).when().patch("/api/v1/articles/{id}", id).then().statusCode(200);
    }

    @Test
    void shouldKeepARevisionOfEveryWriteNewestFirst() {
        Map<String, Object> input = articleInput("draft");
        Map<String, Object> article = createArticle(input);
        Object id = article.get("id");
        patch(id, Map.of("subtitle", "Patched"));
        Map<String, Object> replacement = new HashMap<>(input);
        replacement.put("title", "Replaced");
        admin().body(replacement).when().put("/api/v1/articles/{id}", id).then().statusCode(200);

        admin().when().get("/api/v1/articles/{id}/revisions", id)
                .then().statusCode(200)
                .body("data.number", contains(3, 2, 1))
                .body("data[0].author", equalTo("admin-token"))
                .body("data[0].articleId", equalTo(id))
                .body("data[0].createdAt", notNullValue())
                .body("data[0]", not(hasKey("snapshot")))
                .body("meta.totalItems", equalTo(3));
    }

    @Test
    void shouldKeepTheWholeArticleAsItsSnapshot() {
        Map<String, Object> article = createArticle("draft");
        patch(article.get("id"), Map.of("subtitle", "Second state", "tags", java.util.List.of("x", "y")));

        admin().when().get("/api/v1/articles/{slug}/revisions/2", article.get("slug"))
                .then().statusCode(200)
                .body("number", equalTo(2))
                .body("snapshot.title", equalTo(article.get("title")))
                .body("snapshot.subtitle", equalTo("Second state"))
                .body("snapshot.tags", contains("x", "y"))
                .body("snapshot.status", equalTo("draft"));
        admin().when().get("/api/v1/articles/{id}/revisions/1", article.get("id"))
                .then().statusCode(200).body("snapshot", not(hasKey("subtitle")));
    }

    @Test
    void shouldRestoreARevisionAsANewRevision() {
        Map<String, Object> article = createArticle("draft");
        Object id = article.get("id");
        patch(id, Map.of("title", "A later title", "subtitle", "Later"));

        ExtractableResponse<Response> restored = admin().when().post("/api/v1/articles/{id}/revisions/1/restore", id)
                .then().statusCode(200)
                .body("title", equalTo(article.get("title")))
                .body("version", equalTo(2))
                .body("$", not(hasKey("subtitle")))
                .extract();
        String etag = admin().when().get("/api/v1/articles/{id}", id).then().extract().header("ETag");
        assertThat(restored.header("ETag")).isEqualTo(etag);
        admin().when().get("/api/v1/articles/{id}/revisions", id)
                .then().body("data.number", contains(3, 2, 1));
        admin().when().get("/api/v1/articles/{id}/revisions/3", id)
                .then().body("snapshot.title", equalTo(article.get("title")));
    }

    @Test
    void shouldAnswer422WhenTheSnapshotNamesACategoryThatIsGone() {
        Map<String, Object> article = createArticle("draft");
        Object id = article.get("id");
        Object oldCategory = ((Map<?, ?>) article.get("category")).get("id");
        patch(id, Map.of("category", createCategory().get("slug")));
        admin().when().delete("/api/v1/categories/{id}", oldCategory).then().statusCode(204);

        admin().when().post("/api/v1/articles/{id}/revisions/1/restore", id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"));
        admin().when().get("/api/v1/articles/{id}/revisions", id).then().body("meta.totalItems", equalTo(2));
    }

    @Test
    void shouldAnswer404ForAnUnknownRevisionNumber() {
        Map<String, Object> article = createArticle("draft");

        admin().when().get("/api/v1/articles/{id}/revisions/9", article.get("id"))
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No revision 9 of an article with id or slug '" + article.get("id") + "'."));
        admin().when().post("/api/v1/articles/{id}/revisions/9/restore", article.get("id"))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer404ForANonNumericRevision() {
        Map<String, Object> article = createArticle("draft");

        invalid(admin()).when().get("/api/v1/articles/{id}/revisions/latest", article.get("id"))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer404ForTheRevisionsOfAnUnknownArticle() {
        admin().when().get("/api/v1/articles/no-such-article/revisions")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseRevisionsToCallersWithoutAToken() {
        Map<String, Object> article = createArticle("published");

        invalid(anonymous()).when().get("/api/v1/articles/{id}/revisions", article.get("id"))
                .then().statusCode(401).contentType("application/problem+json");
        invalid(anonymous()).when().post("/api/v1/articles/{id}/revisions/1/restore", article.get("id"))
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer412ToARestoreWithAStaleIfMatch() {
        Map<String, Object> article = createArticle("draft");

        admin().header("If-Match", "\"stale\"").when().post("/api/v1/articles/{id}/revisions/1/restore", article.get("id"))
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void shouldForgetTheRevisionsOfADeletedArticle() {
        Map<String, Object> article = createArticle("draft");
        admin().when().delete("/api/v1/articles/{id}", article.get("id")).then().statusCode(204);

        admin().when().get("/api/v1/articles/{id}/revisions/1", article.get("id")).then().statusCode(404);
    }
}
