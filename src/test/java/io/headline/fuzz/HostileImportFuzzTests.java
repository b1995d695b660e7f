package io.headline.fuzz;

import static io.headline.Api.admin;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headline.transfer.RepeatedStream;
import io.headline.transfer.TransferCommand;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Generated hostile WordPress exports and Markdown files through the import command: whatever a file holds (huge
 * CDATA, text, comments or attributes, entity and alias bombs, deep nesting, impossible dates, odd encodings, XML cut
 * short), the import finishes with its summary, a bad entry fails alone with a short reason, the good ones beside it
 * are imported, and the reading thread allocates a bounded amount however large the file. The huge parts are streamed
 * to disk from a generator, so the test holds none of them either. Seeded: {@code -Dfuzz.seed=...} explores further.
 */
@QuarkusTest
class HostileImportFuzzTests {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_127L);
    private static final long MAX_ALLOCATED = 256L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss xmlns:content=\"http://purl.org/rss/1.0/"
            + "modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">"
            + "<channel>";

    private static final String CLOSE = "<dc:creator>ann</dc:creator><wp:post_type>post</wp:post_type></item>";

    /** A hostile post, or part of an export: whether the posts after it can still be read, and how it is written. */
    record Kind(String name, boolean alone, Function<Random, InputStream> xml) {

        @Override
        public String toString() {
            return name;
        }
    }

    @Inject
    TransferCommand command;

    @TempDir
    Path work;

    private static final List<Kind> WORDPRESS = List.of(
            new Kind("huge CDATA", true, r -> RepeatedStream.of(open("huge") + "<content:encoded><![CDATA[",
                    "<p>é ]] > </p>", 2_000_000 + r.nextInt(3_000_000), "]]></content:encoded>" + CLOSE)),
            new Kind("huge text with entities", true, r -> RepeatedStream.of(open("text") + "<content:encoded>",
                    "&lt;b&gt;&#233;&amp;", 1_000_000 + r.nextInt(1_000_000), "</content:encoded>" + CLOSE)),
            new Kind("huge unused field", true, r -> RepeatedStream.of(open("meta") + "<wp:postmeta><wp:meta_value><![CDATA[",
                    "0123456789", 12_000_000 + r.nextInt(6_000_000), "]]></wp:meta_value></wp:postmeta>" + CLOSE
                            .replace("</item>", "<wp:status>publish</wp:status><wp:post_date_gmt>2024-02-30 10:00:00</wp:post_date_gmt>"
                            + "</item>"))),
            new Kind("many huge fields", true, r -> RepeatedStream.of(open("fields"), "<excerpt:encoded xmlns:excerpt="
                    + "\"http://wordpress.org/export/1.2/excerpt/\">" + "e".repeat(3_000_000) + "</excerpt:encoded><title>"
                    + "t".repeat(3_000_000) + "</title>", 3 + r.nextInt(5), CLOSE)),
            new Kind("many terms", true, r -> RepeatedStream.of(open("terms"), "<category domain=\"post_tag\" nicename=\"t"
                    + r.nextInt(9) + "\">T</category>", 1001 + r.nextInt(100_000), CLOSE)),
            new Kind("impossible date", true, r -> text(open("date") + "<wp:status>publish</wp:status><wp:post_date_gmt>"
                    + "2024-02-30 10:00:00</wp:post_date_gmt>" + CLOSE)),
            new Kind("huge comment", false, r -> RepeatedStream.of("<!--", "- ", 600_000 + r.nextInt(600_000), "-->")),
            new Kind("huge attribute", false, r -> RepeatedStream.of(open("attr") + "<category domain=\"",
                    "0123456789", 110_000 + r.nextInt(1_000_000), "\">x</category>" + CLOSE)),
            new Kind("huge processing instruction", false, r -> RepeatedStream.of("<?pi ", "?", 1_100_000, "?>")),
            new Kind("entity bomb", false, r -> text("<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;"
                    + "&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>" + open("bomb") + "<title>&lol2;</title>" + CLOSE)),
            new Kind("deep nesting", false, r -> RepeatedStream.of(open("deep"), "<a>", 100 + r.nextInt(100_000), "")),
            new Kind("cut short", false, r -> text((open("cut") + "<title>Cut</title>" + CLOSE)
                    .substring(0, 30 + r.nextInt(120)))));

    private static String open(String name) {
        return "<item><wp:post_name>hostile-" + name + "</wp:post_name><title>" + name + "</title>";
    }

    private static InputStream text(String text) {
        return RepeatedStream.of(text, "", 0, "");
    }

    private static String post(String slug) {
        return "<item><title>Good</title><dc:creator>ann</dc:creator><guid>https://x.example/?p=" + slug + "</guid>"
                + "<content:encoded><![CDATA[<p>Body</p>]]></content:encoded><wp:post_name>" + slug
                + "</wp:post_name><wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>";
    }

    /** Each kind alone, so that a report names every kind that fails, not only the first. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("WORDPRESS")
    void shouldFinishAWordPressImportWithItsSummaryWhateverAPostHolds(Kind kind) throws IOException {
        Random random = new Random(SEED + kind.name().hashCode());
        String before = unique("before");
        String after = unique("after");
        Path file = work.resolve("export.xml");
        try (InputStream in = new java.io.SequenceInputStream(text(HEAD + post(before)), new java.io.SequenceInputStream(
                kind.xml().apply(random), text(post(after) + "</channel></rss>")))) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        JsonNode summary = importing(kind.name() + " (seed " + SEED + ")", "wordpress", file);

        assertThat(summary.get("failed").asInt()).as(kind.name() + ": " + summary).isEqualTo(1);
        admin().when().get("/api/v1/articles/" + before).then().statusCode(200);
        admin().when().get("/api/v1/articles/" + after).then().statusCode(kind.alone() ? 200 : 404);
    }

    @Test
    void shouldFinishAMarkdownImportWithItsSummaryWhateverAFileHolds() throws IOException {
        Random random = new Random(SEED);
        String good = unique("good");
        Files.writeString(work.resolve(good + ".md"), "---\ntitle: Good\n---\nBody.\n");
        Files.writeString(work.resolve("2023-02-29-" + unique("date") + ".md"), "---\ntitle: Not leap\n---\nB.\n");
        Files.writeString(work.resolve("13-01-2024-x.md"), "---\ntitle: T\ndate: 2024-13-45\n---\nB.\n");
        String leaf = "x".repeat(20_000 + random.nextInt(10_000));
        Files.writeString(work.resolve("aliases.md"), "---\ntitle: Bomb\nl: &l \"" + leaf + "\"\na: &a [" + "*l, "
                .repeat(5000) + "*l]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" + List.of("date", "tags", "authors",
                "title", "categories", "description").get(random.nextInt(6)) + ": [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\nB.\n");
        Files.writeString(work.resolve("billion.md"), "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                + "e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\nB.\n");
        Files.writeString(work.resolve("deep.md"), "---\ntitle: " + "[".repeat(5000) + "\n---\nB.\n");
        Files.write(work.resolve("utf16.md"), "---\ntitle: UTF-16\n---\nB.\n".getBytes(StandardCharsets.UTF_16));
        Files.write(work.resolve("latin1.md"), "---\ntitle: Caf\u00e9\n---\nB.\n".getBytes(StandardCharsets.ISO_8859_1));
        try (InputStream in = RepeatedStream.of("---\ntitle: Huge\n---\n", "text ", 1_000_000, "")) {
            Files.copy(in, work.resolve("huge.md"));
        }

        JsonNode summary = importing("markdown (seed " + SEED + ")", "markdown", work);

        assertThat(summary.get("articles").get("created").asInt()).as(summary.toString()).isEqualTo(1);
        assertThat(summary.get("failed").asInt()).as(summary.toString()).isEqualTo(8);
        admin().when().get("/api/v1/articles/" + good).then().statusCode(200);
    }

    /** Runs the command; its summary, with each reason short and the reading thread's allocation bounded. */
    private JsonNode importing(String what, String format, Path path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = threads.getCurrentThreadAllocatedBytes();

        int status = command.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "import", "--format", format, path.toString());

        assertThat(threads.getCurrentThreadAllocatedBytes() - allocated).as(what).isLessThan(MAX_ALLOCATED);
        assertThat(status).as(what + ": " + err).isEqualTo(1);
        JsonNode summary = JSON.readTree(out.toByteArray());
        for (JsonNode error : summary.get("errors")) {
            assertThat(error.get("reason").asText()).as(what).hasSizeLessThanOrEqualTo(500);
        }
        return summary;
    }
}
