package io.headline.transfer;

import static io.headline.Api.admin;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createCategory;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headline.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #19, one write path: each rule case goes through both entry points, an API write and a line of an import, and
 * must come out the same: both refuse it for the same reason, or both store the same article and log the same change.
 */
@QuarkusTest
class OneWritePathTests {

    private static final String PAST = "2024-05-01T10:00:00Z";
    private static final String LATER = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

    @Inject
    ObjectMapper json;
    @Inject
    DataSource dataSource;

    /** How a write came out: the reason it was refused, or the article it stored and the changes it logged. */
    private record Outcome(String slug, String refused, Map<String, Object> stored, List<String> logged) {
    }

    static Stream<Arguments> articleCases() {
        return Stream.of(
                Arguments.of("a new article scheduled in the past", null,
                        Map.of("status", "scheduled", "publishedAt", PAST)),
                Arguments.of("a new article scheduled without a time", null, Map.of("status", "scheduled")),
                Arguments.of("a new article scheduled later", null, Map.of("status", "scheduled", "publishedAt", LATER)),
                Arguments.of("a new article published at a given time", null,
                        Map.of("status", "published", "publishedAt", PAST)),
                Arguments.of("a new article without a status", null, Map.of()),
                Arguments.of("a published article unpublished", Map.of("status", "published", "publishedAt", PAST),
                        Map.of("status", "draft")),
                Arguments.of("a published article scheduled", Map.of("status", "published", "publishedAt", PAST),
                        Map.of("status", "scheduled", "publishedAt", LATER)),
                Arguments.of("a published article archived keeps its time",
                        Map.of("status", "published", "publishedAt", PAST), Map.of("status", "archived")),
                Arguments.of("a published article rewritten without a status stays out",
                        Map.of("status", "published", "publishedAt", PAST), Map.of("excerpt", "New words.")),
                Arguments.of("a draft archived", Map.of("status", "draft"), Map.of("status", "archived")),
                Arguments.of("a scheduled article brought back to draft",
                        Map.of("status", "scheduled", "publishedAt", LATER), Map.of("status", "draft")),
                Arguments.of("tags stripped and each kept once", null, Map.of("tags", List.of(" news ", "news", "b"))),
                Arguments.of("a title stripped", null, Map.of("title", "  Spaced out  ")),
                Arguments.of("an author credited twice", null, Map.of("authors", "twice")),
                Arguments.of("a body naming media that does not exist", null,
                        Map.of("body", "![x](media:" + UUID.randomUUID() + ")")),
                Arguments.of("a feature image naming media that does not exist", null,
                        Map.of("featureImage", UUID.randomUUID().toString())),
                Arguments.of("a feature image and a URL that disagree", null,
                        Map.of("featureImage", "https://images.example/a.jpg",
                                "featureImageUrl", "https://images.example/b.jpg")),
                Arguments.of("a feature image by URL", null, Map.of("featureImage", "https://images.example/a.jpg")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("articleCases")
    void shouldTreatAnArticleWriteAlikeThroughTheApiAndTheImport(String name, Map<String, Object> before,
            Map<String, Object> write) throws Exception {
        String category = (String) createCategory().get("slug");
        String author = (String) createAuthor().get("slug");

        Outcome api = throughTheApi(article(before, write, category, author), before == null ? null
                : article(before, Map.of(), category, author));
        Outcome imported = throughTheImport(article(before, write, category, author), before == null ? null
                : article(before, Map.of(), category, author));

        assertThat(imported.refused()).as("refused").isEqualTo(api.refused());
        assertThat(imported.stored()).as("stored").isEqualTo(api.stored());
        assertThat(imported.logged()).as("logged").isEqualTo(api.logged());
    }

    @Test
    void shouldStampAPublicationWithoutATimeWithNowThroughBoth() throws Exception {
        String category = (String) createCategory().get("slug");
        String author = (String) createAuthor().get("slug");
        Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);

        String viaApi = created(throughTheApi(article(null, Map.of("status", "published"), category, author), null));
        String viaImport = created(throughTheImport(article(null, Map.of("status", "published"), category, author), null));

        Instant to = Instant.now();
        for (String slug : List.of(viaApi, viaImport)) {
            Instant publishedAt = Instant.parse(admin().when().get("/api/v1/articles/" + slug).then().statusCode(200)
                    .extract().path("publishedAt"));
            assertThat(publishedAt).isBetween(from, to);
        }
    }

    @Test
    void shouldCreateNothingAnImportLineNamesWhenARuleRefusesIt() throws Exception {
        String category = unique("never-made");
        String author = unique("never-credited");
        Map<String, Object> line = new LinkedHashMap<>(with(article(null, Map.of("status", "scheduled", "publishedAt",
                PAST), category, author), unique("refused")));
        line.put("type", "article");

        assertThat(reason(importing(line))).isEqualTo("publishedAt: must be in the future to schedule; publish instead");

        admin().when().get("/api/v1/categories/" + category).then().statusCode(404);
        admin().when().get("/api/v1/authors/" + author).then().statusCode(404);
    }

    @Test
    void shouldRefuseACategoryNameTakenInAnotherCaseThroughBoth() throws Exception {
        String taken = unique("Taken Name");
        createCategory(Map.of("name", taken));
        String upper = taken.toUpperCase();

        Response api = Api.invalid(admin()).body(Map.of("name", upper)).when().post("/api/v1/categories");
        JsonPath imported = importing(Map.of("type", "category", "slug", unique("cat"), "name", upper));

        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(reason(imported)).isEqualTo(api.jsonPath().getString("detail"))
                .isEqualTo("A category named '" + upper + "' already exists.");
    }

    @Test
    void shouldRefuseACategoryCycleThroughBoth() throws Exception {
        String top = (String) createCategory().get("slug");
        Map<String, Object> middle = createCategory(Map.of("name", unique("Middle"), "parent", top));
        String bottom = (String) createCategory(Map.of("name", unique("Bottom"), "parent", middle.get("slug")))
                .get("slug");
        String topName = admin().when().get("/api/v1/categories/" + top).then().extract().path("name");

        Response api = Api.invalid(admin()).body(Map.of("name", topName, "parent", bottom))
                .when().put("/api/v1/categories/" + top);
        JsonPath imported = importing(Map.of("type", "category", "slug", top, "name", topName, "parent", bottom));

        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(reason(imported)).isEqualTo(api.jsonPath().getString("detail")).contains("may not form a cycle");
    }

    /** The input of an article: its state before the write, then the write's fields over it. */
    private static Map<String, Object> article(Map<String, Object> before, Map<String, Object> write, String category,
            String author) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("title", "A title", "body", "Some *text*.",
                "category", category, "authors", List.of(author)));
        if (before != null) {
            fields.putAll(before);
        }
        fields.putAll(write);
        if ("twice".equals(fields.get("authors"))) {
            fields.put("authors", List.of(author, author));
        }
        return fields;
    }

    private Outcome throughTheApi(Map<String, Object> write, Map<String, Object> existing) throws SQLException {
        String slug = unique("path");
        if (existing != null) {
            Api.createArticle(with(existing, slug));
        }
        Response response = Api.invalid(admin()).body(with(write, slug))
                .when().request(existing == null ? "POST" : "PUT", "/api/v1/articles" + (existing == null ? "" : "/" + slug));
        if (response.statusCode() >= 400) {
            JsonPath problem = response.jsonPath();
            List<Map<String, String>> errors = problem.getList("errors");
            return new Outcome(slug, errors == null || errors.isEmpty() ? problem.getString("detail")
                    : errors.get(0).get("field") + ": " + errors.get(0).get("message"), null, List.of());
        }
        assertThat(response.statusCode()).isIn(200, 201);
        return stored(slug);
    }

    private Outcome throughTheImport(Map<String, Object> write, Map<String, Object> existing) throws Exception {
        String slug = unique("path");
        if (existing != null) {
            Api.createArticle(with(existing, slug));
        }
        Map<String, Object> line = new LinkedHashMap<>(with(write, slug));
        line.put("type", "article");
        JsonPath summary = importing(line);
        return summary.getInt("failed") > 0 ? new Outcome(slug, reason(summary), null, List.of()) : stored(slug);
    }

    private static Map<String, Object> with(Map<String, Object> fields, String slug) {
        Map<String, Object> all = new HashMap<>(fields);
        all.put("slug", slug);
        return all;
    }

    /** What an editor reads of the article, but for what differs by path alone (ids, slugs, times of writing). */
    private Outcome stored(String slug) throws SQLException {
        Map<String, Object> view = new HashMap<>(admin().when().get("/api/v1/articles/" + slug).then().statusCode(200)
                .extract().jsonPath().getMap(""));
        for (String key : List.of("id", "slug", "createdAt", "updatedAt", "version", "url", "seo", "readingTime")) {
            view.remove(key);
        }
        // Each translation names its slug: what stays is which locales the article has.
        view.put("translations", ((List<?>) view.get("translations")).stream().map(t -> ((Map<?, ?>) t).get("locale"))
                .toList());
        return new Outcome(slug, null, view, logged(slug));
    }

    /** The kinds of the changes logged for the article's last write (a create before it logged its own). */
    private List<String> logged(String slug) throws SQLException {
        List<String> kinds = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement(
                        "select kind from change_log where slug = ? order by seq")) {
            s.setString(1, slug);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
            }
        }
        return kinds;
    }

    private static String created(Outcome outcome) {
        assertThat(outcome.refused()).isNull();
        return outcome.slug();
    }

    private JsonPath importing(Map<String, Object> line) throws JsonProcessingException {
        return admin().contentType(TransferResource.NDJSON)
                .body((json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/import").then().statusCode(200).extract().jsonPath();
    }

    private static String reason(JsonPath summary) {
        assertThat(summary.getInt("failed")).as("lines failed").isEqualTo(1);
        return summary.getString("errors[0].reason");
    }
}
