package io.headline.transfer;

import static io.headline.Api.admin;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --format wordpress --media}: the posts' featured images come along from their attachments' URLs, here
 * served on loopback (tests allow private addresses); without {@code --media} nothing is fetched.
 */
@QuarkusTest
class WordPressMediaImportTests {

    @Inject
    TransferCommand command;
    @Inject
    ObjectMapper mapper;

    @TempDir
    Path work;

    private HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final byte[] picture = jpeg(320, 200);

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            if (exchange.getRequestURI().getPath().endsWith("/harbour.jpg")) {
                exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
                exchange.sendResponseHeaders(200, picture.length);
                exchange.getResponseBody().write(picture);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** What one run of the command printed and returned. */
    private record Run(int status, JsonNode summary, String err) {
    }

    private Run importing(Path file, String... options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("import", "--format", "wordpress"));
        args.addAll(List.of(options));
        args.add(file.toString());
        int status = command.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, args.toArray(String[]::new));
        String printed = out.toString(StandardCharsets.UTF_8);
        return new Run(status, printed.isBlank() ? null : mapper.readTree(printed), err.toString(StandardCharsets.UTF_8));
    }

    /** An export of one post whose featured image is attachment 70, at {@code imagePath}, listed after the post. */
    private Path export(String slug, String imagePath) throws IOException {
        return export(slug, imagePath, false);
    }

    /** With {@code attachmentFirst}, the attachment is listed before the post (exports have both orders). */
    private Path export(String slug, String imagePath, boolean attachmentFirst) throws IOException {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + imagePath;
        Path file = work.resolve(slug + ".xml");
        String xml = """
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                    xmlns:content="http://purl.org/rss/1.0/modules/content/"
                    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                  <wp:author><wp:author_login><![CDATA[media.tester]]></wp:author_login></wp:author>
                  <item>
                    <title>Boats at dawn</title>
                    <dc:creator><![CDATA[media.tester]]></dc:creator>
                    <guid isPermaLink="false">https://example.org/?p=%1$s</guid>
                    <content:encoded><![CDATA[<p>The first boats leave.</p>]]></content:encoded>
                    <wp:post_id>69</wp:post_id>
                    <wp:post_date_gmt><![CDATA[2024-05-01 08:30:00]]></wp:post_date_gmt>
                    <wp:post_name><![CDATA[%1$s]]></wp:post_name>
                    <wp:status><![CDATA[publish]]></wp:status>
                    <wp:post_type><![CDATA[post]]></wp:post_type>
                    <wp:postmeta>
                      <wp:meta_key><![CDATA[_edit_last]]></wp:meta_key>
                      <wp:meta_value><![CDATA[1]]></wp:meta_value>
                    </wp:postmeta>
                    <wp:postmeta>
                      <wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key>
                      <wp:meta_value><![CDATA[70]]></wp:meta_value>
                    </wp:postmeta>
                  </item>
                  <item>
                    <title>harbour</title>
                    <excerpt:encoded><![CDATA[Dawn over the harbour.]]></excerpt:encoded>
                    <wp:post_id>70</wp:post_id>
                    <wp:status><![CDATA[inherit]]></wp:status>
                    <wp:post_type><![CDATA[attachment]]></wp:post_type>
                    <wp:attachment_url><![CDATA[%2$s]]></wp:attachment_url>
                    <wp:postmeta>
                      <wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key>
                      <wp:meta_value><![CDATA[Fishing boats leaving the harbour]]></wp:meta_value>
                    </wp:postmeta>
                  </item>
                </channel>
                </rss>
                """.formatted(slug, url);
        if (attachmentFirst) {
            int post = xml.indexOf("  <item>");
            int attachment = xml.indexOf("  <item>", post + 1);
            int end = xml.indexOf("</channel>");
            xml = xml.substring(0, post) + xml.substring(attachment, end) + xml.substring(post, attachment)
                    + xml.substring(end);
        }
        Files.writeString(file, xml);
        return file;
    }

    private static JsonPath article(String slug) {
        return admin().when().get("/api/v1/articles/" + slug).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldImportAPostsFeaturedImageWhenAskedAndSetItAsItsArticlesFeatureImageOnce() throws IOException {
        String slug = unique("with-image");
        Path file = export(slug, "/uploads/" + slug + "/harbour.jpg");

        Run first = importing(file, "--media");

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.summary().get("mediaImported").asInt()).isEqualTo(1);
        assertThat(first.summary().get("mediaFailed").asInt()).isZero();
        assertThat(first.err()).contains("featured images: 1 imported, 0 failed");
        JsonPath imported = article(slug);
        String mediaId = imported.getString("featureImage.id");
        assertThat(mediaId).isNotNull();
        assertThat(imported.getInt("featureImage.width")).isEqualTo(320);
        assertThat(imported.getString("featureImage.alt")).isEqualTo("Fishing boats leaving the harbour");
        assertThat(imported.getString("featureImage.caption")).isEqualTo("Dawn over the harbour.");
        JsonPath media = admin().when().get("/api/v1/media/" + mediaId).then().statusCode(200).extract().jsonPath();
        assertThat(media.getString("name")).isEqualTo("harbour.jpg");
        assertThat(media.getString("contentType")).isEqualTo("image/jpeg");

        // Again: the same bytes are the same media, and the article, which has it already, is not written again.
        Run second = importing(file, "--media");

        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.summary().get("mediaImported").asInt()).isEqualTo(1);
        assertThat(second.summary().at("/articles/unchanged").asInt()).isEqualTo(1);
        JsonPath again = article(slug);
        assertThat(again.getString("featureImage.id")).isEqualTo(mediaId);
        assertThat(again.getLong("version")).isEqualTo(imported.getLong("version"));
    }

    @Test
    void shouldFetchNothingWithoutBeingAsked() throws IOException {
        String slug = unique("without-image");

        Run run = importing(export(slug, "/uploads/" + slug + "/harbour.jpg"));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.summary().has("mediaImported")).isFalse();
        assertThat(run.summary().has("mediaFailed")).isFalse();
        assertThat(requested).isEmpty();
        assertThat(article(slug).getString("featureImage")).isNull();
    }

    @Test
    void shouldReportAnImageThatCannotBeFetchedAndStillImportItsArticleWhereverTheAttachmentIsListed()
            throws IOException {
        String slug = unique("lost-image");

        Run run = importing(export(slug, "/uploads/" + slug + "/gone.jpg", true), "--media");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.summary().get("failed").asInt()).isZero();
        assertThat(run.summary().at("/articles/created").asInt()).isEqualTo(1);
        assertThat(run.summary().get("mediaImported").asInt()).isZero();
        assertThat(run.summary().get("mediaFailed").asInt()).isEqualTo(1);
        assertThat(run.summary().at("/errors/0/reason").asText())
                .startsWith("post 69 at line ")
                .contains("featured image (attachment 70)", "/gone.jpg", "404");
        assertThat(requested).containsExactly("/uploads/" + slug + "/gone.jpg");
        assertThat(article(slug).getString("featureImage")).isNull();
    }

    @Test
    void shouldRefuseMediaForFormatsOtherThanWordPress() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = command.run(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), false, "import",
                "--format", "markdown", "--media", work.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--media", "--format wordpress");
    }

    /** A JPEG unlike any other test's (a random pixel), so that no other upload is met through de-duplication. */
    private static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            image.setRGB(x, 0, ThreadLocalRandom.current().nextInt(0xffffff));
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
