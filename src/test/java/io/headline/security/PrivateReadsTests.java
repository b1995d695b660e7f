package io.headline.security;

import static io.headline.Api.anonymous;
import static io.headline.Api.createToken;
import static io.headline.Api.invalid;
import static io.headline.Api.withToken;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With public reads switched off, every read needs at least a content token, like a delivery API key. */
@QuarkusTest
@TestProfile(PrivateReadsTests.PublicReadsOff.class)
class PrivateReadsTests {

    public static class PublicReadsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(Map.of("headline.public-reads", "false",
                    "headline.demo-content", "false"));
            // An embedded test database of its own: H2 refuses inserts into a database that outlived a restart.
            String url = System.getProperty("quarkus.datasource.jdbc.url", "");
            if (url.startsWith("jdbc:h2:mem:")) {
                overrides.put("quarkus.datasource.jdbc.url", url.replaceFirst("jdbc:h2:mem:[^;]+", "jdbc:h2:mem:private-reads"));
            }
            return overrides;
        }
    }

    @Test
    void shouldRefuseAnonymousReads() {
        invalid(anonymous()).when().get("/api/v1/articles").then().statusCode(401)
                .body("type", equalTo("/problems/unauthorized"));
        invalid(anonymous()).when().get("/api/v1/search?q=x").then().statusCode(401);
    }

    @Test
    void shouldServeReadsToAContentToken() {
        withToken(createToken("content", null)).when().get("/api/v1/articles").then().statusCode(200);
    }
}
