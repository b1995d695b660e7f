package io.headline.delivery;

import static io.headline.Api.anonymous;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CompressionTests {

    @Test
    void shouldGzipAListForAClientThatAcceptsIt() {
        // REST Assured decompresses the body, so the JSON is still checked against the contract.
        anonymous().header("Accept-Encoding", "gzip").when().get("/api/v1/articles")
                .then().statusCode(200).header("Content-Encoding", "gzip").body("meta.page", equalTo(1));
    }

    @Test
    void shouldSendBrotliToAClientThatPrefersIt() {
        // REST Assured cannot decode brotli, so the contract filter could not read the JSON.
        given().noFilters().header("Accept-Encoding", "br").when().get("/api/v1/categories")
                .then().statusCode(200).header("Content-Encoding", "br");
    }
}
