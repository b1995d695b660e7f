package io.headline.token;

import static io.headline.Api.admin;
import static io.headline.Api.createAuthor;
import static io.headline.Api.anonymous;
import static io.headline.Api.createToken;
import static io.headline.Api.invalid;
import static io.headline.Api.unique;
import static io.headline.Api.withToken;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.headline.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenResourceTests {

    @Inject
    TestClock clock;

    @Test
    void shouldReturnTheSecretOnceAndListTokensWithoutSecrets() {
        String name = unique("Front end");
        String id = admin().body(Map.of("name", name, "role", "content")).when().post("/api/v1/tokens")
                .then().statusCode(201)
                .body("token", matchesPattern("[0-9a-f]{26}"))
                .body("role", equalTo("content"))
                .extract().path("id");

        admin().when().get("/api/v1/tokens")
                .then().statusCode(200)
                .body("data.id", hasItem(id))
                .body("data", everyItem(not(hasKey("token"))));
    }

    @Test
    void shouldRecordWhenATokenWasLastUsed() {
        Created token = create("content");
        token(token.id()).body("lastUsedAt", nullValue());

        withToken(token.secret()).when().get("/api/v1/articles").then().statusCode(200);

        token(token.id()).body("lastUsedAt", notNullValue());
    }

    @Test
    void shouldStopARevokedTokenAtOnce() {
        Created token = create("editor");
        withToken(token.secret()).when().get("/api/v1/tokens").then().statusCode(403);

        admin().when().delete("/api/v1/tokens/{id}", token.id()).then().statusCode(204);

        invalid(withToken(token.secret())).when().get("/api/v1/articles").then().statusCode(401);
    }

    @Test
    void shouldStopTheTokensOfADeletedAuthorAtOnce() {
        Map<String, Object> author = createAuthor();
        String secret = createToken("author", (String) author.get("slug"));
        withToken(secret).when().get("/api/v1/articles").then().statusCode(200); // remembered since

        admin().when().delete("/api/v1/authors/{id}", author.get("id")).then().statusCode(204);

        invalid(withToken(secret)).when().get("/api/v1/articles").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseATokenRightAfterItExpires() {
        Instant expiresAt = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String secret = admin().body(Map.of("name", unique("expiring"), "role", "content", "expiresAt", expiresAt.toString()))
                .when().post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        withToken(secret).when().get("/api/v1/articles").then().statusCode(200); // remembered since
        try {
            clock.advance(Duration.between(clock.instant(), expiresAt).minusSeconds(5));
            withToken(secret).when().get("/api/v1/articles").then().statusCode(200);

            clock.advance(Duration.ofSeconds(5));

            invalid(withToken(secret)).when().get("/api/v1/articles").then().statusCode(401);
        } finally {
            clock.reset();
        }
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        String secret = admin().body(Map.of("name", unique("old"), "role", "content", "expiresAt", "2000-01-01T00:00:00Z"))
                .when().post("/api/v1/tokens").then().statusCode(201).extract().path("token");

        invalid(withToken(secret)).when().get("/api/v1/articles").then().statusCode(401);
    }

    @Test
    void shouldRequireAnAuthorForAnAuthorToken() {
        admin().body(Map.of("name", unique("author"), "role", "author")).when().post("/api/v1/tokens")
                .then().statusCode(422).body("errors[0].field", equalTo("author"));
    }

    @Test
    void shouldLetOnlyAdminsManageTokens() {
        invalid(anonymous()).when().get("/api/v1/tokens").then().statusCode(401);
        withToken(createToken("editor", null)).when().get("/api/v1/tokens").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswer404ForAnUnknownToken() {
        admin().when().delete("/api/v1/tokens/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    private record Created(String id, String secret) {
    }

    private static Created create(String role) {
        var created = admin().body(Map.of("name", unique("token"), "role", role)).when().post("/api/v1/tokens")
                .then().statusCode(201).extract().jsonPath();
        return new Created(created.getString("id"), created.getString("token"));
    }

    /** The listed entry of the token with {@code id}, which must be listed exactly once. */
    private static ValidatableResponse token(String id) {
        return admin().when().get("/api/v1/tokens").then().statusCode(200)
                .body("data.findAll { it.id == '" + id + "' }", hasSize(1))
                .rootPath("data.find { it.id == '" + id + "' }");
    }
}
