package io.headline.limits;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.invalid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.headline.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Body size, security headers and the RateLimit headers, with the suite's own (never reached) quotas. */
@QuarkusTest
class LimitsTests {

    private static final int ONE_MIB = 1024 * 1024;
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    @TestHTTPResource("/api/v1/authors")
    URI authors;

    @Test
    void shouldAnswer413ProblemToABodyWhoseContentLengthIsTooLarge() {
        invalid(admin()).body(authorNamed("x".repeat(ONE_MIB))).when().post("/api/v1/authors")
                .then().statusCode(413).contentType("application/problem+json")
                .header("Connection", "close")
                .body("type", equalTo("/problems/too-large"))
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body is larger than the 1048576 bytes accepted."));
    }

    @Test
    void shouldAnswer413ProblemToAChunkedBodyThatGrowsTooLarge() throws IOException, InterruptedException {
        // A body from a stream of unknown length goes out chunked, without Content-Length.
        byte[] body = authorNamed("x".repeat(2 * ONE_MIB)).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(authors)
                .header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"/problems/too-large\"");
    }

    @Test
    void shouldAcceptABodyJustUnderTheLimit() {
        // Not created (a name that long is invalid), but read in full: the refusal is about the name, not the size.
        invalid(admin()).body(authorNamed("x".repeat(ONE_MIB - 100))).when().post("/api/v1/authors")
                .then().statusCode(422);
    }

    @Test
    void shouldRefuseAChunkedBodyOnAGetWith400AndClose() throws IOException, InterruptedException {
        byte[] body = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(authors)
                .method("GET", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"detail\":\"A GET request takes no body");
    }

    @Test
    void shouldRefuseABodyWithContentLengthOnADelete() {
        invalid(admin()).body("{}").when().delete("/api/v1/authors/{slug}", "anyone")
                .then().statusCode(400).contentType("application/problem+json")
                .header("Connection", "close")
                .body("type", equalTo("/problems/bad-request"));
    }

    @Test
    void shouldAcceptAGetWithAnEmptyContentLength() {
        invalid(anonymous()).header("Content-Length", "0").when().get("/api/v1/categories").then().statusCode(200);
    }

    @Test
    void shouldAnswer414ProblemToARequestLineTooLong() {
        given().noFilters().accept("application/json").queryParam("q", "x".repeat(5000))
                .when().get("/api/v1/articles")
                .then().statusCode(414).contentType("application/problem+json")
                .header("Connection", "close")
                .body("type", equalTo("/problems/uri-too-long"))
                .body("detail", equalTo("The request line is longer than the 4096 bytes accepted; "
                        + "send fewer or shorter query parameters."));
    }

    @Test
    void shouldAnswer431ProblemToHeadersTooLarge() {
        given().noFilters().accept("application/json").header("X-Padding", "x".repeat(21 * 1024))
                .when().get("/api/v1/categories")
                .then().statusCode(431).contentType("application/problem+json")
                .header("Connection", "close")
                .body("type", equalTo("/problems/headers-too-large"))
                .body("status", equalTo(431));
    }

    @Test
    void shouldAcceptARequestLineAndHeadersJustUnderTheLimits() {
        given().noFilters().accept("application/json").header("X-Padding", "x".repeat(19 * 1024))
                .queryParam("tag", "x".repeat(4000))
                .when().get("/api/v1/articles")
                .then().statusCode(200);
    }

    @Test
    void shouldSendSecurityHeadersOnARead() {
        securityHeaders(anonymous().when().get("/api/v1/categories").then().statusCode(200))
                .header("Content-Security-Policy", API_CSP);
    }

    @Test
    void shouldSendSecurityHeadersOnAProblem() {
        securityHeaders(invalid(anonymous()).when().get("/api/v1/no-such-collection").then().statusCode(404))
                .contentType("application/problem+json")
                .header("Content-Security-Policy", API_CSP);
    }

    @Test
    void shouldLetSwaggerUiRunItsScripts() {
        securityHeaders(given().noFilters().when().get("/q/swagger-ui/").then().statusCode(200))
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    void shouldSendTheAnonymousQuotaToACallerWithoutAToken() {
        quota(anonymous().when().get("/api/v1/categories").then().statusCode(200), "anonymous");
    }

    @Test
    void shouldSendTheTokenQuotaToACallerWithAToken() {
        quota(admin().when().get("/api/v1/categories").then().statusCode(200), "token");
    }

    @Test
    void shouldSendTheQuotaOnAProblemToo() {
        quota(invalid(anonymous()).when().get("/api/v1/articles/{slug}", "no-such-article").then().statusCode(404),
                "anonymous");
    }

    private static void quota(ValidatableResponse response, String policy) {
        response.header("RateLimit-Policy", matchesPattern("\"" + policy + "\";q=[0-9]+;w=60"))
                .header("RateLimit", matchesPattern("\"" + policy + "\";r=[0-9]+;t=[0-9]+"));
    }

    private static ValidatableResponse securityHeaders(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Server", nullValue());
    }

    private static String authorNamed(String name) {
        return "{\"name\": \"" + name + "\"}";
    }
}
