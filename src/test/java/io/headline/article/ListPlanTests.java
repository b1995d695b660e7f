package io.headline.article;

import static io.headline.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headline.Api;
import io.headline.common.query.Cursor;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every documented list, filter, sort and search reads article through an index, on PostgreSQL with enough rows for
 * the planner's choice to mean something: the SQL the application sends, with the parameters it binds, is run again
 * under EXPLAIN ANALYZE, and no plan may scan the article table sequentially or sort most of it; a page by cursor,
 * however deep, reads no more index entries than the page holds. Searches use words that a few percent of the
 * articles hold: for a word in most of them, reading the table is the right plan.
 *
 * <p>PostgreSQL only (tag "postgresql", which pom.xml leaves out of the H2 build): H2's plans say nothing about
 * PostgreSQL's. It runs in a database of its own, created here and dropped afterwards, so that its rows slow no other
 * test.
 */
@QuarkusTest
@TestProfile(ListPlanTests.Plans.class)
@Tag("postgresql")
class ListPlanTests {

    private static final int ARTICLES = 120_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean loaded;

    public static class Plans implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.driver", RecordingDriver.class.getName());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PlanDatabase.class));
        }
    }

    /** A database of this test's own, beside the run's (…/headline_test → …/headline_test_plans). */
    public static class PlanDatabase implements QuarkusTestResourceLifecycleManager {

        static String url;

        @Override
        public Map<String, String> start() {
            String base = System.getProperty("quarkus.datasource.jdbc.url");
            String name = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + "_plans";
            url = base.substring(0, base.lastIndexOf('/') + 1) + name;
            try (Connection c = connect(base); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name);
                s.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("quarkus.datasource.jdbc.url", url);
        }

        @Override
        public void stop() {
            // Kept after the run, for a look at its plans; the next run drops it first.
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, System.getProperty("quarkus.datasource.username", "postgres"),
                System.getProperty("quarkus.datasource.password", ""));
    }

    @BeforeEach
    void load() throws SQLException {
        if (loaded) {
            return;
        }
        try (Connection c = connect(PlanDatabase.url); Statement s = c.createStatement()) {
            s.execute("""
                    insert into category (id, slug, name, parent_id, created_at, updated_at, version)
                    select ('00000000-0000-0000-0000-' || lpad(to_hex(i), 12, '0'))::uuid, 'plan-category-' || i,
                           'Plan category ' || i,
                           case when i > 8 then ('00000000-0000-0000-0000-' || lpad(to_hex(1 + (i - 9) % 8), 12, '0'))::uuid end,
                           now(), now(), 0
                    from generate_series(1, 40) i""");
            s.execute("""
                    insert into author (id, slug, name, created_at, updated_at, version)
                    select ('00000000-0000-0000-0001-' || lpad(to_hex(i), 12, '0'))::uuid, 'plan-author-' || i,
                           'Plan author ' || i, now(), now(), 0
                    from generate_series(1, 500) i""");
            // Short bodies from a small vocabulary: the plans do not depend on their length, the load time does.
            s.execute("""
                    insert into article (id, slug, title, subtitle, body, body_html, body_text, word_count, status,
                                         published_at, category_id, featured, created_at, updated_at, version)
                    select ('00000000-0000-0000-0002-' || lpad(to_hex(i), 12, '0'))::uuid, 'plan-article-' || i,
                           initcap(w[1 + i % 40]) || ' ' || w[1 + (i / 7) % 40] || ' ' || i,
                           case when i % 3 = 0 then 'About ' || w[1 + (i / 3) % 40] end,
                           repeat(w[1 + i % 37] || ' ' || w[1 + i % 23] || ' ' || w[1 + i % 11] || ' ', 20 + i % 30),
                           null, null, 100, st,
                           case when st = 'draft' then null
                                when st = 'scheduled' then timestamptz '2100-01-01' + i * interval '1 minute'
                                else timestamptz '2016-01-01' + i * interval '30 minutes' end,
                           ('00000000-0000-0000-0000-' || lpad(to_hex(1 + (i * 31) % 40), 12, '0'))::uuid,
                           i % 50 = 0,
                           timestamptz '2016-01-01' + i * interval '30 minutes',
                           timestamptz '2016-01-01' + ((i * 7919) % 200000) * interval '30 minutes', 0
                    from (select i, case when i % 100 < 90 then 'published' when i % 100 < 95 then 'draft'
                                         when i % 100 < 97 then 'archived' else 'scheduled' end as st,
                                 string_to_array('signal market film sequel election climate science sport music '
                                     || 'theatre budget health energy transport housing education technology network '
                                     || 'season player council minister parliament vote tax bank growth workers strike '
                                     || 'museum festival album band tour concert novel author writer review city', ' ') as w
                          from generate_series(1, ?) i) x""".replace("?", String.valueOf(ARTICLES)));
            s.execute("""
                    insert into article_author (article_id, position, author_id)
                    select id, 0, ('00000000-0000-0000-0001-' || lpad(to_hex(1 + abs(hashtext(slug)) % 500), 12, '0'))::uuid
                    from article where slug like 'plan-article-%'""");
            s.execute("""
                    insert into article_tag (article_id, position, tag)
                    select id, t, 'plan-tag-' || abs(hashtext(slug || t)) % 200
                    from article, generate_series(0, 1) t where slug like 'plan-article-%'""");
            s.execute("vacuum analyze");
        }
        loaded = true;
    }

    @Test
    void shouldReadArticleThroughAnIndexForEveryDocumentedPublicQuery() throws Exception {
        for (String query : List.of("", "count=false", "count=false&page=451", "page=451", "size=100",
                "include=authors,category&count=false", "fields=id,title,body&size=5",
                "category=plan-category-3", "category=plan-category-1&includeSubcategories=true", "author=plan-author-7",
                "tag=plan-tag-5", "tag=plan-tag-5&tag=plan-tag-9", "featured=true",
                "publishedAfter=2019-01-01T00:00:00Z", "publishedBefore=2017-01-01T00:00:00Z",
                // A client syncing asks what changed lately; counting what changed over most of the table reads it all.
                "updatedAfter=2026-09-01T00:00:00Z&sort=updatedAt",
                "sort=title", "sort=-title", "sort=updatedAt", "sort=-updatedAt", "sort=createdAt", "sort=-createdAt",
                "sort=publishedAt", "sort=-publishedAt,title",
                "q=review", "q=review&count=false", "q=museum&category=plan-category-3", "q=festival&sort=-publishedAt")) {
            assertIndexedWithNextPage(Api::anonymous, "/api/v1/articles" + (query.isEmpty() ? "" : "?" + query));
        }
        assertIndexed(() -> anonymous().when().get("/api/v1/search?q=review").then().statusCode(200), "/search?q=review");
        assertIndexed(() -> anonymous().when().get("/api/v1/articles/plan-article-1001/related").then().statusCode(200),
                "related");
    }

    @Test
    void shouldReadArticleThroughAnIndexForEveryDocumentedEditorialQuery() throws Exception {
        for (String query : List.of("", "count=false", "status=draft", "status=published&status=scheduled",
                "status=archived&sort=-updatedAt", "sort=publishedAt", "sort=title", "q=review&status=draft")) {
            assertIndexedWithNextPage(Api::admin, "/api/v1/articles" + (query.isEmpty() ? "" : "?" + query));
        }
    }

    @Test
    void shouldReadNoMoreThanOnePageOfIndexEntriesForACursorPageDeepInTheList() throws Exception {
        String cursor;
        try (Connection c = connect(PlanDatabase.url); Statement s = c.createStatement();
                ResultSet deep = s.executeQuery("select published_at, id from article where status in "
                        + "('published', 'scheduled') and published_at <= now() order by published_at desc, id desc "
                        + "offset 100000 limit 1")) {
            deep.next();
            cursor = new Cursor("-publishedAt,-id", List.of(deep.getObject(1, java.time.OffsetDateTime.class)
                    .toInstant().toString(), deep.getString(2))).encode();
        }
        for (String query : List.of("count=false&cursor=" + cursor, "count=false&size=100&cursor=" + cursor)) {
            for (JsonNode plan : plans(() -> anonymous().when().get("/api/v1/articles?" + query).then().statusCode(200))) {
                if (plan.toString().contains("\"Limit\"")) {
                    // A page and the row after it, plus the few rows of other statuses among them: not the 100,000
                    // before it.
                    assertThat(articleRowsRead(plan.get("Plan"))).as("article rows read for %s: %s", query, plan)
                            .isLessThanOrEqualTo(250);
                }
            }
        }
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenAListStatementRunsPastItsTimeout() throws SQLException {
        try (Connection c = connect(PlanDatabase.url); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // Every read of article now waits for this lock, longer than headline.lists.statement-timeout (2 s).
            s.execute("lock table article in access exclusive mode");
            try {
                anonymous().when().get("/api/v1/articles?count=false&tag=plan-tag-1")
                        .then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", "2");
            } finally {
                c.rollback();
            }
        }
    }

    /** {@code caller} gives a new request each time: a RequestSpecification keeps the query of a request it made. */
    private void assertIndexedWithNextPage(Supplier<RequestSpecification> caller, String path) throws Exception {
        String[] cursor = new String[1];
        assertIndexed(() -> cursor[0] = caller.get().when().get(path).then().statusCode(200)
                .extract().path("meta.nextCursor"), path);
        if (cursor[0] != null) {
            // The same query by cursor, which does not go with a page number (always last in the queries above).
            String rest = path.replaceAll("[?&]page=\\d+", "");
            String next = rest + (rest.contains("?") ? "&" : "?") + "cursor=" + cursor[0];
            assertIndexed(() -> caller.get().when().get(next).then().statusCode(200), next);
        }
    }

    private void assertIndexed(Supplier<?> request, String what) throws Exception {
        for (JsonNode plan : plans(request)) {
            List<String> problems = new ArrayList<>();
            walk(plan.get("Plan"), problems);
            assertThat(problems).as("%s: %s", what, plan).isEmpty();
        }
    }

    /** The plan of each statement on article that {@code request} made the application send, as it ran. */
    private static List<JsonNode> plans(Supplier<?> request) throws Exception {
        RecordingDriver.clear();
        request.get();
        List<JsonNode> plans = new ArrayList<>();
        try (Connection c = connect(PlanDatabase.url)) {
            for (RecordingDriver.Query query : RecordingDriver.queries()) {
                if (!query.sql().contains(" article ")) {
                    continue;
                }
                try (PreparedStatement explain = query.prepare(c, "explain (analyze, format json) ");
                        ResultSet result = explain.executeQuery()) {
                    result.next();
                    plans.add(JSON.readTree(result.getString(1)).get(0));
                }
            }
        }
        assertThat(plans).as("statements on article").isNotEmpty();
        return plans;
    }

    /** No sequential scan of article, and no sort of half of it or more. */
    private static void walk(JsonNode node, List<String> problems) {
        if ("Seq Scan".equals(node.path("Node Type").asText()) && "article".equals(node.path("Relation Name").asText())) {
            problems.add("sequential scan of article");
        }
        if (node.path("Node Type").asText().endsWith("Sort")) {
            long sorted = node.path("Plans").get(0).path("Actual Rows").asLong() * node.path("Actual Loops").asLong(1);
            if (sorted >= ARTICLES / 2) {
                problems.add("sort of " + sorted + " rows");
            }
        }
        node.path("Plans").forEach(child -> walk(child, problems));
    }

    /** Rows read from article's table or indexes, over every loop. */
    private static long articleRowsRead(JsonNode node) {
        long rows = "article".equals(node.path("Relation Name").asText())
                ? (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong())
                * node.path("Actual Loops").asLong(1) : 0;
        for (JsonNode child : node.path("Plans")) {
            rows += articleRowsRead(child);
        }
        return rows;
    }
}
