package io.headline.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.headline.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTests {

    @Test
    void shouldReportLiveness() {
        given().noFilters().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldIncludeTheDatabaseInReadiness() {
        given().noFilters().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void shouldExposePerRouteTimingsForPrometheus() {
        given().noFilters().when().get("/api/v1/articles/{slug}", "extraction-sequel-in-the-works").then().statusCode(200);

        given().noFilters().when().get(Metrics.url())
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("uri=\"/api/v1/articles/{idOrSlug}\""));
    }

    @Test
    void shouldKeepTheMetricsOffThePublicPort() {
        given().noFilters().when().get("/q/metrics").then().statusCode(404);
    }
}
