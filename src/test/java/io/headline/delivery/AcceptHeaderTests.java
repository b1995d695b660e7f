package io.headline.delivery;

import static io.headline.Api.ADMIN_TOKEN;
import static io.headline.Api.createArticle;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.headline.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What generated clients send: the media types of the operation's documented responses, and only those. */
@QuarkusTest
class AcceptHeaderTests {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldDeleteForAClientThatAcceptsOnlyProblems() {
        String id = (String) createArticle("draft").get("id");

        admin(PROBLEM).when().delete("/api/v1/articles/" + id).then().statusCode(204);
        Api.anonymous().header("Authorization", "Bearer " + ADMIN_TOKEN).when().get("/api/v1/articles/" + id)
                .then().statusCode(404);
    }

    @Test
    void shouldRevokeATokenForAClientThatAcceptsOnlyProblems() {
        String id = Api.admin().body(Map.of("name", Api.unique("token"), "role", "content"))
                .when().post("/api/v1/tokens").then().statusCode(201).extract().path("id");

        admin(PROBLEM).when().delete("/api/v1/tokens/" + id).then().statusCode(204);
    }

    @Test
    void shouldAnswerTheProblemToAClientThatAcceptsOnlyProblems() {
        given().accept(PROBLEM).when().get("/api/v1/articles/no-such-article")
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        admin(PROBLEM).when().delete("/api/v1/articles/no-such-article")
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
    }

    @Test
    void shouldSendJsonWhateverTheAcceptHeaderSays() {
        String slug = (String) createArticle("published").get("slug");

        // Off the contract (no documented response is HTML), so the request is marked as such; the response is checked.
        Api.invalid(given().accept("text/html")).when().get("/api/v1/articles/" + slug)
                .then().statusCode(200).contentType("application/json").body("slug", equalTo(slug));
    }

    private static RequestSpecification admin(String accept) {
        return given().accept(accept).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }
}
