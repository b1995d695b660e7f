package io.headline.locale;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createCategory;
import static io.headline.Api.invalid;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.headline.RecordedStatements;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Categories' and authors' names, descriptions and bios in several locales (headline.locales=en,de,de-AT:de,fr): the
 * row's own text is the default locale's, translations hold the others, and a read serves the best along the chain.
 * A category or author is never hidden for want of a translation, not even with fallback=none: it is served in the
 * default locale's text, and says so (locale, Content-Language).
 */
@QuarkusTest
@TestProfile(LocalizationTests.FourLocales.class)
class NameTranslationTests {

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    private static Map<String, Object> translateCategory(Object idOrSlug, String locale, String name) {
        Map<String, Object> input = new HashMap<>(Map.of("name", name, "description", "Beschreibung " + name));
        return admin().body(input).when().put("/api/v1/categories/{id}/translations/{locale}", idOrSlug, locale)
                .then().statusCode(200).body("locale", equalTo(locale)).body("name", equalTo(name))
                .extract().jsonPath().getMap("");
    }

    private static void translateAuthor(Object idOrSlug, String locale, String name) {
        admin().body(Map.of("name", name, "bio", "Bio " + name))
                .when().put("/api/v1/authors/{id}/translations/{locale}", idOrSlug, locale)
                .then().statusCode(200).body("locale", equalTo(locale)).body("name", equalTo(name));
    }

    @Test
    void shouldServeATranslatedCategoryAndFallBackAlongTheChain() {
        Map<String, Object> category = createCategory();
        String german = unique("Kategorie");
        translateCategory(category.get("id"), "de", german);

        anonymous().queryParam("locale", "de").when().get("/api/v1/categories/{slug}", category.get("slug"))
                .then().statusCode(200).header("Content-Language", "de").body("locale", equalTo("de"))
                .body("name", equalTo(german)).body("description", equalTo("Beschreibung " + german))
                .body("slug", equalTo(category.get("slug")));
        anonymous().queryParam("locale", "de-AT").when().get("/api/v1/categories/{slug}", category.get("slug"))
                .then().statusCode(200).header("Content-Language", "de").body("locale", equalTo("de"))
                .body("name", equalTo(german));
        anonymous().queryParam("locale", "fr").when().get("/api/v1/categories/{slug}", category.get("slug"))
                .then().statusCode(200).header("Content-Language", "en").body("locale", equalTo("en"))
                .body("name", equalTo(category.get("name")));
        anonymous().when().get("/api/v1/categories/{slug}", category.get("slug"))
                .then().statusCode(200).body("locale", equalTo("en")).body("name", equalTo(category.get("name")));
    }

    @Test
    void shouldServeTheDefaultTextWithoutFallbackRatherThanHideTheCategory() {
        Map<String, Object> category = createCategory();
        translateCategory(category.get("id"), "de", unique("Kategorie"));

        anonymous().queryParam("locale", "de-AT").queryParam("fallback", "none")
                .when().get("/api/v1/categories/{slug}", category.get("slug")).then().statusCode(200)
                .header("Content-Language", "en").body("locale", equalTo("en"))
                .body("name", equalTo(category.get("name")));
    }

    @Test
    void shouldChooseTheCategorysTextByAcceptLanguage() {
        Map<String, Object> category = createCategory();
        String german = unique("Kategorie");
        translateCategory(category.get("id"), "de", german);

        anonymous().header("Accept-Language", "de-CH, de;q=0.9, en;q=0.5")
                .when().get("/api/v1/categories/{id}", category.get("id")).then().statusCode(200)
                .header("Content-Language", "de").header("Vary", containsString("Accept-Language"))
                .body("name", equalTo(german));
        anonymous().header("Accept-Language", "fr, en;q=0.5")
                .when().get("/api/v1/categories/{id}", category.get("id")).then().statusCode(200)
                .header("Content-Language", "en").body("name", equalTo(category.get("name")));
    }

    @Test
    void shouldListCategoriesWithTheirParentsInTheLocaleAskedFor() {
        Map<String, Object> parent = createCategory();
        Map<String, Object> child = createCategory(Map.of("name", unique("Child"), "parent", parent.get("slug")));
        String germanParent = unique("Eltern");
        String germanChild = unique("Kind");
        translateCategory(parent.get("id"), "de", germanParent);
        translateCategory(child.get("id"), "de", germanChild);

        anonymous().queryParam("locale", "de").queryParam("sort", "-createdAt").queryParam("size", 2)
                .when().get("/api/v1/categories").then().statusCode(200).header("Content-Language", "de")
                .body("data.name", equalTo(List.of(germanChild, germanParent)))
                .body("data[0].parent.name", equalTo(germanParent))
                .body("data.locale", equalTo(List.of("de", "de")));
        anonymous().queryParam("locale", "fr").queryParam("sort", "-createdAt").queryParam("size", 2)
                .when().get("/api/v1/categories").then().statusCode(200).header("Content-Language", "fr")
                .body("data.name", equalTo(List.of(child.get("name"), parent.get("name"))));
        anonymous().queryParam("locale", "de").when().get("/api/v1/categories/{id}", child.get("id"))
                .then().statusCode(200).body("parent.name", equalTo(germanParent));
    }

    @Test
    void shouldReadAPagesTranslationsInOneStatementAndNoneForTheDefaultLocale() {
        translateCategory(createCategory().get("id"), "de", unique("Kategorie"));

        statements.clear();
        admin().queryParam("locale", "de-AT").queryParam("size", 20).when().get("/api/v1/categories")
                .then().statusCode(200);
        assertThat(statements.all()).filteredOn(sql -> sql.contains("category_translation")).hasSize(1);
        statements.clear();
        admin().queryParam("locale", "en").when().get("/api/v1/authors").then().statusCode(200);
        assertThat(statements.all()).filteredOn(sql -> sql.contains("author_translation")).isEmpty();
    }

    @Test
    void shouldServeTheNewTextOnceATranslationIsRewritten() {
        Map<String, Object> category = createCategory();
        translateCategory(category.get("id"), "de", unique("Vorher"));
        anonymous().queryParam("locale", "de").when().get("/api/v1/categories/{id}", category.get("id"))
                .then().statusCode(200);

        String after = unique("Nachher");
        translateCategory(category.get("slug"), "de", after);

        anonymous().queryParam("locale", "de").when().get("/api/v1/categories/{id}", category.get("id"))
                .then().statusCode(200).body("name", equalTo(after));
        admin().when().get("/api/v1/categories/{id}/translations", category.get("id")).then().statusCode(200)
                .body("data.locale", equalTo(List.of("de"))).body("data[0].name", equalTo(after));
    }

    @Test
    void shouldTranslateAnAuthorsNameAndBio() {
        Map<String, Object> author = createAuthor();
        String german = unique("Autorin");
        translateAuthor(author.get("slug"), "de", german);

        anonymous().queryParam("locale", "de-AT").when().get("/api/v1/authors/{slug}", author.get("slug"))
                .then().statusCode(200).header("Content-Language", "de").body("locale", equalTo("de"))
                .body("name", equalTo(german)).body("bio", equalTo("Bio " + german));
        admin().queryParam("locale", "de").when().get("/api/v1/authors/{id}", author.get("id"))
                .then().statusCode(200).body("name", equalTo(german)).body("email", equalTo(author.get("email")));
        anonymous().queryParam("locale", "fr").when().get("/api/v1/authors/{id}", author.get("id"))
                .then().statusCode(200).body("locale", equalTo("en")).body("name", equalTo(author.get("name")));
        anonymous().queryParam("locale", "de").queryParam("sort", "-createdAt").queryParam("size", 1)
                .when().get("/api/v1/authors").then().statusCode(200).body("data.name", equalTo(List.of(german)));
    }

    @Test
    void shouldListDeleteAndReplaceAnAuthorsTranslations() {
        Map<String, Object> author = createAuthor();
        translateAuthor(author.get("id"), "fr", unique("Auteur"));
        translateAuthor(author.get("id"), "de", unique("Autor"));

        admin().when().get("/api/v1/authors/{id}/translations", author.get("slug")).then().statusCode(200)
                .body("data.locale", equalTo(List.of("de", "fr")));
        admin().when().delete("/api/v1/authors/{id}/translations/{locale}", author.get("id"), "fr")
                .then().statusCode(204);
        admin().when().delete("/api/v1/authors/{id}/translations/{locale}", author.get("id"), "fr")
                .then().statusCode(404).contentType("application/problem+json");
        anonymous().queryParam("locale", "fr").when().get("/api/v1/authors/{id}", author.get("id"))
                .then().statusCode(200).body("name", equalTo(author.get("name")));
        admin().when().get("/api/v1/authors/{id}/translations", author.get("id")).then().statusCode(200)
                .body("data.locale", equalTo(List.of("de")));
    }

    @Test
    void shouldDeleteACategorysTranslationAndFallBackToTheDefault() {
        Map<String, Object> category = createCategory();
        translateCategory(category.get("id"), "de", unique("Kategorie"));

        admin().when().delete("/api/v1/categories/{id}/translations/{locale}", category.get("slug"), "DE")
                .then().statusCode(204);

        anonymous().queryParam("locale", "de").when().get("/api/v1/categories/{id}", category.get("id"))
                .then().statusCode(200).body("locale", equalTo("en")).body("name", equalTo(category.get("name")));
        admin().when().get("/api/v1/categories/{id}/translations", category.get("id")).then().statusCode(200)
                .body("data", equalTo(List.of()));
        admin().when().delete("/api/v1/categories/{id}/translations/{locale}", category.get("id"), "de")
                .then().statusCode(404).contentType("application/problem+json");
        admin().when().delete("/api/v1/categories/{id}/translations/{locale}", "no-such-category", "de")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseATranslatedNameAnotherCategoryHasInThatLocale() {
        Map<String, Object> first = createCategory();
        Map<String, Object> second = createCategory();
        String german = unique("Doppelt");
        translateCategory(first.get("id"), "de", german);

        admin().body(Map.of("name", german.toUpperCase()))
                .when().put("/api/v1/categories/{id}/translations/{locale}", second.get("id"), "de")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("'de'"));
        // Another locale, or the same category again, is free to have it.
        translateCategory(second.get("id"), "fr", german);
        translateCategory(first.get("id"), "de", german);
    }

    @Test
    void shouldRefuseTranslationsIntoTheDefaultOrAnUnknownLocaleWith422() {
        Map<String, Object> category = createCategory();
        Map<String, Object> author = createAuthor();

        admin().body(Map.of("name", "Categoria"))
                .when().put("/api/v1/categories/{id}/translations/{locale}", category.get("id"), "it")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("locale"))
                .body("errors[0].message", containsString("en, de, de-AT, fr"));
        admin().body(Map.of("name", "Category"))
                .when().put("/api/v1/categories/{id}/translations/{locale}", category.get("id"), "en")
                .then().statusCode(422).body("errors[0].message", containsString("on the category itself"));
        admin().body(Map.of("name", "Author"))
                .when().put("/api/v1/authors/{id}/translations/{locale}", author.get("id"), "en")
                .then().statusCode(422).body("errors[0].message", containsString("on the author itself"));
        admin().when().delete("/api/v1/authors/{id}/translations/{locale}", author.get("id"), "it")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void shouldValidateATranslationAsTheCategoryItself() {
        Map<String, Object> category = createCategory();
        Map<String, Object> author = createAuthor();

        invalid(admin()).body(Map.of("name", " "))
                .when().put("/api/v1/categories/{id}/translations/{locale}", category.get("id"), "de")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("name")));
        invalid(admin()).body(Map.of("name", "x".repeat(201)))
                .when().put("/api/v1/authors/{id}/translations/{locale}", author.get("id"), "de")
                .then().statusCode(422).contentType("application/problem+json");
        invalid(admin()).body(Map.of("name", "Name", "bio", "x".repeat(5001)))
                .when().put("/api/v1/authors/{id}/translations/{locale}", author.get("id"), "de")
                .then().statusCode(422).contentType("application/problem+json");
        admin().body(Map.of("name", "Name"))
                .when().put("/api/v1/categories/{id}/translations/{locale}", "no-such-category", "de")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerBadLocaleParametersWithProblems() {
        Map<String, Object> category = createCategory();

        invalid(anonymous()).queryParam("locale", "it").when().get("/api/v1/categories/{id}", category.get("id"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("en, de, de-AT, fr"));
        invalid(anonymous()).queryParam("locale", "*").when().get("/api/v1/authors")
                .then().statusCode(400).contentType("application/problem+json");
        invalid(anonymous()).queryParam("fallback", "maybe").when().get("/api/v1/categories")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldKeepTranslationsForEditors() {
        Map<String, Object> category = createCategory();

        invalid(anonymous()).when().get("/api/v1/categories/{id}/translations", category.get("id"))
                .then().statusCode(401).contentType("application/problem+json");
        invalid(anonymous()).contentType("application/json").body(Map.of("name", "Kategorie"))
                .when().put("/api/v1/categories/{id}/translations/{locale}", category.get("id"), "de")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
