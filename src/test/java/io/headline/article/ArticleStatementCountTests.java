package io.headline.article;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createCategory;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.headline.RecordedStatements;
import io.headline.TestClock;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A page of articles with everything embedded costs a small constant number of SQL statements (no N+1), and reads
 * no body column it does not return. Reads select rows, not entities (issue #19): an article and a page each take
 * one statement for their rows with the category, and one for the authors and tags of all of them.
 */
@QuarkusTest
class ArticleStatementCountTests {

    /** A column of the body forms in a select list or anywhere else: body, body_html, body_text. */
    private static final Pattern BODY_COLUMN = Pattern.compile("\\.body(_html|_text)?\\b");

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    @Inject
    TestClock clock;

    @Test
    void shouldListAPageWithIncludesInTheSameFewStatementsWhateverItsSize() {
        String tag = unique("n-plus-one");
        Map<String, Object> parent = createCategory();
        for (int i = 0; i < 100; i++) {
            // Every article gets its own category (with a parent) and two authors of its own: the worst case.
            Object category = createCategory(Map.of("name", unique("Section"), "parent", parent.get("slug"))).get("slug");
            admin().body(Map.of("title", unique("Counted"), "status", "published", "category", category,
                            "authors", List.of(createAuthor().get("slug"), createAuthor().get("slug")), "tags", List.of(tag, "x")))
                    .when().post("/api/v1/articles").then().statusCode(201);
        }

        // Without the count, which the first of them would take and the others find kept (see ArticleCounts).
        int ten = statementsFor("count=false&size=10&include=authors,category&tag=" + tag).size();
        int hundred = statementsFor("count=false&size=100&include=authors,category&tag=" + tag).size();
        int hundredWithBodies = statementsFor("count=false&size=100&fields=body,bodyHtml,bodyText,authors&tag=" + tag)
                .size();

        // The page, the starts of its bodies (its excerpts), its authors and tags.
        assertThat(hundred).isEqualTo(ten).isEqualTo(3);
        assertThat(hundredWithBodies).isEqualTo(hundred + 1); // and the bodies' sizes for the budget, before them
    }

    @Test
    void shouldReadAnArticleBySlugWithItsCategoryAuthorsAndTagsInTwoStatements() {
        Map<String, Object> input = creditedInput();

        Object slug = createArticle(input).get("slug");
        statements.clear();
        anonymous().when().get("/api/v1/articles/{slug}?include=authors,category", slug).then().statusCode(200)
                .body("authors.size()", org.hamcrest.Matchers.equalTo(2))
                .body("category.parent.slug", org.hamcrest.Matchers.notNullValue());

        assertThat(reads(statements.all())).hasSize(2);
    }

    @Test
    void shouldListAPageWithIncludesInThreeStatements() {
        String tag = tagged(3);

        assertThat(statementsFor("count=false&size=20&include=authors,category&tag=" + tag)).hasSize(3);
    }

    @Test
    void shouldReadTheStartsOfAnOffsetPagesBodiesForItsRowsAloneNotForTheRowsItSkips() {
        String tag = tagged(3);

        List<String> sql = statementsFor("page=3&size=1&tag=" + tag);

        // The database works out what a row selects for the rows an offset skips too.
        assertThat(sql).filteredOn(s -> s.contains("offset")).isNotEmpty()
                .noneMatch(s -> BODY_COLUMN.matcher(selected(s)).find());
        assertThat(sql).filteredOn(s -> BODY_COLUMN.matcher(selected(s)).find()).hasSize(1);
    }

    @Test
    void shouldListACategoryWithIncludesInFourStatements() {
        Map<String, Object> input = creditedInput();
        createArticle(input);
        input.put("title", unique("Another"));
        createArticle(input);
        statements.clear();

        anonymous().when().get("/api/v1/articles?count=false&size=20&include=authors,category&category={c}",
                input.get("category")).then().statusCode(200).body("data.size()", org.hamcrest.Matchers.equalTo(2));

        // The category by its slug, then the page, the starts of its bodies, its authors and tags.
        assertThat(reads(statements.all())).hasSize(4);
    }

    /** A published article in a category of its own (with a parent), by two authors, with two tags. */
    private static Map<String, Object> creditedInput() {
        Map<String, Object> input = articleInput("published");
        input.put("category", createCategory(Map.of("name", unique("Section"), "parent",
                createCategory().get("slug"))).get("slug"));
        input.put("authors", List.of(createAuthor().get("slug"), createAuthor().get("slug")));
        input.put("tags", List.of(unique("t"), "x"));
        return input;
    }

    /**
     * The statements that read content; not those a background job (webhooks, the change log) may run meanwhile, nor
     * the response cache's look-up of the next scheduled publication (see {@link #statementsFor}).
     */
    private static List<String> reads(List<String> sql) {
        return sql.stream().filter(s -> READS.matcher(s).find() && !s.contains("min(")).toList();
    }

    private static final Pattern READS = Pattern.compile("\\b(from|join) (article|category|author)\\b");

    @Test
    void shouldReadNoBodyColumnForAListThatReturnsNoBody() {
        String tag = tagged(3);

        List<String> sql = statementsFor("fields=id,title,publishedAt&tag=" + tag);

        assertThat(sql).noneMatch(s -> BODY_COLUMN.matcher(s).find());
    }

    @Test
    void shouldReadTheBodiesOfAWholePageInOneStatement() {
        String tag = tagged(5);

        List<String> sql = statementsFor("fields=id,body,bodyHtml&tag=" + tag);

        assertThat(sql).filteredOn(s -> BODY_COLUMN.matcher(s).find()).hasSize(2); // their sizes, then themselves
    }

    @Test
    void shouldReadTheStartsOfASearchsBodiesForItsPageAloneNotInTheStatementThatRanksItsCandidates() {
        String word = unique("ranked").replaceAll("[^a-z]", "");
        for (int i = 0; i < 3; i++) {
            Map<String, Object> input = articleInput("published");
            input.put("body", "A body that mentions " + word + " once, article " + i);
            createArticle(input);
        }

        List<String> sql = statementsFor("q=" + word);

        // The ranking statement sorts every candidate; the database reads what it selects before it sorts. (A match
        // may read the body where it filters: on H2, a search is a LIKE over it.)
        assertThat(sql).filteredOn(s -> s.contains("order by")).isNotEmpty()
                .noneMatch(s -> BODY_COLUMN.matcher(selected(s)).find());
        assertThat(sql).filteredOn(s -> BODY_COLUMN.matcher(selected(s)).find()).hasSize(1);
    }

    /** A select statement's select list. */
    private static String selected(String sql) {
        return sql.substring(0, sql.indexOf(" from "));
    }

    @Test
    void shouldCountAListOnceForAllItsPagesUntilAnArticleChanges() {
        String tag = tagged(3);

        assertThat(countsIn(statementsFor("size=1&page=1&tag=" + tag))).isEqualTo(1);
        assertThat(countsIn(statementsFor("size=1&page=2&tag=" + tag))).as("kept for the next page").isZero();
        assertThat(countsIn(statementsFor("size=2&page=1&tag=" + tag))).as("and any size").isZero();

        Map<String, Object> input = articleInput("published");
        input.put("tags", List.of(tag));
        createArticle(input);

        assertThat(countsIn(statementsFor("size=1&page=3&tag=" + tag))).as("counted again after a write").isEqualTo(1);
        assertThat(totalItems("size=1&tag=" + tag)).isEqualTo(4);
    }

    @Test
    void shouldCountAScheduledArticleFromItsInstantWithNoWrite() {
        String tag = tagged(2);
        Map<String, Object> input = articleInput("draft");
        input.put("tags", List.of(tag));
        Object id = createArticle(input).get("id");
        Instant instant = clock.instant().plus(1, ChronoUnit.HOURS);
        admin().body(Map.of("publishedAt", instant.toString())).when().post("/api/v1/articles/{id}/schedule", id)
                .then().statusCode(200);
        assertThat(totalItems("size=1&tag=" + tag)).isEqualTo(2);
        assertThat(totalItems("size=1&page=2&tag=" + tag)).isEqualTo(2);

        try {
            clock.advance(Duration.between(clock.instant(), instant).plusSeconds(1));

            assertThat(totalItems("size=1&page=2&tag=" + tag)).isEqualTo(3);
        } finally {
            clock.reset();
        }
    }

    @Test
    void shouldLookUpASearchsCandidatesOnceForItsPageAndItsFacets() {
        String word = "zq" + unique("w").replace("-", "");
        for (int i = 0; i < 3; i++) {
            Map<String, Object> input = articleInput("published");
            input.put("title", "About " + word + " " + i);
            createArticle(input);
        }
        statements.clear();

        anonymous().queryParam("q", word).when().get("/api/v1/search").then().statusCode(200)
                .body("articles.data.size()", org.hamcrest.Matchers.equalTo(3));

        // The candidate query is the one that selects only ids from article, newest first.
        List<String> candidates = statements.all().stream()
                .filter(s -> s.toLowerCase(java.util.Locale.ROOT).matches("select a1_0\\.id from article a1_0 .*"))
                .toList();
        assertThat(candidates).hasSize(1);
    }

    private static long countsIn(List<String> sql) {
        return sql.stream().filter(s -> s.toLowerCase(java.util.Locale.ROOT).startsWith("select count(")).count();
    }

    private static int totalItems(String query) {
        return anonymous().when().get("/api/v1/articles?" + query).then().statusCode(200)
                .extract().jsonPath().getInt("meta.totalItems");
    }

    private static String tagged(int count) {
        String tag = unique("bodies");
        for (int i = 0; i < count; i++) {
            Map<String, Object> input = articleInput("published");
            input.put("tags", List.of(tag));
            input.put("body", "A *long* body " + i);
            createArticle(input);
        }
        return tag;
    }

    private List<String> statementsFor(String query) {
        statements.clear();
        List<Object> data = anonymous().when().get("/api/v1/articles?" + query).then().statusCode(200)
                .extract().jsonPath().getList("data");
        assertThat(data).isNotEmpty();
        // The response cache reads the next scheduled publication once after a write, on its own thread after a
        // response has gone out: it may land in the next request's window, and is not part of a list's cost.
        return statements.all().stream().filter(s -> s.contains("article") && !s.contains("min(")).toList();
    }
}
