package io.headline.limits;

import static io.headline.Api.anonymous;

import io.headline.OwnDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Address forwarding switched on without saying which proxies to trust, as the README once advised: Quarkus would then
 * take X-Forwarded-For from anyone, so the rate limiter counts the connection's peer instead.
 */
@QuarkusTest
@TestProfile(UntrustedForwardingTests.ForwardingWithoutTrustedProxies.class)
class UntrustedForwardingTests {

    public static class ForwardingWithoutTrustedProxies implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return OwnDatabase.with("untrusted-forwarding", Map.of(
                    "headline.rate-limit.anonymous", "3",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true"));
        }
    }

    @Test
    void shouldCountTheConnectionsPeerWhateverAddressTheClientForwards() {
        for (int i = 0; i < 3; i++) {
            anonymous().header("X-Forwarded-For", "198.51.100." + i).when().get("/api/v1/categories")
                    .then().statusCode(200);
        }

        anonymous().header("X-Forwarded-For", "198.51.100.3").when().get("/api/v1/categories")
                .then().statusCode(429);
    }
}
