package io.headline.media;

import static io.headline.media.MediaTesting.admin;
import static io.headline.media.MediaTesting.fetch;
import static io.headline.media.MediaTesting.filesUnder;
import static io.headline.media.MediaTesting.upload;
import static io.headline.media.MediaTesting.uploaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.headline.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Each hostile or broken upload gets a clear problem, and leaves nothing behind: no file, no row. */
@QuarkusTest
class MediaBadInputTests {

    @Inject
    MediaConfig config;

    @Test
    void shouldRefuseBytesThatDisagreeWithTheDeclaredTypeOrTheName() {
        byte[] jpeg = Images.jpeg(100, 100);
        refused(() -> upload(Api.invalid(admin()), jpeg, "image/png", "photo.png"), 415, "image/jpeg");
        refused(() -> upload(admin(), jpeg, "application/octet-stream", "photo.png"), 415, "named 'photo.png'");
        refused(() -> upload(admin(), jpeg, "image/jpeg", "photo.gif"), 415, "image/jpeg");
    }

    @Test
    void shouldRefuseATruncatedJpeg() {
        byte[] jpeg = Images.jpeg(800, 600);
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);
        refused(() -> upload(admin(), truncated, "image/jpeg", "cut.jpg"), 422, "could not be read");
    }

    @Test
    void shouldRefuseAPngBombFromItsHeaderBeforeDecodingIt() {
        byte[] bomb = Images.pngBomb();
        assertThat(bomb.length).isLessThan(64 * 1024);
        refused(() -> upload(admin(), bomb, "image/png", "bomb.png"), 422, "900000000 pixels");
    }

    @Test
    void shouldServeAJpegHtmlPolyglotOnlyAsAnImageWithoutItsHtml() {
        String html = "<html><body><script>alert(document.cookie)</script></body></html>";
        ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
        polyglot.writeBytes(Images.jpeg(120, 80));
        polyglot.writeBytes(html.getBytes(StandardCharsets.UTF_8));

        var media = uploaded(polyglot.toByteArray(), "image/jpeg", "polyglot.jpg");

        assertThat(media.getString("contentType")).isEqualTo("image/jpeg");
        byte[] served = admin().when().get(media.getString("url")).then().statusCode(200)
                .contentType("image/jpeg")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asByteArray();
        assertThat(Images.contains(served, "<script")).isFalse();
        assertThat(Images.read(served).getWidth()).isEqualTo(120);
    }

    @Test
    void shouldRefuseSvgWhichCanCarryScripts() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        refused(() -> upload(admin(), svg, "application/octet-stream", "logo.svg"), 415, "SVG");
        refused(() -> Api.invalid(admin()).multiPart("file", "logo.svg", svg, "image/svg+xml")
                .when().post("/api/v1/media").then().extract(), 415, "SVG");
    }

    @Test
    void shouldRefuseAJsonImportWithoutAUrl() {
        refused(() -> Api.invalid(admin()).contentType("application/json").body("null").when().post("/api/v1/media").then().extract(),
                422, "url");
        refused(() -> Api.invalid(admin()).contentType("application/json").body("{}").when().post("/api/v1/media")
                .then().extract(), 422, "url");
    }

    @Test
    void shouldRefuseAnEmptyFile() {
        refused(() -> upload(Api.invalid(admin()), new byte[0], "image/jpeg", "empty.jpg"), 422, "empty");
    }

    @Test
    void shouldRefuseFileNamesThatCouldBePathsOrAreTooLong() {
        byte[] jpeg = Images.jpeg(60, 60);
        refused(() -> upload(admin(), jpeg, "image/jpeg", "../../etc/passwd.jpg"), 422, "filename");
        refused(() -> upload(admin(), jpeg, "image/jpeg", "a".repeat(300) + ".jpg"), 422, "filename");
        refused(() -> form(("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\0b.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), jpeg, "\r\n--b--\r\n"),
                422, "filename");
    }

    @Test
    void shouldRefuseAFormWithoutAFileOrWithTwo() {
        refused(() -> admin().multiPart("alt", "No file here").when().post("/api/v1/media").then().extract(), 422,
                "no file");
        refused(() -> admin().multiPart("file", "a.jpg", Images.jpeg(30, 30), "image/jpeg")
                .multiPart("file", "b.jpg", Images.jpeg(30, 30), "image/jpeg")
                .when().post("/api/v1/media").then().extract(), 422, "more than one file");
    }

    @Test
    void shouldRefuseAFileOverTheSizeLimitWhetherItsLengthIsDeclaredOrNot() {
        byte[] big = new byte[(int) config.maxSize().asLongValue() + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        refused(() -> upload(admin(), big, "image/jpeg", "big.jpg"), 413, "bytes");
        // A stream is sent chunked, without a Content-Length; the validator does not see it.
        refused(() -> Api.invalid(admin()).contentType("image/jpeg").body(new ByteArrayInputStream(big))
                .when().post("/api/v1/media").then().extract(), 413, "bytes");
    }

    @Test
    void shouldRefuseRenditionsOutsideTheAllowLists() {
        String url = uploaded(Images.jpeg(200, 100), "image/jpeg", "lists.jpg").getString("url");

        Api.invalid(admin()).when().get(url + "?w=99999").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("160, 320, 640, 960, 1280, 1920, 2560"));
        Api.invalid(admin()).when().get(url + "?w=160&q=0").then().statusCode(400).body("detail", containsString("q"));
        Api.invalid(admin()).when().get(url + "?format=gif").then().statusCode(400)
                .body("detail", containsString("auto, webp, avif, jpeg, png"));
        Api.invalid(admin()).when().get(url + "?w=160&h=160&fit=nonsense").then().statusCode(400)
                .body("detail", containsString("cover, contain, inside"));
        Api.invalid(admin()).when().get(url + "?w=160&fit=cover").then().statusCode(400);
        fetch(admin(), url + "?w=160", 200);
    }

    /** Runs a refused upload and checks its answer, and that no file or row came of it. */
    private void refused(Supplier<ExtractableResponse<Response>> attempt, int status, String detail) {
        Path root = Path.of(config.directory());
        List<Path> before = filesUnder(root);
        int rows = admin().when().get("/api/v1/media").then().extract().path("meta.totalItems");

        ExtractableResponse<Response> response = attempt.get();

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).contains(detail);
        assertThat(filesUnder(root)).isEqualTo(before);
        admin().when().get("/api/v1/media").then().body("meta.totalItems", equalTo(rows));
    }

    private static ExtractableResponse<Response> form(byte[] head, byte[] file, String tail) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(head);
        body.writeBytes(file);
        body.writeBytes(tail.getBytes(StandardCharsets.ISO_8859_1));
        return admin().contentType("multipart/form-data; boundary=b").body(body.toByteArray())
                .when().post("/api/v1/media").then().extract();
    }
}
