package io.headline.search;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createCategory;
import static io.headline.Api.invalid;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Full-text search, on the article list (q) and across types (/search): the same API on H2 and PostgreSQL. */
@QuarkusTest
class SearchTests {

    private static Map<String, Object> article(String tag, String title, String body, String status) {
        Map<String, Object> input = articleInput(status);
        input.put("tags", List.of(tag));
        input.put("title", title);
        input.put("body", body);
        return createArticle(input);
    }

    private static JsonPath search(String query) {
        return anonymous().when().get("/api/v1/articles?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldFindAnArticleByAnotherFormOfAWord() {
        String tag = unique("stem");
        Map<String, Object> found = article(tag, "Studio news", "The studio confirmed a sequel is planned.", "published");
        article(tag, "Other news", "Nothing related here.", "published");

        JsonPath result = search("q=sequels&tag=" + tag);

        assertThat(result.getList("data.slug", String.class)).containsExactly((String) found.get("slug"));
        assertThat(result.getString("data[0].snippet")).contains("<mark>sequel</mark>");
    }

    @Test
    void shouldRankTitleMatchesAboveBodyMatches() {
        String tag = unique("rank");
        Map<String, Object> inBody = article(tag, "A day out", "We walked along the harbour at dawn.", "published");
        Map<String, Object> inTitle = article(tag, "The harbour reopens", "Boats are back.", "published");

        List<String> ranked = search("q=harbour&tag=" + tag).getList("data.slug");

        assertThat(ranked).containsExactly((String) inTitle.get("slug"), (String) inBody.get("slug"));
    }

    @Test
    void shouldEscapeHtmlInSnippets() {
        String tag = unique("xss");
        article(tag, "Markup", "Before <script>alert('x')</script> the lighthouse & after.", "published");

        String snippet = search("q=lighthouse&tag=" + tag).getString("data[0].snippet");

        assertThat(snippet).contains("&lt;script&gt;", "<mark>lighthouse</mark>", "&amp;").doesNotContain("<script>");
    }

    @Test
    void shouldCombineSearchWithFiltersAndCursorPaging() {
        String tag = unique("paged");
        article(tag, "Orchard one", "Apples in the orchard.", "published");
        article(tag, "Orchard two", "Pears in the orchard.", "published");
        article(unique("elsewhere"), "Orchard three", "Plums in the orchard.", "published");

        JsonPath first = search("q=orchard&size=1&tag=" + tag);
        JsonPath second = anonymous().when().get(first.getString("links.next")).then().statusCode(200)
                .extract().jsonPath();

        assertThat(first.getInt("meta.totalItems")).isEqualTo(2);
        assertThat(List.of(first.getString("data[0].slug"), second.getString("data[0].slug"))).doesNotHaveDuplicates();
        assertThat(second.getString("meta.nextCursor")).isNull();
    }

    @Test
    void shouldNotFindUnpublishedArticles() {
        String tag = unique("hidden");
        article(tag, "Secret plans", "Embargoed until Monday.", "draft");

        assertThat(search("q=embargoed&tag=" + tag).getList("data")).isEmpty();
        assertThat(admin().when().get("/api/v1/articles?q=embargoed&tag=" + tag).then().statusCode(200)
                .extract().jsonPath().getList("data")).hasSize(1);
    }

    @Test
    void shouldRefuseRelevanceWithoutAQuery() {
        invalid(anonymous()).when().get("/api/v1/articles?sort=-relevance").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void shouldSearchAcrossTypesWithFacets() {
        String word = "quokka" + unique("x").replaceAll("[^a-z0-9]", "");
        Map<String, Object> category = createCategory(Map.of("name", "Wildlife " + word));
        admin().body(Map.of("name", "Dr " + word)).when().post("/api/v1/authors").then().statusCode(201);
        Map<String, Object> input = articleInput("published");
        input.put("title", "A " + word + " sighting");
        input.put("category", category.get("slug"));
        createArticle(input);

        anonymous().queryParam("q", word).when().get("/api/v1/search")
                .then().statusCode(200)
                .body("query", equalTo(word))
                .body("articles.data.size()", equalTo(1))
                .body("articles.data[0].snippet", org.hamcrest.Matchers.containsString("<mark>"))
                .body("authors.name", hasItem("Dr " + word))
                .body("categories.slug", hasItem(category.get("slug")))
                .body("facets.categories[0].slug", equalTo(category.get("slug")))
                .body("facets.categories[0].count", equalTo(1))
                .body("facets.authors.size()", equalTo(1));
    }

    @Test
    void shouldRequireAQueryToSearch() {
        invalid(anonymous()).when().get("/api/v1/search").then().statusCode(400).body("errors[0].field", equalTo("q"));
    }

    /** Input with nothing to search for (no letter or digit) matches nothing, on every database. */
    @ParameterizedTest
    @ValueSource(strings = {"'", "%", "_", "\\", "\uD83D\uDE00", "\u202E", "%_'\\", "--", "\"\""})
    void shouldAnswerAnEmptyResultForAQueryWithoutLettersOrDigits(String q) {
        anonymous().queryParam("q", q).when().get("/api/v1/articles")
                .then().statusCode(200).body("data.size()", equalTo(0)).body("meta.totalItems", equalTo(0));
        anonymous().queryParam("q", q).when().get("/api/v1/search")
                .then().statusCode(200).body("articles.data.size()", equalTo(0));
    }
}
