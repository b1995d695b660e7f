package io.headline.common;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.createArticle;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every response names its request in X-Request-Id: the caller's id when it is sane, else one made for it. */
@QuarkusTest
class RequestIdTests {

    private static final String MADE = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void shouldEchoTheCallersRequestId() {
        anonymous().header("X-Request-Id", "edge-7f3a.01:retry_2").when().get("/api/v1/categories")
                .then().statusCode(200).header("X-Request-Id", "edge-7f3a.01:retry_2");
    }

    @Test
    void shouldMakeARequestIdWhenThereIsNone() {
        String first = anonymous().when().get("/api/v1/categories").then().statusCode(200)
                .header("X-Request-Id", matchesPattern(MADE)).extract().header("X-Request-Id");
        String second = anonymous().when().get("/api/v1/categories").then().extract().header("X-Request-Id");

        assertThat(second).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "new\u00e9line", "<script>", "a/b"})
    void shouldReplaceARequestIdThatIsNotSane(String insane) {
        anonymous().header("X-Request-Id", insane).when().get("/api/v1/categories")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(MADE));
    }

    @Test
    void shouldReplaceARequestIdLongerThan128Characters() {
        anonymous().header("X-Request-Id", "a".repeat(128)).when().get("/api/v1/categories")
                .then().header("X-Request-Id", "a".repeat(128));
        anonymous().header("X-Request-Id", "a".repeat(129)).when().get("/api/v1/categories")
                .then().header("X-Request-Id", matchesPattern(MADE));
    }

    @Test
    void shouldPutTheRequestIdInAProblemBody() {
        Response problem = anonymous().when().get("/api/v1/articles/{slug}", "no-such-article");

        problem.then().statusCode(404).contentType("application/problem+json")
                .body("requestId", equalTo(problem.header("X-Request-Id")));
        anonymous().header("X-Request-Id", "support-case-42").when().get("/api/v1/articles/{slug}", "no-such-article")
                .then().statusCode(404).body("requestId", equalTo("support-case-42"));
    }

    @Test
    void shouldPutTheRequestIdInAProblemAnsweredBeforeTheApplication() {
        // A body on a GET is refused by a route filter (io.headline.limits.NoBodyExpected), before Quarkus REST.
        Response problem = given().noFilters().header("X-Request-Id", "early-1").body("{}").contentType("application/json")
                .when().get("/api/v1/categories");

        problem.then().statusCode(400).contentType("application/problem+json")
                .header("X-Request-Id", "early-1").body("requestId", equalTo("early-1"));
    }

    @Test
    void shouldSendTheRequestIdOnA304() {
        String path = "/api/v1/articles/" + createArticle("published").get("slug");
        String etag = admin().when().get(path).then().statusCode(200).extract().header("ETag");

        admin().header("If-None-Match", etag).header("X-Request-Id", "revalidation-1").when().get(path)
                .then().statusCode(304).header("X-Request-Id", "revalidation-1");
    }

    @Test
    void shouldSendTheRequestIdOnQuarkusRoutesAndPreflights() {
        given().noFilters().header("X-Request-Id", "probe-1").when().get("/q/health/live")
                .then().statusCode(200).header("X-Request-Id", "probe-1");
        given().noFilters().header("Origin", "https://front.example").header("Access-Control-Request-Method", "GET")
                .header("X-Request-Id", "preflight-1").when().options("/api/v1/articles")
                .then().header("X-Request-Id", "preflight-1");
    }

    @Test
    void shouldLetBrowsersReadTheRequestId() {
        anonymous().header("Origin", "https://front.example").when().get("/api/v1/categories")
                .then().statusCode(200)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }
}
