package io.headline.security;

import static io.headline.Api.anonymous;
import static io.headline.Api.createToken;
import static io.headline.Api.invalid;
import static io.headline.Api.withToken;
import static org.hamcrest.Matchers.equalTo;

import io.headline.OwnDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With public reads switched off, every read needs at least a content token, like a delivery API key. */
@QuarkusTest
@TestProfile(PrivateReadsTests.PublicReadsOff.class)
class PrivateReadsTests {

    public static class PublicReadsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OwnDatabase.with("private-reads", Map.of("headline.public-reads", "false",
                    "headline.demo-content", "false"));
        }
    }

    @Test
    void shouldRefuseAnonymousReads() {
        invalid(anonymous()).when().get("/api/v1/articles").then().statusCode(401)
                .body("type", equalTo("/problems/unauthorized"));
        invalid(anonymous()).when().get("/api/v1/search?q=x").then().statusCode(401);
        invalid(anonymous()).when().get("/feeds/rss.xml").then().statusCode(401);
        invalid(anonymous()).when().get("/sitemap.xml").then().statusCode(401);
    }

    @Test
    void shouldServeReadsToAContentToken() {
        withToken(createToken("content", null)).when().get("/api/v1/articles").then().statusCode(200);
    }
}
