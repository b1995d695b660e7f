package io.headline.media;

import static io.headline.media.MediaTesting.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import io.headline.common.error.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {"url": ...} imports a file from elsewhere, within the SSRF rule, the time limit and the size limit. */
@QuarkusTest
class MediaImportByUrlTests {

    private HttpServer server;
    private final byte[] picture = Images.jpeg(300, 200);

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/photos/dawn.jpg", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/jpg");
            exchange.sendResponseHeaders(200, picture.length);
            exchange.getResponseBody().write(picture);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void shouldImportAFileByItsUrlWithItsTexts() {
        admin().contentType("application/json")
                .body(Map.of("url", url("/photos/dawn.jpg"), "alt", "Dawn", "focalPoint", Map.of("x", 0.2, "y", 0.4)))
                .when().post("/api/v1/media")
                .then().statusCode(201)
                .body("name", equalTo("dawn.jpg"))
                .body("contentType", equalTo("image/jpeg"))
                .body("width", equalTo(300))
                .body("alt", equalTo("Dawn"))
                .body("focalPoint.x", equalTo(0.2f));
    }

    @Test
    void shouldNotFollowARedirectNorTakeAnAnswerOtherThan200() {
        admin().contentType("application/json").body(Map.of("url", url("/moved")))
                .when().post("/api/v1/media")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("169.254.169.254"));
        admin().contentType("application/json").body(Map.of("url", url("/nothing-here.jpg")))
                .when().post("/api/v1/media")
                .then().statusCode(422).body("errors[0].message", containsString("404"));
        admin().contentType("application/json").body(Map.of("url", "file:///etc/passwd"))
                .when().post("/api/v1/media")
                .then().statusCode(422).body("errors[0].field", equalTo("url"));
    }

    @Test
    void shouldRefusePrivateAddressesUnlessAllowedAndFilesOverTheLimit() throws IOException {
        Vertx vertx = Vertx.vertx();
        Path dir = Files.createTempDirectory("fetch-");
        try (MediaFetcher guarded = new MediaFetcher(vertx, false, Duration.ofSeconds(5), 1_000_000);
                MediaFetcher small = new MediaFetcher(vertx, true, Duration.ofSeconds(5), 100)) {
            assertThatThrownBy(() -> guarded.fetch(url("/photos/dawn.jpg"), dir))
                    .isInstanceOf(ProblemException.class).hasMessageContaining("The request has an invalid field");
            assertThatThrownBy(() -> small.fetch(url("/photos/dawn.jpg"), dir))
                    .isInstanceOf(ProblemException.class).hasMessageContaining("larger than the 100 bytes");
            try (var left = Files.list(dir)) {
                assertThat(left).isEmpty();
            }
        } finally {
            vertx.close();
            Files.deleteIfExists(dir);
        }
    }
}
