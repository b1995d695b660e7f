package io.headline.delivery;

import static io.headline.Api.anonymous;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CorsTests {

    private static final String ORIGIN = "https://front.example.com";

    @Test
    void shouldAllowAPreflightedReadFromAnyOrigin() {
        // A preflight is not an API operation, so it is not in the contract.
        given().noFilters().header("Origin", ORIGIN).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "If-None-Match")
                .when().options("/api/v1/articles")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("GET"))
                .header("Access-Control-Allow-Methods", not(containsString("POST")))
                .header("Access-Control-Allow-Headers", containsString("If-None-Match"))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
    }

    @Test
    void shouldExposeTheCachingHeadersToACrossOriginRead() {
        anonymous().header("Origin", ORIGIN).when().get("/api/v1/categories")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Surrogate-Key"))
                .header("Vary", containsString("Origin"));
    }
}
