package io.headline.article;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createCategory;
import static io.headline.Api.invalid;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The delivery side of the article list: filters, sort, cursor paging, counts, sparse fields and includes. */
@QuarkusTest
class ArticleListTests {

    private static final Instant BASE = Instant.parse("2024-03-01T12:00:00Z");

    /** Creates published articles tagged {@code tag}, one a day back from BASE, and returns their slugs newest first. */
    private static List<String> publishTagged(String tag, int count) {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> input = articleInput("published");
            input.put("tags", List.of(tag));
            input.put("publishedAt", BASE.minus(i, ChronoUnit.DAYS).toString());
            slugs.add((String) createArticle(input).get("slug"));
        }
        return slugs;
    }

    private static List<String> slugs(String query) {
        return anonymous().when().get("/api/v1/articles?" + query).then().statusCode(200)
                .extract().jsonPath().getList("data.slug");
    }

    @Test
    void shouldFilterByCategoryAndOptionallyItsSubcategories() {
        Map<String, Object> parent = createCategory();
        Map<String, Object> child = createCategory(Map.of("name", unique("Child"), "parent", parent.get("slug")));
        Map<String, Object> grandchild = createCategory(Map.of("name", unique("Grandchild"), "parent", child.get("id")));
        List<String> inParent = new ArrayList<>();
        for (Map<String, Object> category : List.of(parent, child, grandchild)) {
            Map<String, Object> input = articleInput("published");
            input.put("category", category.get("slug"));
            inParent.add((String) createArticle(input).get("slug"));
        }

        assertThat(slugs("category=" + parent.get("slug"))).containsExactly(inParent.get(0));
        assertThat(slugs("category=" + parent.get("id") + "&includeSubcategories=true"))
                .containsExactlyInAnyOrderElementsOf(inParent);
        assertThat(slugs("category=no-such-category")).isEmpty();
    }

    @Test
    void shouldFilterByAuthor() {
        Map<String, Object> author = createAuthor();
        Map<String, Object> input = articleInput("published");
        input.put("authors", List.of(createAuthor().get("slug"), author.get("slug")));
        String credited = (String) createArticle(input).get("slug");
        createArticle("published");

        assertThat(slugs("author=" + author.get("slug"))).containsExactly(credited);
        assertThat(slugs("author=" + author.get("id"))).containsExactly(credited);
    }

    @Test
    void shouldFilterByAnyOfSeveralTags() {
        String red = unique("red");
        String blue = unique("blue");
        List<String> reds = publishTagged(red, 2);
        List<String> blues = publishTagged(blue, 1);
        publishTagged(unique("green"), 1);

        List<String> both = new ArrayList<>(reds);
        both.addAll(blues);
        assertThat(slugs("tag=" + red + "&tag=" + blue)).containsExactlyInAnyOrderElementsOf(both);
    }

    @Test
    void shouldFilterByPublicationWindowAndUpdateTime() {
        String tag = unique("window");
        List<String> newestFirst = publishTagged(tag, 5);

        assertThat(slugs("tag=" + tag + "&publishedAfter=" + BASE.minus(3, ChronoUnit.DAYS)
                + "&publishedBefore=" + BASE)).containsExactly(newestFirst.get(1), newestFirst.get(2));
        assertThat(slugs("tag=" + tag + "&updatedAfter=" + Instant.now().plus(1, ChronoUnit.DAYS))).isEmpty();
        assertThat(anonymous().queryParam("tag", tag).queryParam("updatedAfter", "2000-01-01T00:00:00+02:00")
                .when().get("/api/v1/articles").then().statusCode(200).extract().jsonPath().getList("data")).hasSize(5);
    }

    @Test
    void shouldFilterByFeatured() {
        String tag = unique("featured");
        Map<String, Object> input = articleInput("published");
        input.put("tags", List.of(tag));
        input.put("featured", true);
        String featured = (String) createArticle(input).get("slug");
        publishTagged(tag, 1);

        assertThat(slugs("tag=" + tag + "&featured=true")).containsExactly(featured);
        assertThat(slugs("tag=" + tag + "&featured=false")).hasSize(1).doesNotContain(featured);
    }

    @Test
    void shouldFilterByStatusOnlyForCallersWhoSeeUnpublishedContent() {
        String tag = unique("status");
        Map<String, Object> input = articleInput("draft");
        input.put("tags", List.of(tag));
        String draft = (String) createArticle(input).get("slug");
        publishTagged(tag, 1);

        List<String> drafts = admin().when().get("/api/v1/articles?status=draft&tag=" + tag)
                .then().statusCode(200).extract().jsonPath().getList("data.slug");
        assertThat(drafts).containsExactly(draft);
        invalid(anonymous()).when().get("/api/v1/articles?status=draft").then().statusCode(401);
        assertThat(slugs("status=published&tag=" + tag)).hasSize(1);
    }

    @Test
    void shouldSortByTitleWithTheIdAsTieBreaker() {
        String tag = unique("sorted");
        List<String> titles = List.of("Beta " + tag, "Alpha " + tag, "Beta " + tag);
        for (String title : titles) {
            Map<String, Object> input = articleInput("published");
            input.put("title", title);
            input.put("tags", List.of(tag));
            createArticle(input);
        }

        JsonPath page = anonymous().when().get("/api/v1/articles?sort=title&tag=" + tag).then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getList("data.title", String.class)).containsExactly("Alpha " + tag, "Beta " + tag, "Beta " + tag);
        List<String> ids = page.getList("data.id");
        assertThat(ids.get(1).compareTo(ids.get(2))).isNegative();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            sort=popularity                  | sort    | sortable: publishedAt, updatedAt, createdAt, title
            sort=title,title                 | sort    | names 'title' twice
            categroy=news                    | categroy | allowed: author, category, count
            fields=id,nonsense               | fields  | allowed: authors, body, bodyHtml, bodyText, category
            include=tags                     | include | allowed: authors, category
            publishedAfter=yesterday         | publishedAfter | ISO-8601
            featured=maybe                   | featured | true or false
            count=0                          | count   | true or false
            cursor=not-a-cursor              | cursor  | pass meta.nextCursor unchanged
            page=2&cursor=abc                | cursor  | cannot be combined with page
            """)
    void shouldAnswerABadParameterWith400NamingWhatIsAllowed(String query, String parameter, String message) {
        invalid(anonymous()).when().get("/api/v1/articles?" + query)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(parameter))
                .body("errors[0].message", containsString(message));
    }

    @Test
    void shouldReturnOnlyTheSelectedFieldsPlusTheId() {
        String tag = unique("sparse");
        publishTagged(tag, 1);

        Map<String, Object> item = anonymous().when().get("/api/v1/articles?fields=title,publishedAt&tag=" + tag)
                .then().statusCode(200).extract().jsonPath().getMap("data[0]");

        assertThat(item).containsOnlyKeys("id", "title", "publishedAt");
    }

    @Test
    void shouldReadARepeatedListParameterAsOneCommaSeparatedList() {
        String tag = unique("repeated");
        publishTagged(tag, 1);

        // The contract says comma-separated; a client that repeats array parameters instead is understood all the same.
        Map<String, Object> item = invalid(anonymous()).when()
                .get("/api/v1/articles?fields=title&fields=publishedAt&sort=title&sort=-publishedAt&tag=" + tag)
                .then().statusCode(200).extract().jsonPath().getMap("data[0]");

        assertThat(item).containsOnlyKeys("id", "title", "publishedAt");
    }

    @Test
    void shouldDocumentExactlyTheListValuesTheServerAccepts() {
        OpenAPI contract = new OpenAPIV3Parser().read("openapi.yaml");
        List<String> sortKeys = ArticleRepository.sortable(true, true).stream()
                .flatMap(f -> Stream.of(f.name(), "-" + f.name())).toList();

        for (Operation operation : List.of(contract.getPaths().get("/api/v1/articles").getGet(),
                contract.getPaths().get("/api/v1/articles/{idOrSlug}").getGet())) {
            assertThat(documentedValues(contract, operation, "fields")).isEqualTo(ArticleShape.FIELDS);
            assertThat(documentedValues(contract, operation, "include")).isEqualTo(ArticleShape.INCLUDES);
            assertThat(documentedValues(contract, operation, "formats")).containsExactlyInAnyOrderElementsOf(ArticleShape.FORMATS.keySet());
        }
        assertThat(documentedValues(contract, contract.getPaths().get("/api/v1/articles").getGet(), "sort"))
                .containsExactlyInAnyOrderElementsOf(sortKeys);
    }

    private static List<Object> documentedValues(OpenAPI contract, Operation operation, String name) {
        Parameter parameter = operation.getParameters().stream().filter(p -> p.getName().equals(name)).findFirst()
                .orElseThrow();
        assertThat(parameter.getExplode()).as(name + " is comma-separated").isFalse();
        // A named schema, so that generators which make classes type the values (an inline enum is a plain string).
        String items = parameter.getSchema().getItems().get$ref();
        assertThat(items).as(name + "'s values are a named schema").isNotNull();
        return List.copyOf(contract.getComponents().getSchemas().get(items.replaceFirst(".*/", "")).getEnum());
    }

    @Test
    void shouldCombineFieldsWithIncludes() {
        Map<String, Object> parent = createCategory();
        Map<String, Object> input = articleInput("published");
        input.put("category", createCategory(Map.of("name", unique("Sub"), "parent", parent.get("slug"))).get("slug"));
        String slug = (String) createArticle(input).get("slug");

        anonymous().when().get("/api/v1/articles/{slug}?fields=title,authors,category&include=authors,category", slug)
                .then().statusCode(200)
                .body("$", not(hasKey("body")))
                .body("authors[0].createdAt", notNullValue())
                .body("authors[0]", not(hasKey("email")))
                .body("category.parent.slug", equalTo(parent.get("slug")))
                .body("category.createdAt", notNullValue());
        anonymous().when().get("/api/v1/articles/{slug}", slug)
                .then().statusCode(200)
                .body("body", equalTo(null))
                .body("authors[0]", not(hasKey("createdAt")))
                .body("category", not(hasKey("parent")));
    }

    @Test
    void shouldSkipTheCountWhenAskedTo() {
        anonymous().when().get("/api/v1/articles?count=false")
                .then().statusCode(200)
                .body("meta", not(hasKey("totalItems")))
                .body("meta", not(hasKey("totalPages")));
    }

    @Test
    void shouldWalkEveryArticleExactlyOnceByCursorWhileArticlesAreAddedAndRemoved() {
        String tag = unique("walk");
        List<String> original = publishTagged(tag, 13);
        Set<String> removed = new HashSet<>();
        List<String> seen = new ArrayList<>();

        String next = "/api/v1/articles?size=4&count=false&tag=" + tag;
        for (int round = 0; next != null; round++) {
            JsonPath page = anonymous().when().get(next).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.slug"));
            next = page.getString("links.next");
            // Between pages: a newer article (before the walk's position) and an older one (still ahead) appear,
            // and an article still ahead disappears.
            Map<String, Object> newer = articleInput("published");
            newer.put("tags", List.of(tag));
            newer.put("publishedAt", BASE.plus(round + 1, ChronoUnit.HOURS).toString());
            createArticle(newer);
            String ahead = original.get(original.size() - 1 - round);
            if (round < 2 && !seen.contains(ahead)) {
                admin().when().delete("/api/v1/articles/{slug}", ahead).then().statusCode(204);
                removed.add(ahead);
            }
        }

        assertThat(seen).doesNotHaveDuplicates();
        List<String> expected = new ArrayList<>(original);
        expected.removeAll(removed);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldContinueTheSameQueryThroughLinksNext() {
        String tag = unique("links");
        List<String> newestFirst = publishTagged(tag, 3);

        JsonPath first = anonymous().when().get("/api/v1/articles?size=2&fields=slug&tag=" + tag)
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("meta.nextCursor")).isNotBlank();
        JsonPath second = anonymous().when().get(first.getString("links.next")).then().statusCode(200)
                .extract().jsonPath();

        assertThat(second.getList("data.slug", String.class)).containsExactly(newestFirst.get(2));
        assertThat(second.getMap("data[0]")).containsOnlyKeys("id", "slug");
        assertThat(second.getString("meta.nextCursor")).isNull();
        assertThat(second.getString("meta.page")).isNull();
    }

    @Test
    void shouldRefuseACursorFromAnotherSort() {
        String tag = unique("resort");
        publishTagged(tag, 3);
        String cursor = anonymous().when().get("/api/v1/articles?size=1&tag=" + tag).then().statusCode(200)
                .extract().path("meta.nextCursor");

        invalid(anonymous()).queryParam("cursor", cursor).queryParam("sort", "title")
                .when().get("/api/v1/articles")
                .then().statusCode(400).body("errors[0].message", containsString("belongs to another sort"));
    }

    @Test
    void shouldPageAuthorsByCursorInNameOrder() {
        String prefix = "Zz " + unique("walker");
        for (int i = 0; i < 3; i++) {
            admin().body(Map.of("name", prefix + " " + i)).when().post("/api/v1/authors").then().statusCode(201);
        }

        List<String> names = new ArrayList<>();
        String next = "/api/v1/authors?size=2&sort=-name";
        while (next != null && names.size() < 3) {
            JsonPath page = anonymous().when().get(next).then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("data.name"));
            next = page.getString("links.next");
        }

        assertThat(names).startsWith(prefix + " 2", prefix + " 1", prefix + " 0");
    }
}
