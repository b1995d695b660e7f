package io.headline.security;

import static io.headline.Api.anonymous;
import static io.headline.Api.createArticle;
import static io.headline.Api.invalid;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads of published content are public; every write needs the admin token. */
@QuarkusTest
class WriteAccessTests {

    private static final String WRITES = """
            POST,   /api/v1/articles
            PUT,    /api/v1/articles/some-slug
            PATCH,  /api/v1/articles/some-slug
            DELETE, /api/v1/articles/some-slug
            POST,   /api/v1/authors
            PUT,    /api/v1/authors/some-slug
            PATCH,  /api/v1/authors/some-slug
            DELETE, /api/v1/authors/some-slug
            POST,   /api/v1/categories
            PUT,    /api/v1/categories/some-slug
            PATCH,  /api/v1/categories/some-slug
            DELETE, /api/v1/categories/some-slug
            """;

    @ParameterizedTest
    @CsvSource(textBlock = WRITES)
    void shouldRefuseWritesWithoutATokenWith401(String method, String path) {
        write(invalid(anonymous()), method, path)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"headline\""))
                .body("detail", equalTo("This operation needs an API token: send 'Authorization: Bearer <token>'."));
    }

    @ParameterizedTest
    @CsvSource(textBlock = WRITES)
    void shouldRefuseWritesWithAWrongTokenWith401(String method, String path) {
        write(invalid(anonymous()).header("Authorization", "Bearer not-the-token"), method, path)
                .then().statusCode(401).body("detail", equalTo("The API token is not valid."));
    }

    @Test
    void shouldRefuseAnAuthorizationHeaderThatIsNotABearerToken() {
        invalid(anonymous()).header("Authorization", "Basic dGVzdDp0ZXN0").when().get("/api/v1/articles")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/articles", "/api/v1/authors", "/api/v1/categories", "/api/v1/search?q=x"})
    void shouldRefuseAnInvalidTokenEvenOnPublicReads(String path) {
        invalid(anonymous()).header("Authorization", "Bearer not-the-token").when().get(path)
                .then().statusCode(401).body("detail", equalTo("The API token is not valid."));
    }

    @Test
    void shouldServePublishedContentWithoutAToken() {
        Map<String, Object> article = createArticle("published");

        anonymous().when().get("/api/v1/articles/{id}", article.get("id")).then().statusCode(200);
        anonymous().when().get("/api/v1/authors").then().statusCode(200);
        anonymous().when().get("/api/v1/categories").then().statusCode(200);
    }

    private static io.restassured.response.Response write(RequestSpecification request, String method, String path) {
        // A DELETE carries no body (one is refused with 400 before authentication: NoBodyExpected).
        RequestSpecification withBody = method.equals("DELETE") ? request
                : request.contentType(ContentType.JSON).body("{\"name\": \"x\", \"title\": \"x\"}");
        return withBody.when().request(method, path);
    }
}
