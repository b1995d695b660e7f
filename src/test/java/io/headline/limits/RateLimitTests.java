package io.headline.limits;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.createToken;
import static io.headline.Api.withToken;
import static io.headline.Api.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static io.restassured.RestAssured.given;

import io.headline.Metrics;
import io.headline.OwnDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.http.conn.params.ConnRoutePNames;
import org.junit.jupiter.api.Test;

/**
 * The limiter at work, with quotas small enough to reach. Each test calls from its own client address, given in
 * X-Forwarded-For as the trusted proxy (127.0.0.1, where the tests connect from) would, so that no test spends
 * another's quota. A test that connects from elsewhere in 127.0.0.0/8 is a client that is not a trusted proxy.
 */
@QuarkusTest
@TestProfile(RateLimitTests.SmallQuotas.class)
class RateLimitTests {

    public static class SmallQuotas implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return OwnDatabase.with("rate-limits", Map.of(
                    "headline.rate-limit.anonymous", "3",
                    "headline.rate-limit.token", "5",
                    "headline.rate-limit.roles.preview", "2",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", TRUSTED_PROXY));
        }
    }

    private static final String TRUSTED_PROXY = "127.0.0.1";
    private static final String UNTRUSTED_PEER = "127.0.0.2";

    @Test
    void shouldCountTheAddressATrustedProxyForwards() {
        spend("203.0.113.40", 3);

        from("203.0.113.41", connectingFrom(TRUSTED_PROXY, anonymous())).when().get("/api/v1/categories")
                .then().statusCode(200).header("RateLimit", matchesPattern("\"anonymous\";r=2;t=[0-9]+"));
    }

    @Test
    void shouldCountAClientThatIsNotATrustedProxyByItsOwnAddressWhateverItForwards() {
        for (int i = 0; i < 3; i++) {
            from("198.51.100." + i, connectingFrom(UNTRUSTED_PEER, anonymous())).when().get("/api/v1/categories")
                    .then().statusCode(200);
        }

        from("198.51.100.3", connectingFrom(UNTRUSTED_PEER, anonymous())).when().get("/api/v1/categories")
                .then().statusCode(429);
    }

    @Test
    void shouldCountAContentKeyPerAddressSoThatAThirdPartyUsingItSpendsOnlyItsOwnShare() {
        String key = createToken("content", null);
        // The third party found the key in the front end's pages and calls the Ghost Content API with it.
        for (int i = 0; i < 5; i++) {
            from("203.0.113.51", given().noFilters()).queryParam("key", key).when().get("/ghost/api/content/posts/")
                    .then().statusCode(200);
        }
        from("203.0.113.51", given().noFilters()).queryParam("key", key).when().get("/ghost/api/content/posts/")
                .then().statusCode(429);

        from("203.0.113.50", withToken(key)).when().get("/api/v1/categories")
                .then().statusCode(200)
                .header("RateLimit-Policy", "\"content\";q=5;w=60")
                .header("RateLimit", matchesPattern("\"content\";r=4;t=[0-9]+"));
    }

    @Test
    void shouldSayInA429ThatAContentKeyIsCountedPerAddress() {
        String key = createToken("content", null);
        for (int i = 0; i < 5; i++) {
            from("203.0.113.52", withToken(key)).when().get("/api/v1/categories").then().statusCode(200);
        }

        from("203.0.113.52", withToken(key)).when().get("/api/v1/categories")
                .then().statusCode(429)
                .body("detail", startsWith("This content key, from this address, has used its 5 requests"));
    }

    @Test
    void shouldCountDownTheQuotaOfAnAnonymousClient() {
        for (int left = 2; left >= 0; left--) {
            from("203.0.113.1", anonymous()).when().get("/api/v1/categories")
                    .then().statusCode(200)
                    .header("RateLimit-Policy", "\"anonymous\";q=3;w=60")
                    .header("RateLimit", matchesPattern("\"anonymous\";r=" + left + ";t=[0-9]+"));
        }
    }

    @Test
    void shouldAnswer429WithRetryAfterOnceTheQuotaIsUsed() {
        spend("203.0.113.2", 3);

        from("203.0.113.2", anonymous()).when().get("/api/v1/categories")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Policy", "\"anonymous\";q=3;w=60")
                .header("RateLimit", matchesPattern("\"anonymous\";r=0;t=[0-9]+"))
                .body("type", equalTo("/problems/too-many-requests"))
                .body("status", equalTo(429));
    }

    @Test
    void shouldCountRefusalsByQuotaInTheMetrics() {
        double before = Metrics.value("headline_rate_limit_refusals_total", "quota=\"anonymous\"");
        spend("203.0.113.20", 3);

        from("203.0.113.20", anonymous()).when().get("/api/v1/categories").then().statusCode(429);

        assertThat(Metrics.value("headline_rate_limit_refusals_total", "quota=\"anonymous\"")).isEqualTo(before + 1);
    }

    @Test
    void shouldNameTheRequestInA429() {
        spend("203.0.113.21", 3);

        Response refused = from("203.0.113.21", anonymous()).when().get("/api/v1/categories");

        refused.then().statusCode(429).body("requestId", equalTo(refused.header("X-Request-Id")));
    }

    @Test
    void shouldCountEachClientApart() {
        spend("203.0.113.3", 3);

        from("203.0.113.4", anonymous()).when().get("/api/v1/categories").then().statusCode(200);
    }

    @Test
    void shouldCountATokenByItselfWhateverItsAddress() {
        spend("203.0.113.5", 3);

        from("203.0.113.5", admin()).when().get("/api/v1/categories")
                .then().statusCode(200)
                .header("RateLimit-Policy", "\"token\";q=5;w=60");
    }

    @Test
    void shouldCountAnInvalidTokenAgainstItsAddress() {
        // Authors are read with the caller's identity, so a token that is not valid is refused there.
        for (int i = 0; i < 3; i++) {
            from("203.0.113.6", invalid(anonymous())).header("Authorization", "Bearer guess-" + i)
                    .when().get("/api/v1/authors")
                    .then().statusCode(401)
                    .header("RateLimit", matchesPattern("\"anonymous\";r=" + (2 - i) + ";t=[0-9]+"));
        }

        from("203.0.113.6", invalid(anonymous())).header("Authorization", "Bearer guess-3")
                .when().get("/api/v1/authors")
                .then().statusCode(429);
    }

    @Test
    void shouldGiveARoleItsOwnQuota() {
        String preview = createToken("preview", null);

        withToken(preview).when().get("/api/v1/categories")
                .then().statusCode(200).header("RateLimit-Policy", "\"preview\";q=2;w=60");
        withToken(preview).when().get("/api/v1/categories").then().statusCode(200);
        invalid(withToken(preview)).when().get("/api/v1/categories").then().statusCode(429);
    }

    private static void spend(String address, int requests) {
        for (int i = 0; i < requests; i++) {
            from(address, anonymous()).when().get("/api/v1/categories").then().statusCode(200);
        }
    }

    private static RequestSpecification from(String address, RequestSpecification request) {
        return request.header("X-Forwarded-For", address);
    }

    /** A request whose connection comes from {@code localAddress}, an address of this machine. */
    private static RequestSpecification connectingFrom(String localAddress, RequestSpecification request) {
        try {
            return request.config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam(ConnRoutePNames.LOCAL_ADDRESS, InetAddress.getByName(localAddress))));
        } catch (UnknownHostException notAnAddress) {
            throw new IllegalArgumentException(notAnAddress);
        }
    }
}
