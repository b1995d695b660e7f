package io.headline.common.json;

import static io.headline.Api.admin;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createCategory;
import static io.headline.Api.invalid;
import static io.headline.Api.unique;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Headline reads as a JSON body: one value, each member once, text both databases store, instants in years
 * 0001 to 9999. Anything else is a 4xx problem that says what is wrong and where, never a 500 nor a silent change.
 */
@QuarkusTest
class StrictJsonTests {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void shouldAnswerANullMergePatchWith422() {
        String id = (String) createArticle("draft").get("id");

        invalid(admin()).contentType(MERGE_PATCH).body("null").when().patch("/api/v1/articles/{id}", id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("$"))
                .body("errors[0].message", equalTo("must not be null"));
    }

    @Test
    void shouldAnswerANullJsonPatchOfACategoryWith422() {
        String slug = (String) createCategory().get("slug");

        invalid(admin()).body("null").when().patch("/api/v1/categories/{slug}", slug)
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseADuplicateMemberInATransitionWith400Problem() {
        String id = (String) createArticle("draft").get("id");

        malformed(invalid(admin()).body("{\"publishedAt\": \"2020-01-01T00:00:00Z\", "
                + "\"publishedAt\": \"2021-01-01T00:00:00Z\"}").when().post("/api/v1/articles/{id}/publish", id))
                .body("detail", equalTo("The request body is not well-formed JSON at line 1, column 54: "
                        + "Duplicate field 'publishedAt'."));
    }

    @Test
    void shouldRefuseADuplicateMemberOnCreate() {
        malformed(invalid(admin()).body("{\"name\": \"" + unique("a") + "\", \"name\": \"" + unique("b") + "\"}")
                .when().post("/api/v1/authors"));
    }

    @Test
    void shouldRefuseADuplicateMemberInAMergePatch() {
        String id = (String) createArticle("draft").get("id");

        malformed(invalid(admin()).contentType(MERGE_PATCH).body("{\"title\": \"A\", \"title\": \"B\"}")
                .when().patch("/api/v1/articles/{id}", id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "{}{}", "{} {\"name\": \"x\"}", "{} null"})
    void shouldRefuseContentAfterTheJsonValue(String trailer) {
        malformed(invalid(admin()).body(trailer.replace("{}", "{\"name\": \"" + unique("Category") + "\"}"))
                .when().post("/api/v1/categories"));
    }

    @Test
    void shouldRefuseContentAfterAMergePatch() {
        String slug = (String) createAuthor().get("slug");

        malformed(invalid(admin()).contentType(MERGE_PATCH).body("{\"bio\": \"x\"} {\"bio\": \"y\"}")
                .when().patch("/api/v1/authors/{slug}", slug));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": NaN}", "{\"name\": \"x\" /* note */}", "{\"name\": +1}", "{\"name\": \"x\"",
            "{\"name\": 01}", "{'name': 'x'}"})
    void shouldDescribeMalformedJsonWithoutNamingLibraryInternals(String body) {
        malformed(invalid(admin()).body(body).when().post("/api/v1/categories"))
                .body("detail", allOf(containsString(" at line 1, column "),
                        not(containsString("Feature")), not(containsString("`")), not(containsString("Source"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "a\\u0000b", "\\u001b[31m", "\\ud800", "a\\udc00b", "\\udbff"})
    void shouldRefuseTextNoDatabaseStoresAlikeWith422NamingTheField(String text) {
        invalid(admin()).body("{\"name\": \"" + text + "\"}").when().post("/api/v1/categories")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("must not contain control characters"));
    }

    @Test
    void shouldRefuseAControlCharacterInAListItemNamingIt() {
        Map<String, Object> input = articleInput("draft");
        input.put("tags", List.of("fine", "bad\u0000"));

        invalid(admin()).body(input).when().post("/api/v1/articles")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("tags[1]"));
    }

    @Test
    void shouldRefuseANulInAMergePatchNamingTheField() {
        String id = (String) createArticle("draft").get("id");

        invalid(admin()).contentType(MERGE_PATCH).body("{\"subtitle\": \"\\u0000\"}")
                .when().patch("/api/v1/articles/{id}", id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("subtitle"));
    }

    @Test
    void shouldKeepTabsNewlinesAndSurrogatePairs() {
        admin().body("{\"name\": \"" + unique("Cat") + "\", \"description\": \"a\\tb\\r\\nc \\ud83d\\ude00\"}")
                .when().post("/api/v1/categories")
                .then().statusCode(201)
                .body("description", equalTo("a\tb\r\nc \ud83d\ude00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"+999999999-12-31T23:59:59Z\"", "\"10000-01-01T00:00:00Z\"",
            "\"-0001-01-01T00:00:00Z\"", "\"0001-01-01T00:00:00+01:00\"", "1e308", "0", "1577836800",
            "\"2020-01-01T00:00:00\"", "true", "{}"})
    void shouldRefuseAnInstantOutsideTheStorableRangeOrNotAStringWith422(String publishedAt) {
        String id = (String) createArticle("draft").get("id");

        invalid(admin()).contentType(MERGE_PATCH).body("{\"publishedAt\": " + publishedAt + "}")
                .when().patch("/api/v1/articles/{id}", id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("publishedAt"))
                .body("errors[0].message", containsString("between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
    }

    @Test
    void shouldRefuseAnOutOfRangeInstantInATransition() {
        String id = (String) createArticle("draft").get("id");

        invalid(admin()).body("{\"publishedAt\": 1e308}").when().post("/api/v1/articles/{id}/schedule", id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("publishedAt"));
    }

    @Test
    void shouldRefuseAnOutOfRangeTokenExpiry() {
        invalid(admin()).body("{\"name\": \"t\", \"role\": \"content\", \"expiresAt\": \"+999999999-12-31T23:59:59Z\"}")
                .when().post("/api/v1/tokens")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("expiresAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2020-06-01T12:00:00+02:00"})
    void shouldAcceptInstantsAtTheEdgesOfTheRange(String publishedAt) {
        String id = (String) createArticle("draft").get("id");

        admin().contentType(MERGE_PATCH).body("{\"publishedAt\": \"" + publishedAt + "\"}")
                .when().patch("/api/v1/articles/{id}", id)
                .then().statusCode(200)
                .body("publishedAt", equalTo(OffsetDateTime.parse(publishedAt).toInstant().toString()));
    }

    private static ValidatableResponse malformed(Response response) {
        return response.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"));
    }
}
