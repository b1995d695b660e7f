package io.headline.author;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createAuthor;
import static io.headline.Api.invalid;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthorResourceTests {

    @Test
    void shouldCreateAuthorWithGeneratedSlug() {
        String suffix = unique("x");

        admin().body(Map.of("name", "Zoë Ångström " + suffix, "websiteUrl", "https://example.com/zoe"))
                .when().post("/api/v1/authors")
                .then().statusCode(201)
                .body("slug", equalTo("zoe-angstrom-" + suffix))
                .body("websiteUrl", equalTo("https://example.com/zoe"))
                .body("createdAt", notNullValue());
    }

    @Test
    void shouldShowEmailToAdminsOnly() {
        Map<String, Object> author = createAuthor();

        anonymous().when().get("/api/v1/authors/{slug}", author.get("slug"))
                .then().statusCode(200).body("$", not(hasKey("email")));
        anonymous().queryParam("size", 100).when().get("/api/v1/authors")
                .then().statusCode(200).body("data", everyItem(not(hasKey("email"))));
        admin().when().get("/api/v1/authors/{slug}", author.get("slug"))
                .then().statusCode(200).body("email", equalTo(author.get("email")));
    }

    @Test
    void shouldListAuthorsByName() {
        String prefix = unique("Byname");
        for (String name : List.of("c", "a", "b")) {
            admin().body(Map.of("name", prefix + " " + name)).when().post("/api/v1/authors").then().statusCode(201);
        }

        List<String> ours = everyAuthor().stream().map(author -> (String) author.get("name"))
                .filter(name -> name.startsWith(prefix)).toList();

        assertThat(ours).containsExactly(prefix + " a", prefix + " b", prefix + " c");
    }

    @Test
    void shouldRejectInvalidEmailAndUrls() {
        invalid(admin()).body(Map.of("name", unique("Bad"), "email", "not-an-email", "avatarUrl", "ftp://example.com/a.png"))
                .when().post("/api/v1/authors")
                .then().statusCode(422)
                .body("errors.field", equalTo(List.of("avatarUrl", "email")));
    }

    @Test
    void shouldPatchAuthorBio() {
        Map<String, Object> author = createAuthor();

        admin().contentType("application/merge-patch+json").body(Map.of("bio", "Writes things."))
                .when().patch("/api/v1/authors/{id}", author.get("id"))
                .then().statusCode(200)
                .body("bio", equalTo("Writes things."))
                .body("name", equalTo(author.get("name")));
    }

    @Test
    void shouldReplaceAuthorClearingOmittedFields() {
        Map<String, Object> author = createAuthor();

        admin().body(Map.of("name", "Renamed " + author.get("name")))
                .when().put("/api/v1/authors/{slug}", author.get("slug"))
                .then().statusCode(200)
                .body("slug", equalTo(author.get("slug")))
                .body("email", nullValue());
    }

    @Test
    void shouldRefuseDeletingACreditedAuthorWith409() {
        Map<String, Object> input = articleInput("draft");
        createArticle(input);
        String slug = (String) ((List<?>) input.get("authors")).get(0);

        admin().when().delete("/api/v1/authors/{slug}", slug)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Author '" + slug + "' is credited on 1 article(s); change or delete those first."));
        anonymous().when().get("/api/v1/authors/{slug}", slug).then().statusCode(200);
    }

    @Test
    void shouldDeleteAnUncreditedAuthor() {
        Map<String, Object> author = createAuthor();

        admin().when().delete("/api/v1/authors/{id}", author.get("id")).then().statusCode(204);
        assertThat(everyAuthor()).extracting(listed -> listed.get("id")).doesNotContain(author.get("id"));
        anonymous().when().get("/api/v1/authors/{id}", author.get("id")).then().statusCode(404);
    }

    /** Every listed author, page by page in the default order, so an assertion never hinges on one page. */
    private static List<Map<String, Object>> everyAuthor() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            var response = anonymous().queryParam("size", 100).queryParam("page", page).when().get("/api/v1/authors")
                    .then().statusCode(200).extract().jsonPath();
            all.addAll(response.getList("data"));
            if (page >= response.getInt("meta.totalPages")) {
                return all;
            }
        }
    }
}
