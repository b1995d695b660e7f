package io.headline;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** What the tests say to the API: who is calling, and fixtures that build only what a test needs. */
public final class Api {

    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Api() {
    }

    /** What a well-behaved client accepts: JSON, and problem details when something goes wrong. */
    private static final String ACCEPT = "application/json, application/problem+json";

    public static RequestSpecification anonymous() {
        return given().accept(ACCEPT);
    }

    public static RequestSpecification admin() {
        return given().accept(ACCEPT).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    /** A caller holding {@code token}, which an admin created through the API. */
    public static RequestSpecification withToken(String token) {
        return given().accept(ACCEPT).contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** Creates an API token with {@code role} (for role author, writing as {@code authorSlug}) and returns its secret. */
    public static String createToken(String role, String authorSlug) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("name", unique("token"), "role", role));
        if (authorSlug != null) {
            input.put("author", authorSlug);
        }
        return admin().body(input).when().post("/api/v1/tokens").then().statusCode(201).extract().path("token");
    }

    /** A request that breaks the contract on purpose, to check the error it earns. */
    public static RequestSpecification invalid(RequestSpecification request) {
        return request.header(ContractValidation.INTENT_HEADER, ContractValidation.INVALID_REQUEST);
    }

    /** A word no other test uses, so fixtures never collide across tests or runs. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> createCategory(Map<String, Object> fields) {
        return admin().body(fields).when().post("/api/v1/categories")
                .then().statusCode(201).extract().jsonPath().getMap("");
    }

    public static Map<String, Object> createCategory() {
        return createCategory(Map.of("name", unique("Category")));
    }

    public static Map<String, Object> createAuthor() {
        return admin().body(Map.of("name", unique("Author"), "email", unique("a") + "@example.com"))
                .when().post("/api/v1/authors").then().statusCode(201).extract().jsonPath().getMap("");
    }

    /** A valid article body filed under a new category and credited to a new author. */
    public static Map<String, Object> articleInput(String status) {
        return new java.util.HashMap<>(Map.of(
                "title", unique("Article"),
                "status", status,
                "category", createCategory().get("slug"),
                "authors", List.of(createAuthor().get("slug"))));
    }

    public static Map<String, Object> createArticle(Map<String, Object> fields) {
        return admin().body(fields).when().post("/api/v1/articles")
                .then().statusCode(201).extract().jsonPath().getMap("");
    }

    public static Map<String, Object> createArticle(String status) {
        return createArticle(articleInput(status));
    }
}
