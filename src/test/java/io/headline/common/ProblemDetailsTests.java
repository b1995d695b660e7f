package io.headline.common;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.invalid;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error a client can cause is application/problem+json with the right status, never a 500. */
@QuarkusTest
class ProblemDetailsTests {

    @Test
    void shouldAnswerMalformedJsonWith400() {
        invalid(admin()).body("{\"title\": ").when().post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"))
                .body("title", equalTo("Malformed JSON"))
                .body("detail", startsWith("The request body is not well-formed JSON"))
                .body("instance", equalTo("/api/v1/articles"));
    }

    @Test
    void shouldAnswerUnknownPropertyWith400NamingIt() {
        invalid(admin()).body("{\"name\": \"Someone\", \"nickname\": \"x\"}").when().post("/api/v1/authors")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("nickname"));
    }

    @Test
    void shouldAnswerWrongJsonTypeWith400NamingTheField() {
        invalid(admin()).body("{\"title\": \"T\", \"category\": \"news\", \"authors\": \"newsdesk\"}")
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("authors"));
    }

    @Test
    void shouldAnswerAnEmptyBodyWith422() {
        invalid(admin()).body("").when().post("/api/v1/categories")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerUnsupportedMediaTypeWith415() {
        invalid(admin()).contentType("text/plain").body("title=x").when().post("/api/v1/articles")
                .then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void shouldAnswerUnknownPathWith404Problem() {
        invalid(anonymous()).when().get("/api/v1/no-such-collection")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void shouldAnswerOddIdsAndSlugsWith404() {
        anonymous().when().get("/api/v1/articles/{x}", "ÄÖÜ ' or 1=1 --").then().statusCode(404);
        anonymous().when().get("/api/v1/articles/{x}", "00000000-0000-0000-0000-000000000000").then().statusCode(404);
        anonymous().when().get("/api/v1/authors/{x}", "x".repeat(3000)).then().statusCode(404);
    }

    @Test
    void shouldRefuseControlCharactersInAPathParameterWith400NamingIt() {
        invalid(anonymous()).when().get("/api/v1/articles/{x}", "\u0000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("idOrSlug"));
        invalid(anonymous()).when().get("/api/v1/categories/{x}", "a\u0001b").then().statusCode(400);
    }

    @Test
    void shouldRefuseANulInTheSearchQueryWith400NamingIt() {
        invalid(anonymous()).queryParam("q", "\u0000").when().get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-parameter"))
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void shouldRefuseAControlCharacterInAnyQueryParameter() {
        invalid(anonymous()).queryParam("tag", "film\u0001").when().get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("tag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"publishedAfter", "publishedBefore", "updatedAfter"})
    void shouldRefuseADateParameterOutsideTheStorableRangeWith400NamingIt(String name) {
        invalid(anonymous()).queryParam(name, "+999999999-12-31T23:59:59Z").when().get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-parameter"))
                .body("errors[0].field", equalTo(name))
                .body("errors[0].message", containsString("between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
    }
}
