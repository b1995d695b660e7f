package io.headline.versioning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Deprecation (RFC 9745) and Sunset (RFC 8594) on what is marked deprecated, and on nothing else. */
@QuarkusTest
class DeprecationHeadersTests {

    /** 2026-01-15T00:00:00Z. */
    private static final String JANUARY_15 = "@1768435200";

    @Test
    void shouldAnnounceADeprecatedOperationWithItsConfiguredSunset() {
        // Not in the contract (a test endpoint), so the contract filter is left out.
        given().noFilters().when().get("/api/v1/test-deprecations/old")
                .then().statusCode(200)
                .header("Deprecation", JANUARY_15)
                .header("Sunset", "Thu, 01 Jul 2027 00:00:00 GMT")
                .body("answer", equalTo("old"));
    }

    @Test
    void shouldAnnounceNoSunsetWhileItsEndIsUndecided() {
        given().noFilters().when().get("/api/v1/test-deprecations/undated")
                .then().statusCode(200)
                .header("Deprecation", "@1769904000")
                .header("Sunset", nullValue());
    }

    @Test
    void shouldAnnounceADeprecatedParameterOnlyToTheRequestsThatUseIt() {
        given().noFilters().queryParam("max", "5").when().get("/api/v1/test-deprecations/current")
                .then().statusCode(200)
                .header("Deprecation", JANUARY_15)
                .header("Sunset", nullValue())
                .body("limit", equalTo("5"));
        given().noFilters().queryParam("limit", "5").when().get("/api/v1/test-deprecations/current")
                .then().statusCode(200)
                .header("Deprecation", nullValue());
    }

    @Test
    void shouldAnnounceNothingOnTheApiToday() {
        given().noFilters().when().get("/api/v1/articles")
                .then().statusCode(200)
                .header("Deprecation", nullValue())
                .header("Sunset", nullValue());
    }
}
