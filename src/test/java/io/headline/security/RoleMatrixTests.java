package io.headline.security;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createToken;
import static io.headline.Api.invalid;
import static io.headline.Api.unique;
import static io.headline.Api.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every role against every class of endpoint: who may read what, and who may write what. */
@QuarkusTest
class RoleMatrixTests {

    /**
     * Expected status per role, in the order: anonymous, content, preview, author, editor, admin. The author
     * token writes as its own author, and the article it edits is its own draft.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            read a published article       | 200 | 200 | 200 | 200 | 200 | 200
            read a draft                   | 404 | 404 | 200 | 200 | 200 | 200
            list drafts by status          | 401 | 403 | 200 | 200 | 200 | 200
            create a draft                 | 401 | 403 | 403 | 201 | 201 | 201
            publish an article             | 401 | 403 | 403 | 403 | 201 | 201
            edit an own draft              | 401 | 403 | 403 | 200 | 200 | 200
            delete an article              | 401 | 403 | 403 | 403 | 204 | 204
            create a category              | 401 | 403 | 403 | 403 | 201 | 201
            create an author               | 401 | 403 | 403 | 403 | 201 | 201
            list tokens                    | 401 | 403 | 403 | 403 | 403 | 200
            """)
    void shouldAdmitEachRoleToWhatItMayDo(String action, int anonymous, int content, int preview, int author,
            int editor, int admin) {
        Map<String, Object> own = createAuthor();
        List<String> roles = List.of("anonymous", "content", "preview", "author", "editor", "admin");
        List<Integer> expected = List.of(anonymous, content, preview, author, editor, admin);
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            RequestSpecification caller = switch (role) {
                case "anonymous" -> anonymous();
                case "admin" -> admin();
                default -> withToken(createToken(role, role.equals("author") ? (String) own.get("slug") : null));
            };
            int status = perform(action, invalid(caller).contentType(ContentType.JSON), (String) own.get("slug"));
            assertThat(status).as(role + " may " + action).isEqualTo(expected.get(i));
        }
    }

    private static int perform(String action, RequestSpecification caller, String ownAuthor) {
        return switch (action) {
            case "read a published article" -> caller.get("/api/v1/articles/{id}", createArticle("published").get("id"))
                    .statusCode();
            case "read a draft" -> caller.get("/api/v1/articles/{id}", createArticle("draft").get("id")).statusCode();
            case "list drafts by status" -> caller.get("/api/v1/articles?status=draft").statusCode();
            case "create a draft" -> caller.body(withAuthor(articleInput("draft"), ownAuthor))
                    .post("/api/v1/articles").statusCode();
            case "publish an article" -> caller.body(withAuthor(articleInput("published"), ownAuthor))
                    .post("/api/v1/articles").statusCode();
            case "edit an own draft" -> caller.contentType("application/merge-patch+json")
                    .body(Map.of("subtitle", "edited"))
                    .patch("/api/v1/articles/{id}", createArticle(withAuthor(articleInput("draft"), ownAuthor)).get("id"))
                    .statusCode();
            case "delete an article" -> caller.delete("/api/v1/articles/{id}", createArticle("draft").get("id"))
                    .statusCode();
            case "create a category" -> caller.body(Map.of("name", unique("Matrix"))).post("/api/v1/categories")
                    .statusCode();
            case "create an author" -> caller.body(Map.of("name", unique("Matrix"))).post("/api/v1/authors").statusCode();
            case "list tokens" -> caller.get("/api/v1/tokens").statusCode();
            default -> throw new IllegalArgumentException(action);
        };
    }

    private static Map<String, Object> withAuthor(Map<String, Object> input, String author) {
        input.put("authors", List.of(author));
        return input;
    }

    @Test
    void shouldKeepAnAuthorAwayFromOtherAuthorsDrafts() {
        String token = createToken("author", (String) createAuthor().get("slug"));
        Object othersDraft = createArticle("draft").get("id");

        invalid(withToken(token)).contentType("application/merge-patch+json").body(Map.of("subtitle", "mine now"))
                .patch("/api/v1/articles/{id}", othersDraft)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldShowEmailsToEditorsButNotToPreviewTokens() {
        Map<String, Object> author = createAuthor();

        assertThat(withToken(createToken("editor", null)).get("/api/v1/authors/{id}", author.get("id"))
                .then().statusCode(200).extract().<String>path("email")).isEqualTo(author.get("email"));
        assertThat(withToken(createToken("preview", null)).get("/api/v1/authors/{id}", author.get("id"))
                .then().statusCode(200).extract().<String>path("email")).isNull();
    }
}
