package io.headline.transfer;

import static io.headline.Api.admin;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A WordPress export (src/test/resources/import/wordpress.xml) through the import's shared path. */
@QuarkusTest
class WordPressImportTests {

    @Inject
    ImportService imports;
    @Inject
    LineParser parser;

    @TempDir
    Path work;

    private ImportSummary importing(InputStream in, Map<String, Integer> skipped) throws IOException {
        WordPressSource source = new WordPressSource(in, parser);
        ImportSummary summary = imports.importFrom(source, progress -> {
        });
        skipped.putAll(source.skipped());
        return summary;
    }

    private ImportSummary importingFixture(Map<String, Integer> skipped) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/import/wordpress.xml")) {
            return importing(in, skipped);
        }
    }

    private ImportSummary importing(String xml) throws IOException {
        return importing(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new java.util.HashMap<>());
    }

    private static JsonPath get(String path) {
        return admin().when().get("/api/v1/" + path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldImportPostsAuthorsCategoriesAndTagsOnceAndFindThemUnchangedTheSecondTime() throws IOException {
        Map<String, Integer> skipped = new java.util.HashMap<>();
        ImportSummary first = importingFixture(skipped);

        // 2 authors, 3 categories, 5 posts (one malformed); the page and the attachment are skipped.
        assertThat(first.lines()).isEqualTo(10);
        assertThat(first.authors()).isEqualTo(new ImportSummary.Counts(2, 0, 0));
        assertThat(first.categories()).isEqualTo(new ImportSummary.Counts(3, 0, 0));
        assertThat(first.articles()).isEqualTo(new ImportSummary.Counts(4, 0, 0));
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .startsWith("post 23 at line ").contains("wp:post_date_gmt: 'yesterday' is not a date"));
        assertThat(skipped).containsEntry("page", 1).containsEntry("attachment", 1);

        JsonPath ferry = get("articles/new-ferry-timetable");
        assertThat(ferry.getString("title")).isEqualTo("New ferry timetable from June");
        assertThat(ferry.getString("status")).isEqualTo("published");
        assertThat(ferry.getString("publishedAt")).isEqualTo("2024-05-01T08:30:00Z");
        assertThat(ferry.getBoolean("featured")).isTrue();
        assertThat(ferry.getString("excerpt")).isEqualTo("More crossings and a later last boat.");
        assertThat(ferry.getString("category.slug")).isEqualTo("ferries");
        assertThat(ferry.getList("authors.slug")).containsExactly("mara-lind");
        // The second category is kept as a tag, before the post's tags.
        assertThat(ferry.getList("tags")).containsExactly("Harbour Life", "timetable", "summer");
        assertThat(ferry.getString("body")).isEqualTo("""
                The **summer timetable** starts on 1 June. Check the [operator's page](https://ferries.example.org/timetable) for details.

                ## What changes

                * Two more crossings on weekdays
                * The last boat leaves at *23:10*

                ![The ferry at the quay](https://gazette.example.org/wp-content/uploads/2024/05/ferry.jpg)""");

        JsonPath tides = get("articles/tide-tables-java");
        assertThat(tides.getString("body"))
                .startsWith("The harbour office publishes its tide tables as CSV. Here is how we read them.\n\n"
                        + "First, the steps:\n\n1. Download the file\n2. Split each line\n")
                .contains("```java\nrecord Tide(String time, double metres) {}\n\n"
                        + "var tides = lines.map(l -> l.split(\",\")).toList();\n```")
                .contains("Use `tides.size()` to check the count, or ask on [the forum](https://forum.example.org).");
        assertThat(tides.getList("tags")).containsExactly("Java");

        JsonPath draft = get("articles/notes-on-the-new-quay-draft");
        assertThat(draft.getString("status")).isEqualTo("draft");
        assertThat(draft.getString("publishedAt")).isNull();

        JsonPath scheduled = get("articles/regatta-weekend-preview");
        assertThat(scheduled.getString("status")).isEqualTo("scheduled");
        assertThat(scheduled.getString("publishedAt")).isEqualTo("2030-07-06T07:00:00Z");
        assertThat(scheduled.getList("authors.slug")).containsExactly("tomasz");

        assertThat(get("authors/tomasz").getString("name")).isEqualTo("Tomasz Król");
        assertThat(get("categories/ferries").getString("name")).isEqualTo("Ferries & Boats");
        admin().when().get("/api/v1/articles/about").then().statusCode(404);
        admin().when().get("/api/v1/articles/lost-post").then().statusCode(404);

        ImportSummary second = importingFixture(new java.util.HashMap<>());
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(9);
        assertThat(second.failed()).isEqualTo(1);
        assertThat(second.articles()).isEqualTo(new ImportSummary.Counts(0, 0, 4));
    }

    @Test
    void shouldLeaveAnExistingAuthorAsItIsAndCreateOnlyWhatIsMissing() throws IOException {
        String login = unique("editor");
        admin().contentType("application/json").body(Map.of("slug", login, "name", "Kept Name", "bio", "Kept bio."))
                .when().post("/api/v1/authors").then().statusCode(201);
        ImportSummary summary = importing(wxr("<wp:author><wp:author_login>" + login + "</wp:author_login>"
                + "<wp:author_display_name>Other Name</wp:author_display_name></wp:author>", ""));
        assertThat(summary.authors()).isEqualTo(new ImportSummary.Counts(0, 0, 1));
        JsonPath author = get("authors/" + login);
        assertThat(author.getString("name")).isEqualTo("Kept Name");
        assertThat(author.getString("bio")).isEqualTo("Kept bio.");
    }

    @Test
    void shouldRefuseADoctypeSoThatNoExternalEntityIsRead() throws IOException {
        Path secret = Files.writeString(work.resolve("secret.txt"), "SECRET-CONTENT");
        String slug = unique("xxe");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + wxr("", item(slug, "&xxe;")).replaceFirst("^<\\?xml[^>]*>", "");
        ImportSummary summary = importing(xml);
        assertThat(summary.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .startsWith("the export: not imported from here on: a DOCTYPE").doesNotContain("SECRET"));
        admin().when().get("/api/v1/articles/" + slug).then().statusCode(404);
    }

    @Test
    void shouldKeepWhatWasImportedBeforeXmlThatIsNotWellFormedAndSayWhereItBroke() throws IOException {
        String before = unique("before");
        String broken = wxr("", item(before, "Fine") + "<item><title>Broken</title></itm>");
        ImportSummary summary = importing(broken);
        assertThat(summary.articles().created()).isEqualTo(1);
        assertThat(summary.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .startsWith("the export: not imported from here on: not well-formed XML at line"));
        assertThat(get("articles/" + before).getString("title")).isEqualTo("Fine");
    }

    @Test
    void shouldImportThePostsBeforeADoctypeInTheMiddleOfTheExport() throws IOException {
        String before = unique("before");
        // The parser reads ahead: the refused markup must not take the posts read with it in one buffer.
        ImportSummary summary = importing(wxr("", item(before, "Fine") + "<!DOCTYPE x [<!ENTITY a \"a\">]>"
                + item(unique("after"), "&a;")));
        assertThat(summary.articles().created()).isEqualTo(1);
        assertThat(summary.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .startsWith("the export: not imported from here on: a DOCTYPE"));
        assertThat(get("articles/" + before).getString("title")).isEqualTo("Fine");
    }

    @Test
    void shouldFailAPostDatedOnADayThatDoesNotExistAlone() throws IOException {
        String impossible = unique("impossible");
        String fine = unique("fine");
        ImportSummary summary = importing(wxr("", item(impossible, "No 30 February").replace("<wp:status>draft",
                "<wp:post_date_gmt>2024-02-30 10:00:00</wp:post_date_gmt><wp:status>publish") + item(fine, "Leap day")
                .replace("<wp:status>draft", "<wp:post_date_gmt>2024-02-29 10:00:00</wp:post_date_gmt><wp:status>publish")));
        assertThat(summary.articles().created()).isEqualTo(1);
        assertThat(summary.errors()).singleElement().satisfies(error -> assertThat(error.reason()).endsWith(
                "wp:post_date_gmt: '2024-02-30 10:00:00' is not a date as WordPress writes them (yyyy-MM-dd HH:mm:ss)"));
        assertThat(get("articles/" + fine).getString("publishedAt")).isEqualTo("2024-02-29T10:00:00Z");
        admin().when().get("/api/v1/articles/" + impossible).then().statusCode(404);
    }

    @Test
    void shouldFailAPostWithAHugeCdataSectionAloneWithoutHoldingIt() throws IOException {
        String before = unique("before");
        String after = unique("after");
        String huge = unique("huge");
        String[] around = wxr("", item(before, "Before") + item(huge, "Huge") + item(after, "After"))
                .split("<p>Body</p>", 3);
        InputStream export = RepeatedStream.of(around[0] + "<p>Body</p>" + around[1], "<p>0123456789</p>",
                6_000_000, around[2]);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

        ImportSummary summary = importing(export, new java.util.HashMap<>());

        // 108 MB of CDATA: held whole, the parser alone would allocate several times that.
        assertThat(threads.getCurrentThreadAllocatedBytes() - allocatedBefore).isLessThan(64L * 1024 * 1024);
        assertThat(summary.articles().created()).isEqualTo(2);
        assertThat(summary.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .matches("post at line \\d+: content:encoded: longer than the 4000000 characters an element may have"));
        assertThat(get("articles/" + before).getString("title")).isEqualTo("Before");
        assertThat(get("articles/" + after).getString("title")).isEqualTo("After");
        admin().when().get("/api/v1/articles/" + huge).then().statusCode(404);
    }

    @Test
    void shouldImportAsDraftsPostsThatWordPressDoesNotShowEveryone() throws IOException {
        String open = unique("open");
        String password = unique("password");
        String pending = unique("pending");
        String invented = unique("invented");
        String dated = "<wp:post_date_gmt>2024-05-01 10:00:00</wp:post_date_gmt>";
        ImportSummary summary = importing(wxr("", item(open, "Open").replace("<wp:status>draft", dated
                + "<wp:status>publish") + item(password, "Password").replace("<wp:status>draft", dated
                + "<wp:post_password>secret</wp:post_password><wp:status>publish") + item(pending, "Pending")
                .replace("<wp:status>draft", "<wp:status>pending") + item(invented, "Invented")
                .replace("<wp:status>draft", dated + "<wp:status>Publish")));

        assertThat(summary.failed()).as(summary.errors().toString()).isZero();
        assertThat(get("articles/" + open).getString("status")).isEqualTo("published");
        for (String draft : new String[] {password, pending, invented}) {
            assertThat(get("articles/" + draft).getString("status")).as(draft).isEqualTo("draft");
        }
    }

    private static String wxr(String channel, String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                + "xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>" + channel + items + "</channel></rss>";
    }

    private static String item(String slug, String title) {
        return "<item><title>" + title + "</title><dc:creator>" + slug + "-author</dc:creator><guid>https://x.example/?p="
                + slug + "</guid><content:encoded><![CDATA[<p>Body</p>]]></content:encoded><wp:post_name>" + slug
                + "</wp:post_name><wp:status>draft</wp:status><wp:post_type>post</wp:post_type>"
                + "<category domain=\"category\" nicename=\"" + slug + "-cat\">Cat " + slug + "</category></item>";
    }
}
