package io.headline.category;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createCategory;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.headline.RecordedStatements;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CategoryResourceTests {

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    @Test
    void shouldReadNoTranslationsWithOneLocaleConfigured() {
        createCategory();
        statements.clear();

        admin().header("Accept-Language", "de").when().get("/api/v1/categories").then().statusCode(200)
                .header("Content-Language", "en").body("data[0].locale", equalTo("en"));

        assertThat(statements.all()).filteredOn(sql -> sql.contains("_translation")).isEmpty();
    }

    @Test
    void shouldCreateChildCategoryNamingItsParentBySlug() {
        Map<String, Object> parent = createCategory();

        admin().body(Map.of("name", unique("Child"), "parent", parent.get("slug")))
                .when().post("/api/v1/categories")
                .then().statusCode(201)
                .body("parent.id", equalTo(parent.get("id")))
                .body("parent.slug", equalTo(parent.get("slug")))
                .body("parent.name", equalTo(parent.get("name")));
    }

    @Test
    void shouldRefuseAParentCycleWith409() {
        Map<String, Object> top = createCategory();
        Map<String, Object> middle = createCategory(Map.of("name", unique("Middle"), "parent", top.get("slug")));
        Map<String, Object> bottom = createCategory(Map.of("name", unique("Bottom"), "parent", middle.get("id")));

        admin().contentType("application/merge-patch+json").body(Map.of("parent", bottom.get("slug")))
                .when().patch("/api/v1/categories/{slug}", top.get("slug"))
                .then().statusCode(409).contentType("application/problem+json");
        admin().contentType("application/merge-patch+json").body(Map.of("parent", top.get("slug")))
                .when().patch("/api/v1/categories/{slug}", top.get("slug"))
                .then().statusCode(409);
        anonymous().when().get("/api/v1/categories/{slug}", top.get("slug"))
                .then().statusCode(200).body("parent", nullValue());
    }

    @Test
    void shouldMoveACategoryToTopLevelWithANullParent() {
        Map<String, Object> parent = createCategory();
        Map<String, Object> child = createCategory(Map.of("name", unique("Child"), "parent", parent.get("slug")));
        Map<String, Object> patch = new HashMap<>();
        patch.put("parent", null);

        admin().contentType("application/merge-patch+json").body(patch)
                .when().patch("/api/v1/categories/{id}", child.get("id"))
                .then().statusCode(200).body("parent", nullValue());
    }

    @Test
    void shouldRefuseDuplicateNameIgnoringCaseWith409() {
        Map<String, Object> existing = createCategory();

        admin().body(Map.of("name", ((String) existing.get("name")).toUpperCase()))
                .when().post("/api/v1/categories")
                .then().statusCode(409).body("type", equalTo("/problems/conflict"));
    }

    @Test
    void shouldRefuseUnknownParentWith422() {
        admin().body(Map.of("name", unique("Orphan"), "parent", "no-such-category"))
                .when().post("/api/v1/categories")
                .then().statusCode(422).body("errors[0].field", equalTo("parent"));
    }

    @Test
    void shouldRefuseDeletingACategoryThatHoldsArticles() {
        Map<String, Object> input = articleInput("draft");
        createArticle(input);

        admin().when().delete("/api/v1/categories/{slug}", input.get("category"))
                .then().statusCode(409)
                .body("detail", equalTo("Category '" + input.get("category") + "' holds 1 article(s); move or delete them first."));
    }

    @Test
    void shouldRefuseDeletingACategoryWithSubcategories() {
        Map<String, Object> parent = createCategory();
        createCategory(Map.of("name", unique("Child"), "parent", parent.get("slug")));

        admin().when().delete("/api/v1/categories/{id}", parent.get("id")).then().statusCode(409);
    }

    @Test
    void shouldDeleteAnEmptyCategory() {
        Map<String, Object> category = createCategory();

        admin().when().delete("/api/v1/categories/{id}", category.get("id")).then().statusCode(204);
        anonymous().when().get("/api/v1/categories/{id}", category.get("id")).then().statusCode(404);
    }

    @Test
    void shouldListCategoriesWithPageMeta() {
        createCategory();

        anonymous().queryParam("page", 1).queryParam("size", 1).when().get("/api/v1/categories")
                .then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("meta.size", equalTo(1));
    }
}
