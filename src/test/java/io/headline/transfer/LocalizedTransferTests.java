package io.headline.transfer;

import static io.headline.Api.admin;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.headline.locale.LocalizationTests;
import io.headline.media.Images;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import and export keep locales and translation groups (#20), with the locales en, de, de-AT:de and fr. */
@QuarkusTest
@TestProfile(LocalizationTests.FourLocales.class)
class LocalizedTransferTests {

    @Inject
    ImportService imports;
    @Inject
    ExportService exports;
    @Inject
    LineParser parser;
    @Inject
    Clock clock;
    @Inject
    TransferCommand command;

    @TempDir
    Path work;

    private ImportSummary importing(String ndjson, int batchSize) {
        return imports.importFrom(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), batchSize, p -> {
        });
    }

    private static String article(String slug, String locale, String group, String category, String author,
            String tags) {
        return "{\"type\":\"article\",\"slug\":\"" + slug + "\",\"title\":\"Title " + slug + "\",\"status\":\"published\","
                + "\"publishedAt\":\"2024-05-01T10:00:00Z\",\"category\":\"" + category + "\",\"authors\":[\"" + author
                + "\"],\"tags\":" + tags + (locale == null ? "" : ",\"locale\":\"" + locale + "\"")
                + (group == null ? "" : ",\"translationGroup\":\"" + group + "\"") + "}";
    }

    /** Each translation of the article {@code slug} names, as an editor reads them, by locale. */
    private static Map<String, JsonPath> translations(String slug) {
        JsonPath list = admin().when().get("/api/v1/articles/{slug}/translations", slug).then().statusCode(200)
                .extract().jsonPath();
        Map<String, JsonPath> byLocale = new HashMap<>();
        for (int i = 0; i < list.getList("data").size(); i++) {
            byLocale.put(list.getString("data[" + i + "].locale"), JsonPath.from(admin().when()
                    .get("/api/v1/articles/" + list.getString("data[" + i + "].id")).then().statusCode(200)
                    .extract().asString()));
        }
        return byLocale;
    }

    /** What the translations of an article share, as a reader sees it on one of them. */
    private static List<Object> shared(JsonPath article) {
        return List.of(article.getString("category.slug"), article.getList("authors.slug"), article.getList("tags"),
                article.getBoolean("featured"), String.valueOf(article.getString("featureImageUrl")));
    }

    private String exported(Set<String> slugs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.export(out);
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(l -> slugs.stream().anyMatch(s -> l.contains("\"slug\":\"" + s + "\"")))
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void shouldExportTranslationsAndImportThemBackWithTheirLocalesSlugsGroupAndWhatTheyShare() {
        Map<String, Object> input = articleInput("published");
        input.putAll(Map.of("slug", unique("harbour"), "tags", List.of("boats", "summer"), "featured", true,
                "featureImageUrl", "https://example.com/lead.jpg"));
        Map<String, Object> en = createArticle(input);
        String enSlug = (String) en.get("slug");
        String deSlug = unique("hafen");
        String frSlug = unique("port");
        for (Map<String, Object> translation : List.<Map<String, Object>>of(
                Map.of("locale", "de", "slug", deSlug, "title", "Hafen", "status", "published"),
                Map.of("locale", "fr", "slug", frSlug, "title", "Port", "status", "draft"))) {
            admin().body(translation).when().post("/api/v1/articles/{id}/translations", en.get("id")).then()
                    .statusCode(201);
        }
        Map<String, JsonPath> before = translations(enSlug);
        String category = before.get("en").getString("category.slug");
        String author = before.get("en").getString("authors[0].slug");
        Set<String> ours = Set.of(enSlug, deSlug, frSlug, category, author);

        String export = exported(ours);
        List<String> articleLines = export.lines().filter(l -> l.startsWith("{\"type\":\"article\"")).toList();
        assertThat(articleLines).hasSize(3);
        assertThat(articleLines.stream().map(l -> JsonPath.from(l).getString("locale")))
                .containsExactlyInAnyOrder("en", "de", "fr");
        assertThat(articleLines.stream().map(l -> JsonPath.from(l).getString("translationGroup")).distinct())
                .containsExactly("en:" + enSlug);

        // Into a database without them: the translations go, the default locale's last, then come back.
        for (String slug : List.of(deSlug, frSlug, enSlug)) {
            admin().when().delete("/api/v1/articles/" + before.get(before.keySet().stream()
                    .filter(l -> before.get(l).getString("slug").equals(slug)).findFirst().orElseThrow())
                    .getString("id")).then().statusCode(204);
        }
        ImportSummary imported = importing(export, 2);
        assertThat(imported.failed()).as("%s", imported.errors()).isZero();
        assertThat(imported.articles()).isEqualTo(new ImportSummary.Counts(3, 0, 0));

        Map<String, JsonPath> after = translations(deSlug);
        assertThat(after.keySet()).containsExactlyInAnyOrder("en", "de", "fr");
        for (String locale : List.of("en", "de", "fr")) {
            assertThat(after.get(locale).getString("slug")).isEqualTo(before.get(locale).getString("slug"));
            assertThat(after.get(locale).getString("status")).isEqualTo(before.get(locale).getString("status"));
            assertThat(after.get(locale).getString("title")).isEqualTo(before.get(locale).getString("title"));
            assertThat(shared(after.get(locale))).isEqualTo(shared(before.get("en")));
        }
        assertThat(exported(ours)).isEqualTo(export);

        ImportSummary again = importing(export, 500);
        assertThat(again.failed()).as("%s", again.errors()).isZero();
        assertThat(again.unchanged()).isEqualTo(5);
    }

    @Test
    void shouldLinkLinesByTheirGroupAcrossBatchesAndShareWhatTheDefaultLocaleHas() {
        String group = unique("group");
        String en = unique("story");
        String de = unique("geschichte");
        String fr = unique("histoire");
        String who = unique("who");
        // German first, with a category and tags of its own; English decides, whenever it comes.
        String ndjson = String.join("\n",
                article(de, "DE", group, unique("nachrichten"), who, "[\"de\"]"),
                article(en, null, group, unique("news"), who, "[\"en\"]"),
                article(fr, "fr", group, unique("nouvelles"), who, "[\"fr\"]")) + "\n";

        ImportSummary first = importing(ndjson, 1);

        assertThat(first.failed()).as("%s", first.errors()).isZero();
        Map<String, JsonPath> group1 = translations(en);
        assertThat(group1.keySet()).containsExactlyInAnyOrder("en", "de", "fr");
        assertThat(group1.get("de").getString("slug")).isEqualTo(de);
        assertThat(shared(group1.get("de"))).isEqualTo(shared(group1.get("en")));
        assertThat(shared(group1.get("fr"))).isEqualTo(shared(group1.get("en")));
        assertThat(group1.get("de").getList("tags")).containsExactly("en");

        ImportSummary again = importing(ndjson, 1);
        assertThat(again.failed()).as("%s", again.errors()).isZero();
        assertThat(again.articles()).isEqualTo(new ImportSummary.Counts(0, 0, 3));

        // A changed default-locale line changes what all of them share.
        ImportSummary changed = importing(article(en, "en", group, unique("news"), who, "[\"changed\"]") + "\n", 500);
        assertThat(changed.articles()).isEqualTo(new ImportSummary.Counts(0, 1, 0));
        assertThat(translations(de).get("fr").getList("tags")).containsExactly("changed");
    }

    @Test
    void shouldFailLinesWithALocaleTheServerDoesNotHaveOrTwoTranslationsInOneLocaleAndImportTheRest() {
        String group = unique("group");
        String who = unique("who");
        String cat = unique("cat");
        String ndjson = String.join("\n",
                article(unique("italian"), "it", null, cat, who, "[]"),
                article(unique("underscore"), "en_US", null, cat, who, "[]"),
                article(unique("long"), "de-" + "x".repeat(200), null, cat, who, "[]"),
                article(unique("first"), "de-at", group, cat, who, "[]"),
                article(unique("second"), "de-AT", group, cat, who, "[]"),
                "{\"type\":\"article\",\"slug\":\"" + unique("number") + "\",\"title\":\"T\",\"category\":\"" + cat
                        + "\",\"authors\":[\"" + who + "\"],\"translationGroup\":7}") + "\n";

        JsonPath summary = admin().contentType(TransferResource.NDJSON).body(ndjson.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/import").then().statusCode(200).extract().jsonPath();

        assertThat(summary.getInt("articles.created")).isEqualTo(1);
        assertThat(summary.getList("errors.line", Integer.class)).containsExactly(1, 2, 3, 5, 6);
        List<String> reasons = summary.getList("errors.reason");
        assertThat(reasons.get(0)).isEqualTo("locale: 'it' is not one of the server's locales; they are en, de, de-AT, "
                + "fr (headline.locales)");
        assertThat(reasons.get(1)).startsWith("locale: 'en_US' is not a BCP 47 language tag");
        assertThat(reasons.get(2)).startsWith("locale: size must be");
        assertThat(reasons.get(3)).isEqualTo("translationGroup: its article already has a translation in 'de-AT'");
        assertThat(reasons.get(4)).startsWith("translationGroup: must be a non-blank string");
    }

    @Test
    void shouldImportPolylangAndWpmlLanguagesAndTranslationsFromAWordPressExport() throws IOException {
        String en = unique("ferry");
        String de = unique("faehre");
        String fr = unique("bac");
        String it = unique("traghetto");
        String pll = "pll_" + unique("x").replace('-', '_');
        String wpml = unique("trid");
        String xml = wxr(
                item(1, en, "<category domain=\"language\" nicename=\"en\"><![CDATA[English]]></category>"
                        + "<category domain=\"post_translations\" nicename=\"" + pll + "\"><![CDATA[" + pll
                        + "]]></category><category domain=\"category\" nicename=\"" + en + "-news\"><![CDATA[News "
                        + en + "]]></category>"),
                item(2, de, "<category domain=\"language\" nicename=\"de\"><![CDATA[Deutsch]]></category>"
                        + "<category domain=\"post_translations\" nicename=\"" + pll + "\"><![CDATA[" + pll
                        + "]]></category><category domain=\"category\" nicename=\"" + de + "-nachrichten\"><![CDATA["
                        + "Nachrichten " + de + "]]></category>"),
                item(3, fr, "<wp:postmeta><wp:meta_key>_wpml_import_language_code</wp:meta_key><wp:meta_value>fr"
                        + "</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_wpml_import_translation_group"
                        + "</wp:meta_key><wp:meta_value>" + wpml + "</wp:meta_value></wp:postmeta>"),
                item(4, it, "<category domain=\"language\" nicename=\"it\"><![CDATA[Italiano]]></category>"));

        ImportSummary summary = imports.importFrom(new WordPressSource(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), parser), p -> {
                });

        assertThat(summary.articles().created()).isEqualTo(3);
        assertThat(summary.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .contains("language: 'it' is not one of the server's locales; they are en, de, de-AT, fr"));
        Map<String, JsonPath> polylang = translations(en);
        assertThat(polylang.keySet()).containsExactlyInAnyOrder("en", "de");
        assertThat(polylang.get("de").getString("slug")).isEqualTo(de);
        // What the translations share is the default locale's: the English post's category.
        assertThat(polylang.get("de").getString("category.slug")).isEqualTo(en + "-news");
        assertThat(translations(fr).keySet()).containsExactly("fr");

        ImportSummary again = imports.importFrom(new WordPressSource(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), parser), p -> {
                });
        assertThat(again.articles()).isEqualTo(new ImportSummary.Counts(0, 0, 3));
    }

    @Test
    void shouldGiveATranslationTheFeaturedImageOfItsDefaultLocalePost() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, byte[]> images = Map.of("/wide.jpg", Images.jpeg(320, 200), "/narrow.jpg", Images.jpeg(120, 200));
        server.createContext("/", exchange -> {
            byte[] image = images.get(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, image.length);
            exchange.getResponseBody().write(image);
            exchange.close();
        });
        server.start();
        try {
            String en = unique("pier");
            String de = unique("steg");
            String pll = "pll_" + unique("m").replace('-', '_');
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            String xml = wxr(
                    item(81, en, "<category domain=\"language\" nicename=\"en\">English</category><category "
                            + "domain=\"post_translations\" nicename=\"" + pll + "\">" + pll + "</category>"
                            + thumbnail(91)),
                    item(82, de, "<category domain=\"language\" nicename=\"de\">Deutsch</category><category "
                            + "domain=\"post_translations\" nicename=\"" + pll + "\">" + pll + "</category>"
                            + thumbnail(92)),
                    attachment(91, url + "/wide.jpg"), attachment(92, url + "/narrow.jpg"));
            Path file = work.resolve("polylang-media.xml");
            Files.writeString(file, xml);

            for (int run = 0; run < 2; run++) {
                assertThat(command.run(new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream()), false, "import", "--format", "wordpress",
                        "--media", file.toString())).isZero();
                Map<String, JsonPath> pier = translations(en);
                assertThat(pier.get("de").getInt("featureImage.width")).isEqualTo(320);
                assertThat(pier.get("en").getInt("featureImage.width")).isEqualTo(320);
            }
            // Written once, when the image was set: the rerun wrote neither translation.
            Map<String, JsonPath> pier = translations(en);
            for (String locale : List.of("en", "de")) {
                admin().when().get("/api/v1/articles/{id}/revisions", pier.get(locale).getString("id")).then()
                        .statusCode(200).body("data.size()", org.hamcrest.Matchers.equalTo(1));
            }
        } finally {
            server.stop(0);
        }
    }

    /** A WordPress export of these items. */
    private static String wxr(String... items) {
        return """
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                  xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                %s
                </channel>
                </rss>
                """.formatted(String.join("\n", items));
    }

    private static String thumbnail(int attachment) {
        return "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>" + attachment
                + "</wp:meta_value></wp:postmeta>";
    }

    private static String attachment(int id, String url) {
        return "<item><title>image " + id + "</title><wp:post_id>" + id + "</wp:post_id><wp:status>inherit</wp:status>"
                + "<wp:post_type>attachment</wp:post_type><wp:attachment_url>" + url + "</wp:attachment_url></item>";
    }

    private static String item(int id, String slug, String terms) {
        return """
                <item><title><![CDATA[Post %2$s]]></title><dc:creator><![CDATA[mara]]></dc:creator>
                <guid isPermaLink="false">https://example.org/?p=%2$s</guid>
                <content:encoded><![CDATA[<p>Text of %2$s.</p>]]></content:encoded>
                <wp:post_id>%1$d</wp:post_id><wp:post_date_gmt>2024-05-01 08:30:00</wp:post_date_gmt>
                <wp:post_name><![CDATA[%2$s]]></wp:post_name><wp:status>publish</wp:status>
                <wp:post_type>post</wp:post_type>%3$s</item>
                """.formatted(id, slug, terms);
    }

    @Test
    void shouldReadLangAndTranslationKeyFromMarkdownFrontMatter() throws IOException {
        String slug = unique("walk");
        String key = unique("key");
        Path folder = Files.createDirectories(work.resolve("content"));
        Files.writeString(folder.resolve("walk.en.md"), "---\ntitle: A walk\nslug: " + slug + "\nlang: en\n"
                + "translationKey: " + key + "\ndate: 2024-05-01\n---\nBy the sea.\n");
        // The same slug in another locale, and a language tag in another case.
        Files.writeString(folder.resolve("walk.de.md"), "---\ntitle: Ein Spaziergang\nslug: " + slug + "\nlang: DE\n"
                + "translationKey: " + key + "\ndate: 2024-05-01\n---\nAm Meer.\n");
        Files.writeString(folder.resolve("walk.it.md"), "---\ntitle: Una passeggiata\nslug: " + unique("it")
                + "\nlang: it\ndate: 2024-05-01\n---\nAl mare.\n");

        ImportSummary summary = imports.importFrom(new MarkdownSource(folder, parser, clock), p -> {
        });

        assertThat(summary.articles().created()).isEqualTo(2);
        assertThat(summary.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .contains("walk.it.md").contains("lang: 'it' is not one of the server's locales"));
        Map<String, JsonPath> walk = translations(slug);
        assertThat(walk.keySet()).containsExactlyInAnyOrder("en", "de");
        assertThat(walk.get("de").getString("slug")).isEqualTo(slug);
        assertThat(walk.get("de").getString("title")).isEqualTo("Ein Spaziergang");

        ImportSummary again = imports.importFrom(new MarkdownSource(folder, parser, clock), p -> {
        });
        assertThat(again.articles()).isEqualTo(new ImportSummary.Counts(0, 0, 2));
        assertThat(new ArrayList<>(again.errors())).hasSize(1);
    }
}
