package io.headline.transfer;

import static io.headline.Api.admin;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.headline.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of Markdown files with YAML front matter (src/test/resources/import/markdown) through the import's path. */
@QuarkusTest
class MarkdownImportTests {

    @Inject
    ImportService imports;
    @Inject
    LineParser parser;
    @Inject
    Clock clock;
    @Inject
    TransferCommand command;

    @TempDir
    Path work;

    private ImportSummary importing(Path folder) throws IOException {
        return imports.importFrom(new MarkdownSource(folder, parser, clock), progress -> {
        });
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(MarkdownImportTests.class.getResource("/import/markdown").toURI());
    }

    private static JsonPath get(String path) {
        return admin().when().get("/api/v1/" + path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldImportFilesInHugoJekyllAndAstroStylesOnceAndFindThemUnchangedTheSecondTime() throws Exception {
        ImportSummary first = importing(fixture());

        // 5 articles, 2 authors and 3 categories named for the first time, and the broken file; _index.md is skipped.
        assertThat(first.articles()).isEqualTo(new ImportSummary.Counts(5, 0, 0));
        assertThat(first.authors()).isEqualTo(new ImportSummary.Counts(2, 0, 0));
        assertThat(first.categories()).isEqualTo(new ImportSummary.Counts(3, 0, 0));
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.lines()).isEqualTo(11);
        assertThat(first.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .startsWith("posts/broken-front-matter.md: front matter: not valid YAML: "));

        JsonPath festival = get("articles/harbour-festival");
        assertThat(festival.getString("title")).isEqualTo("Harbour Festival returns in August");
        assertThat(festival.getString("status")).isEqualTo("published");
        assertThat(festival.getString("publishedAt")).isEqualTo("2024-03-14T08:30:00Z");
        assertThat(festival.getString("excerpt")).isEqualTo("Three days of music on the quay.");
        assertThat(festival.getString("category.slug")).isEqualTo("town-life");
        assertThat(festival.getList("authors.slug")).containsExactly("ines-duarte");
        assertThat(festival.getList("tags")).containsExactly("Music Events", "festival", "music");
        assertThat(festival.getString("body")).startsWith("The **Harbour Festival** is back, from 9 to 11 August.\n\n"
                + "## Line-up\n\n- The Tide Singers\n");

        // Jekyll: the date prefix is not part of the slug, the front matter's date with its offset wins.
        JsonPath lighthouse = get("articles/lighthouse-reopens");
        assertThat(lighthouse.getString("publishedAt")).isEqualTo("2024-04-02T07:00:00Z");
        assertThat(lighthouse.getList("authors.slug")).containsExactly("tomasz-krol");
        assertThat(get("authors/tomasz-krol").getString("name")).isEqualTo("Tomasz Król");

        // A Hugo page bundle is named after its folder; draft: true and Jekyll's _drafts are drafts.
        JsonPath bundle = get("articles/winter-storage");
        assertThat(bundle.getString("status")).isEqualTo("draft");
        assertThat(bundle.getList("authors.slug")).containsExactly("ines-duarte", "tomasz-krol");
        JsonPath jekyllDraft = get("articles/sailing-school");
        assertThat(jekyllDraft.getString("status")).isEqualTo("draft");
        assertThat(jekyllDraft.getString("category.slug")).isEqualTo(ForeignEntries.DEFAULT_CATEGORY);

        // Astro: pubDate, a single category, summary as the excerpt.
        JsonPath app = get("articles/tide-app");
        assertThat(app.getString("publishedAt")).isEqualTo("2024-06-01T00:00:00Z");
        assertThat(app.getString("category.slug")).isEqualTo("apps-and-tools");
        assertThat(get("categories/apps-and-tools").getString("name")).isEqualTo("Apps & Tools");
        assertThat(app.getString("excerpt")).isEqualTo("An app that shows the tides, built by two students.");

        ImportSummary second = importing(fixture());
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(10);
        assertThat(second.failed()).isEqualTo(1);
    }

    @Test
    void shouldUpdateAnArticleWhoseFileChangedAndScheduleOneDatedInTheFuture() throws IOException {
        String slug = unique("note");
        String author = unique("writer");
        Path file = work.resolve(slug + ".md");
        Files.writeString(file, "---\ntitle: First title\nauthor: " + author + "\ndate: 2099-01-01T00:00:00Z\n---\nBody.\n");
        assertThat(importing(work).articles()).isEqualTo(new ImportSummary.Counts(1, 0, 0));
        assertThat(get("articles/" + slug).getString("status")).isEqualTo("scheduled");

        Files.writeString(file, "---\ntitle: Second title\nauthor: " + author + "\ndate: 2024-01-01\n---\nBody.\n");
        assertThat(importing(work).articles()).isEqualTo(new ImportSummary.Counts(0, 1, 0));
        JsonPath article = get("articles/" + slug);
        assertThat(article.getString("title")).isEqualTo("Second title");
        assertThat(article.getString("status")).isEqualTo("published");
    }

    @Test
    void shouldReportTomlFrontMatterAndUnsafeYamlAndImportTheRest() throws IOException {
        String slug = unique("fine");
        Files.writeString(work.resolve("toml.md"), "+++\ntitle = \"Toml\"\n+++\nBody.\n");
        Files.writeString(work.resolve("unsafe.md"), "---\ntitle: !!javax.script.ScriptEngineManager [x]\n---\nBody.\n");
        Files.writeString(work.resolve("none.md"), "Just text.\n");
        Files.writeString(work.resolve(slug + ".md"), "---\ntitle: Fine\n---\nBody.\n");

        ImportSummary summary = importing(work);

        assertThat(summary.articles().created()).isEqualTo(1);
        assertThat(summary.errors()).extracting(ImportSummary.LineError::reason).containsExactly(
                "none.md: no YAML front matter: the file must begin with a --- line",
                "toml.md: TOML front matter (+++) is not supported: write it as YAML between --- lines",
                "unsafe.md: front matter: not valid YAML: Global tag is not allowed: "
                        + "tag:yaml.org,2002:javax.script.ScriptEngineManager (front matter line 1)");
        assertThat(get("articles/" + slug).getList("authors.slug")).containsExactly(ForeignEntries.DEFAULT_AUTHOR);
    }

    @Test
    void shouldDrawAProgressBarOnATerminalAndSummarizeOnTheCommandLine() throws IOException {
        Files.writeString(work.resolve(unique("cli") + ".md"), "---\ntitle: From the command line\n---\nBody.\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = command.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), true, "import", "--format", "markdown",
                work.toString());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"created\":1", "\"failed\":0");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("\r[" + "#".repeat(30) + "] 100% 1 entries")
                .contains("import: 1 entries in ");
        assertThat(command.run(System.out, System.err, false, "import", "--format", "asciidoc", work.toString()))
                .isEqualTo(2);
    }
    @Test
    void shouldImportAsDraftsWhatTheFolderOrTheFrontMatterMarksUnpublishedAtAnyDepth() throws IOException {
        String nested = unique("nested");
        String deeper = unique("deeper");
        String unpublished = unique("unpublished");
        String quoted = unique("quoted");
        String status = unique("status");
        String shown = unique("shown");
        Files.createDirectories(work.resolve("posts/_drafts"));
        Files.createDirectories(work.resolve("site/content/_drafts/2024"));
        Files.writeString(work.resolve("posts/_drafts/" + nested + ".md"), "---\ntitle: Unfinished\n---\nBody.\n");
        Files.writeString(work.resolve("site/content/_drafts/2024/" + deeper + ".md"), "---\ntitle: Deeper\n---\nB.\n");
        Files.writeString(work.resolve(unpublished + ".md"), "---\ntitle: Jekyll's\npublished: false\n---\nBody.\n");
        Files.writeString(work.resolve(quoted + ".md"), "---\ntitle: Quoted\ndraft: \"yes\"\n---\nBody.\n");
        Files.writeString(work.resolve(status + ".md"), "---\ntitle: Status\nstatus: draft\n---\nBody.\n");
        Files.writeString(work.resolve(shown + ".md"), "---\ntitle: Shown\ndraft: false\npublished: true\n---\nBody.\n");

        ImportSummary summary = importing(work);

        assertThat(summary.failed()).as(summary.errors().toString()).isZero();
        for (String draft : new String[] {nested, deeper, unpublished, quoted, status}) {
            JsonPath article = get("articles/" + draft);
            assertThat(article.getString("status")).as(draft).isEqualTo("draft");
            assertThat(article.getString("publishedAt")).as(draft).isNull();
        }
        assertThat(get("articles/" + shown).getString("status")).isEqualTo("published");
    }

    @Test
    void shouldFailAFileNamedWithADateThatIsNoneAloneAndImportTheRest() throws IOException {
        String fine = unique("fine");
        Files.writeString(work.resolve("2024-02-30-" + unique("leap") + ".md"), "---\ntitle: No such day\n---\nB.\n");
        Files.writeString(work.resolve("2024-02-29-" + fine + ".md"), "---\ntitle: Leap day\n---\nBody.\n");

        ImportSummary summary = importing(work);

        assertThat(summary.articles().created()).isEqualTo(1);
        assertThat(summary.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .startsWith("2024-02-30-").endsWith(".md: file name: 2024-02-30 is not a date"));
        assertThat(get("articles/" + fine).getString("publishedAt")).isEqualTo("2024-02-29T00:00:00Z");
    }

    @Test
    void shouldFailAFileWhoseFrontMatterDateIsNoDayAloneInsteadOfMovingIt() throws IOException {
        String fine = unique("fine");
        // SnakeYAML would read 2024-13-45 as 14 February 2025, and a pattern 2024-02-30 as 29 February.
        Files.writeString(work.resolve("month.md"), "---\ntitle: No month 13\ndate: 2024-13-45\n---\nB.\n");
        Files.writeString(work.resolve("day.md"), "---\ntitle: No 30 February\ndate: 2024-02-30 10:00\n---\nB.\n");
        Files.writeString(work.resolve(fine + ".md"), "---\ntitle: Fine\ndate: 2024-02-29 10:00\n---\nBody.\n");

        ImportSummary summary = importing(work);

        assertThat(summary.articles().created()).as(summary.errors().toString()).isEqualTo(1);
        assertThat(summary.errors()).extracting(ImportSummary.LineError::reason).containsExactlyInAnyOrder(
                "month.md: date: '2024-13-45' is not a date (e.g. 2024-05-01, 2024-05-01T10:00:00Z or 2024-05-01 "
                        + "10:00:00 +0200)",
                "day.md: date: '2024-02-30 10:00' is not a date (e.g. 2024-05-01, 2024-05-01T10:00:00Z or 2024-05-01 "
                        + "10:00:00 +0200)");
        assertThat(get("articles/" + fine).getString("publishedAt")).isEqualTo("2024-02-29T10:00:00Z");
    }

    @Test
    void shouldFailFrontMatterWhoseAliasesExpandAloneWithAShortReason() throws IOException {
        String fine = unique("fine");
        // Within the front matter's limits (64 KiB, 20 aliases of lists), but millions of characters as text.
        StringBuilder bomb = new StringBuilder("---\ntitle: Bomb\nleaf: &leaf \"" + "x".repeat(1000) + "\"\n");
        bomb.append("a0: &a0 [").append("*leaf, ".repeat(200)).append("*leaf]\n");
        for (int level = 1; level <= 5; level++) {
            bomb.append("a").append(level).append(": &a").append(level).append(" [*a").append(level - 1)
                    .append(", *a").append(level - 1).append("]\n");
        }
        bomb.append("date: *a5\n---\nBody.\n");
        Files.writeString(work.resolve("bomb.md"), bomb);
        Files.writeString(work.resolve(fine + ".md"), "---\ntitle: Fine\n---\nBody.\n");

        ImportSummary summary = importing(work);

        assertThat(summary.articles().created()).isEqualTo(1);
        assertThat(summary.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .isEqualTo("bomb.md: date: must be a single date"));
    }
}
