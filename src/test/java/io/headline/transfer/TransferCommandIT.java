package io.headline.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line mode of the packaged jar ({@code java -jar quarkus-run.jar import FILE | export FILE}), each run
 * on an empty database of its own: the embedded one in a fresh working directory, or with -Ppostgresql a database
 * this test creates (and drops) next to the run's.
 */
class TransferCommandIT {

    private static final String FIXTURE = String.join("\n",
            "{\"type\":\"category\",\"slug\":\"news\",\"name\":\"News\",\"description\":\"Today.\"}",
            "{\"type\":\"category\",\"slug\":\"world\",\"name\":\"World\",\"parent\":\"news\"}",
            "{\"type\":\"author\",\"slug\":\"jane-doe\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\",\"bio\":\"Reports.\"}",
            "{\"type\":\"article\",\"slug\":\"first\",\"externalId\":\"cms-1\",\"title\":\"First ça va\",\"subtitle\":\"Sub\","
                    + "\"excerpt\":\"Short.\",\"body\":\"# Head\\n\\nSome *text* and [a link](https://example.com).\","
                    + "\"status\":\"published\",\"featured\":true,\"publishedAt\":\"2024-05-01T10:00:00.123456Z\","
                    + "\"category\":\"world\",\"authors\":[\"jane-doe\",\"john-roe\"],\"tags\":[\"a\",\"b\"],"
                    + "\"featureImageUrl\":\"https://example.com/a.jpg\"}",
            "{\"type\":\"article\",\"slug\":\"draft-one\",\"title\":\"A draft\",\"status\":\"draft\",\"category\":\"sport\","
                    + "\"authors\":[\"jane-doe\"]}",
            "{\"type\":\"article\",\"slug\":\"later\",\"title\":\"Later\",\"body\":\"Soon.\",\"status\":\"scheduled\","
                    + "\"publishedAt\":\"2030-01-01T00:00:00Z\",\"category\":\"news\",\"authors\":[\"jane-doe\"]}") + "\n";

    @TempDir
    Path work;
    private final List<String> createdDatabases = new ArrayList<>();

    @AfterEach
    void dropDatabases() throws SQLException {
        for (String name : createdDatabases) {
            try (Connection c = serverConnection(); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name);
            }
        }
    }

    @Test
    void shouldExportAgainToTheSameBytesWhatItImportedIntoAnEmptyDatabase() throws Exception {
        Path fixture = Files.writeString(work.resolve("fixture.ndjson"), FIXTURE);
        Database first = emptyDatabase("first");
        Run imported = run(first, "import", fixture.toString());
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("\"created\":6", "\"failed\":0");
        assertThat(imported.err()).contains("import: 6 lines");
        Path once = work.resolve("once.ndjson");
        assertThat(run(first, "export", once.toString()).status()).isZero();

        Database second = emptyDatabase("second");
        assertThat(run(second, "import", once.toString()).status()).isZero();
        Path twice = work.resolve("twice.ndjson");
        assertThat(run(second, "export", twice.toString()).status()).isZero();

        assertThat(Files.readString(twice)).isEqualTo(Files.readString(once));
        // No demo content was loaded into the database imported into; what was created from references is there.
        assertThat(Files.readString(once)).doesNotContain("extraction-sequel-in-the-works")
                .contains("{\"type\":\"author\",\"slug\":\"john-roe\",\"name\":\"John Roe\"}")
                .contains("\"publishedAt\":\"2024-05-01T10:00:00.123456Z\"");
        assertThat(Files.readString(once).lines()).hasSize(8);
    }

    @Test
    void shouldExitWithOneWhenLinesFailAndTwoWhenTheFileCannotBeRead() throws Exception {
        Path file = Files.writeString(work.resolve("bad.ndjson"),
                "{\"type\":\"author\",\"slug\":\"ok\",\"name\":\"Ok\"}\n{\"type\":\"author\",\"slug\":\"Not A Slug\",\"name\":\"X\"}\n");
        Database database = emptyDatabase("bad");
        Run failed = run(database, "import", file.toString());
        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.err()).contains("line 2: slug:");
        assertThat(run(database, "import", work.resolve("missing.ndjson").toString()).status()).isEqualTo(2);
    }

    @Test
    void shouldImportAWordPressExportAndAMarkdownFolderAndChangeNothingTheSecondTime() throws Exception {
        Path wordpress = Path.of("src/test/resources/import/wordpress.xml").toAbsolutePath();
        Path markdown = Path.of("src/test/resources/import/markdown").toAbsolutePath();
        Database database = emptyDatabase("foreign");

        Run posts = run(database, "import", "--format", "wordpress", wordpress.toString());
        assertThat(posts.status()).as(posts.err()).isEqualTo(1);
        assertThat(posts.out()).contains("\"articles\":{\"created\":4,\"updated\":0,\"unchanged\":0}", "\"failed\":1");
        assertThat(posts.err()).contains("import: 10 entries in ", "skipped: 1 attachment, 1 page",
                "  post 23 at line ");
        Run files = run(database, "import", "--format", "markdown", markdown.toString());
        assertThat(files.status()).as(files.err()).isEqualTo(1);
        assertThat(files.out()).contains("\"articles\":{\"created\":5,\"updated\":0,\"unchanged\":0}");
        assertThat(files.err()).contains("  posts/broken-front-matter.md: front matter: not valid YAML");

        Run again = run(database, "import", "--format", "wordpress", wordpress.toString());
        assertThat(again.out()).contains("\"created\":0,\"updated\":0,\"unchanged\":9,\"failed\":1");
        Path exported = work.resolve("foreign.ndjson");
        assertThat(run(database, "export", exported.toString()).status()).isZero();
        assertThat(Files.readString(exported)).contains("\"externalId\":\"wp:https://gazette.example.org/?p=11\","
                + "\"slug\":\"new-ferry-timetable\"", "\"externalId\":\"md:tide-app\",\"slug\":\"tide-app\"");
    }

    @Test
    void shouldFailHostileEntriesAloneAndFinishWithTheSummaryInASmallHeap() throws Exception {
        Database database = emptyDatabase("hostile");
        // 120 MB of CDATA in one post, between two good ones: held whole (as chars, twice its bytes), it would not fit
        // in the 64 MB heap several times over; read in chunks, it is read past.
        Path export = work.resolve("hostile.xml");
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss xmlns:content=\"http://purl.org/rss/1.0/modules/"
                + "content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">"
                + "<channel>" + post("before", "Fine") + "<item><title>Huge</title><dc:creator>ann</dc:creator>"
                + "<wp:post_type>post</wp:post_type><content:encoded><![CDATA[";
        String tail = "]]></content:encoded></item>" + post("after", "Fine too") + "</channel></rss>";
        try (var in = RepeatedStream.of(head, "<p>0123456789</p>", 120_000_000 / 17, tail)) {
            Files.copy(in, export);
        }
        Path folder = Files.createDirectories(work.resolve("hostile-markdown/posts/_drafts"));
        Files.writeString(folder.resolve("unfinished.md"), "---\ntitle: Unfinished\n---\nNot yet.\n");
        Files.writeString(folder.resolveSibling("2024-02-30-no-such-day.md"), "---\ntitle: No such day\n---\nB.\n");
        // 500,000 references to 30,000 characters: 15 GB as text, were the date turned into text to be parsed.
        Files.writeString(folder.resolveSibling("bomb.md"), "---\ntitle: Bomb\nl: &l \"" + "x".repeat(30_000) + "\"\n"
                + "a: &a [" + "*l, ".repeat(5000) + "*l]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "date: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\nBody.\n");

        Run posts = run(database, List.of("-Xmx64m"), "import", "--format", "wordpress", export.toString());
        Files.delete(export);
        assertThat(posts.status()).as(posts.err()).isEqualTo(1);
        assertThat(posts.out()).contains("\"articles\":{\"created\":2,\"updated\":0,\"unchanged\":0}",
                "\"failed\":1", "content:encoded: longer than the 4000000 characters an element may have");

        Run files = run(database, List.of("-Xmx64m"), "import", "--format", "markdown",
                work.resolve("hostile-markdown").toString());
        assertThat(files.status()).as(files.err()).isEqualTo(1);
        assertThat(files.out()).contains("\"articles\":{\"created\":1,", "\"failed\":2",
                "posts/bomb.md: date: must be a single date", "file name: 2024-02-30 is not a date");
    }

    private static String post(String slug, String title) {
        return "<item><title>" + title + "</title><dc:creator>ann</dc:creator><guid>https://x.example/?p=" + slug
                + "</guid><content:encoded><![CDATA[<p>Body</p>]]></content:encoded><wp:post_name>" + slug
                + "</wp:post_name><wp:status>publish</wp:status><wp:post_date_gmt>2024-05-01 10:00:00</wp:post_date_gmt>"
                + "<wp:post_type>post</wp:post_type></item>";
    }

    private record Database(Path dir, String url) {
    }

    private record Run(int status, String out, String err) {
    }

    private Database emptyDatabase(String name) throws IOException, SQLException {
        Path dir = Files.createDirectories(work.resolve(name));
        String url = System.getProperty("test.db.url", "");
        if (url.startsWith("jdbc:h2:")) {
            return new Database(dir, null);
        }
        String database = "transfer_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = serverConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        createdDatabases.add(database);
        return new Database(dir, url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
    }

    private static Connection serverConnection() throws SQLException {
        return DriverManager.getConnection(System.getProperty("test.db.url"), System.getProperty("test.db.username"), "");
    }

    private static Run run(Database database, String... args) throws IOException, InterruptedException {
        return run(database, List.of(), args);
    }

    private static Run run(Database database, List<String> options, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(options);
        if (database.url() != null) {
            command.add("-Dquarkus.datasource.jdbc.url=" + database.url());
            command.add("-Dquarkus.datasource.username=" + System.getProperty("test.db.username"));
        }
        command.addAll(List.of("-jar", Path.of(System.getProperty("headline.jar")).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = database.dir().resolve("out.txt");
        Path err = database.dir().resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(database.dir().toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The command did not end within 180 s: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
