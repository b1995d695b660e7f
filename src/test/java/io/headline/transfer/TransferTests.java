package io.headline.transfer;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.headline.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TransferTests {

    /** What a client of the export accepts: the export, or a problem. */
    private static final String EXPORT_ACCEPT = TransferResource.NDJSON + ", application/problem+json";

    @Inject
    ImportService imports;
    @Inject
    ExportService exports;
    @Inject
    FailingBatches failingBatches;

    private static JsonPath importing(String ndjson) {
        return admin().contentType(TransferResource.NDJSON).body(ndjson.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/import").then().statusCode(200).extract().jsonPath();
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static String category(String slug, String name, String parent) {
        return "{\"type\":\"category\",\"slug\":\"" + slug + "\",\"name\":\"" + name + "\""
                + (parent == null ? "" : ",\"parent\":\"" + parent + "\"") + "}";
    }

    private static String author(String slug) {
        return "{\"type\":\"author\",\"slug\":\"" + slug + "\",\"name\":\"Author " + slug + "\",\"email\":\"" + slug
                + "@example.com\",\"bio\":\"Writes.\"}";
    }

    private static String article(String slug, String title, String category, String author, String extra) {
        return "{\"type\":\"article\",\"slug\":\"" + slug + "\",\"title\":\"" + title + "\",\"body\":\"Some *text* about "
                + title + ".\",\"status\":\"published\",\"publishedAt\":\"2024-05-01T10:00:00Z\",\"category\":\""
                + category + "\",\"authors\":[\"" + author + "\"],\"tags\":[\"a\",\"b\"]" + extra + "}";
    }

    @Test
    void shouldImportOnceAndFindEverythingUnchangedTheSecondTime() {
        String cat = unique("cat");
        String sub = unique("sub");
        String who = unique("who");
        String a1 = unique("art");
        String a2 = unique("art");
        String file = lines(category(cat, unique("Cat"), null), category(sub, unique("Sub"), cat), author(who),
                article(a1, "First", sub, who, ""), article(a2, "Second", cat, who, ",\"externalId\":\"" + a2 + "\""));

        JsonPath first = importing(file);
        assertThat(first.getInt("created")).isEqualTo(5);
        assertThat(first.getInt("failed")).isZero();
        assertThat(first.getInt("articles.created")).isEqualTo(2);
        JsonPath second = importing(file);
        assertThat(second.getMap("")).containsEntry("created", 0).containsEntry("updated", 0)
                .containsEntry("unchanged", 5).containsEntry("failed", 0);

        admin().when().get("/api/v1/articles/" + a1).then().statusCode(200)
                .body("title", equalTo("First"))
                .body("bodyHtml", equalTo("<p>Some <em>text</em> about First.</p>\n"))
                .body("category.slug", equalTo(sub))
                .body("authors[0].slug", equalTo(who))
                .body("publishedAt", equalTo("2024-05-01T10:00:00Z"));
        assertThat(admin().queryParam("author", who).when().get("/api/v1/articles").then().statusCode(200)
                .extract().jsonPath().getList("data.slug")).containsExactlyInAnyOrder(a1, a2);
        admin().when().get("/api/v1/categories/" + sub).then().statusCode(200).body("parent.slug", equalTo(cat));
    }

    @Test
    void shouldUpdateWhatChangedAndFollowAnExternalIdToItsNewSlug() {
        String cat = unique("cat");
        String who = unique("who");
        String slug = unique("art");
        String renamed = unique("art");
        String external = unique("ext");
        importing(lines(article(slug, "Before", cat, who, ",\"externalId\":\"" + external + "\"")));

        JsonPath again = importing(lines(article(renamed, "After", cat, who, ",\"externalId\":\"" + external + "\"")));

        assertThat(again.getInt("articles.updated")).isEqualTo(1);
        admin().when().get("/api/v1/articles/" + renamed).then().statusCode(200).body("title", equalTo("After"));
        admin().redirects().follow(false).when().get("/api/v1/articles/" + slug).then().statusCode(301);
    }

    @Test
    void shouldServeWhatAnImportChangedToAnonymousReadersAtOnce() {
        String cat = unique("cat");
        String who = unique("who");
        String slug = unique("art");
        importing(lines(article(slug, "Before", cat, who, "")));
        anonymous().when().get("/api/v1/articles/" + slug).then().statusCode(200).body("title", equalTo("Before"));
        anonymous().queryParam("author", who).when().get("/api/v1/articles").then().statusCode(200)
                .body("data[0].title", equalTo("Before"));

        importing(lines(article(slug, "After", cat, who, "")));

        anonymous().when().get("/api/v1/articles/" + slug).then().statusCode(200).body("title", equalTo("After"));
        anonymous().queryParam("author", who).when().get("/api/v1/articles").then().statusCode(200)
                .body("data[0].title", equalTo("After"));
    }

    @Test
    void shouldReportABadLineByNumberAndImportTheRest() {
        String cat = unique("cat");
        String who = unique("who");
        String good = unique("art");
        String later = unique("art");
        JsonPath summary = importing(lines(
                article(good, "Good", cat, who, ""),
                "{\"type\":\"article\",\"slug\":\"" + unique("bad") + "\",\"title\":\"\",\"category\":\"" + cat
                        + "\",\"authors\":[\"" + who + "\"]}",
                "{not json",
                "",
                "{\"type\":\"article\",\"slug\":\"" + unique("odd") + "\",\"title\":\"Odd\",\"category\":\"" + cat
                        + "\",\"authors\":[\"" + who + "\"],\"colour\":\"red\"}",
                article(later, "Later", cat, who, "")));

        assertThat(summary.getInt("failed")).isEqualTo(3);
        assertThat(summary.getInt("articles.created")).isEqualTo(2);
        assertThat(summary.getInt("lines")).isEqualTo(6);
        List<Map<String, Object>> errors = summary.getList("errors");
        assertThat(errors).extracting(e -> e.get("line")).containsExactly(2, 3, 5);
        assertThat((String) errors.get(0).get("reason")).isEqualTo("title: must not be blank");
        assertThat((String) errors.get(1).get("reason")).startsWith("not well-formed JSON");
        assertThat((String) errors.get(2).get("reason")).startsWith("colour: unknown property");
        admin().when().get("/api/v1/articles/" + later).then().statusCode(200);
    }

    @Test
    void shouldCreateTheCategoriesAndAuthorsAnArticleNames() {
        String cat = unique("world-news");
        String who = unique("jane-doe");
        importing(lines(article(unique("art"), "Anything", cat, who, "")));

        admin().when().get("/api/v1/categories/" + cat).then().statusCode(200)
                .body("name", equalTo(ImportWriter.nameOf(cat)));
        admin().when().get("/api/v1/authors/" + who).then().statusCode(200)
                .body("name", equalTo(ImportWriter.nameOf(who)));
    }

    @Test
    void shouldLeaveNothingOfABatchTheDatabaseRefuses() {
        String cat = unique("cat");
        String who = unique("who");
        String before = unique("art");
        String sameBatch = unique("art");
        String refused = unique("art");
        String nextBatch = unique("art");
        String file = lines(article(before, "Before", cat, who, ""), article(sameBatch, "Same batch", cat, who, ""),
                article(refused, "Refused", cat, who, ""), article(nextBatch, "Next batch", cat, who, ""));
        failingBatches.refuseBatchesWriting(refused);
        ImportSummary summary;
        try {
            summary = imports.importFrom(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), 3, p -> {
            });
        } finally {
            failingBatches.reset();
        }

        assertThat(summary.failed()).isEqualTo(3);
        assertThat(summary.errors()).extracting(ImportSummary.LineError::line).containsExactly(1, 2, 3);
        assertThat(summary.errors().get(0).reason()).contains("lines 1 to 3");
        assertThat(summary.articles().created()).isEqualTo(1);
        for (String gone : List.of(before, sameBatch, refused)) {
            admin().when().get("/api/v1/articles/" + gone).then().statusCode(404);
        }
        admin().when().get("/api/v1/articles/" + nextBatch).then().statusCode(200);
        // The category and author the refused batch created went with it; the next batch made them again.
        admin().when().get("/api/v1/categories/" + cat).then().statusCode(200);
    }

    @Test
    void shouldAdmitOnlyAdmins() {
        String editor = Api.createToken("editor", null);
        Api.invalid(anonymous()).contentType(TransferResource.NDJSON).body(lines(author(unique("who"))).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/import").then().statusCode(401).contentType("application/problem+json");
        Api.withToken(editor).contentType(TransferResource.NDJSON).body(lines(author(unique("who"))).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/import").then().statusCode(403).contentType("application/problem+json");
        Api.invalid(anonymous()).accept(EXPORT_ACCEPT).when().get("/api/v1/export").then().statusCode(401).contentType("application/problem+json");
        Api.withToken(editor).accept(EXPORT_ACCEPT).when().get("/api/v1/export").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldExportWhatItImportedAndFindItUnchangedWhenImportedBack() {
        String cat = unique("cat");
        String sub = unique("sub");
        String who = unique("who");
        String slug = unique("art");
        String external = unique("ext");
        importing(lines(category(cat, unique("Cat"), null), category(sub, unique("Sub"), cat), author(who),
                article(slug, "Exported", sub, who, ",\"externalId\":\"" + external + "\",\"featured\":true,"
                        + "\"subtitle\":\"Sub\",\"featureImageUrl\":\"https://example.com/a.jpg\"")));

        Response response = admin().accept(TransferResource.NDJSON).when().get("/api/v1/export");
        response.then().statusCode(200).contentType(TransferResource.NDJSON);
        String exported = response.asString();
        List<String> exportedLines = Arrays.asList(exported.split("\n"));

        assertThat(exportedLines).contains(
                "{\"type\":\"category\",\"slug\":\"" + sub + "\",\"name\":\"" + exportedName(exportedLines, sub)
                        + "\",\"parent\":\"" + cat + "\"}",
                "{\"type\":\"article\",\"externalId\":\"" + external + "\",\"slug\":\"" + slug + "\",\"title\":\"Exported\","
                        + "\"subtitle\":\"Sub\",\"body\":\"Some *text* about Exported.\",\"status\":\"published\","
                        + "\"featured\":true,\"publishedAt\":\"2024-05-01T10:00:00Z\",\"category\":\"" + sub + "\","
                        + "\"authors\":[\"" + who + "\"],\"tags\":[\"a\",\"b\"],\"featureImageUrl\":\"https://example.com/a.jpg\","
                        + "\"locale\":\"en\"}");
        assertThat(indexOfSlug(exportedLines, cat)).isLessThan(indexOfSlug(exportedLines, sub));
        assertThat(exported).doesNotContain("test-admin-token").doesNotContain("\"id\"");

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        exports.export(again);
        String ours = Arrays.stream(again.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(l -> List.of(cat, sub, who, slug).stream().anyMatch(s -> l.contains("\"slug\":\"" + s + "\"")))
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(ours.lines()).hasSize(4);
        ImportSummary reimported = imports.importFrom(new ByteArrayInputStream(ours.getBytes(StandardCharsets.UTF_8)),
                p -> {
                });
        assertThat(reimported.failed()).as("%s", reimported.errors()).isZero();
        assertThat(reimported.unchanged()).isEqualTo(4);
    }

    private static String exportedName(List<String> lines, String slug) {
        return lines.stream().filter(l -> l.contains("\"slug\":\"" + slug + "\"")).findFirst()
                .map(l -> JsonPath.from(l).getString("name")).orElseThrow();
    }

    private static int indexOfSlug(List<String> lines, String slug) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"slug\":\"" + slug + "\"")) {
                return i;
            }
        }
        return -1;
    }
}
