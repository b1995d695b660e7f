package io.headline.security;

import static io.headline.Api.anonymous;
import static io.headline.Api.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.headline.OwnDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A server started without HEADLINE_ADMIN_TOKEN says that writes are off, and how to turn them on. */
@QuarkusTest
@TestProfile(NoAdminTokenTests.WithoutAdminToken.class)
class NoAdminTokenTests {

    public static class WithoutAdminToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OwnDatabase.with("no-admin-token", Map.of("headline.admin-token", "",
                    "headline.demo-content", "false"));
        }
    }

    @Test
    void shouldNameTheMissingAdminTokenInThe401OfAWrite() {
        invalid(anonymous()).header("Authorization", "Bearer change-me").contentType(ContentType.JSON)
                .body(Map.of("name", "Never")).when().post("/api/v1/categories")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"headline\""))
                .body("detail", equalTo("The API token is not valid. This server was started without "
                        + "HEADLINE_ADMIN_TOKEN, so it has no admin token: to write, restart it with "
                        + "HEADLINE_ADMIN_TOKEN=<a long random secret> and send that secret as "
                        + "'Authorization: Bearer <secret>'."));
    }

    @Test
    void shouldStillAskForATokenWhenNoneIsSent() {
        invalid(anonymous()).contentType(ContentType.JSON).body(Map.of("name", "Never")).when().post("/api/v1/categories")
                .then().statusCode(401)
                .body("detail", equalTo("This operation needs an API token: send 'Authorization: Bearer <token>'."));
    }

    @Test
    void shouldServeReadsWithoutAnAdminToken() {
        anonymous().when().get("/api/v1/articles").then().statusCode(200);
    }

    @Test
    void shouldWarnAtStartUpOnlyWithoutAnAdminToken() {
        assertThat(AdminTokenNotice.notice(Optional.empty())).hasValueSatisfying(notice -> assertThat(notice)
                .startsWith("No HEADLINE_ADMIN_TOKEN is set: writes are off")
                .contains("restart with HEADLINE_ADMIN_TOKEN="));
        assertThat(AdminTokenNotice.notice(Optional.of("  "))).isPresent();
        assertThat(AdminTokenNotice.notice(Optional.of("a-secret"))).isEmpty();
    }
}
