package io.headline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances on one PostgreSQL database, each with its own response and token caches: a write through
 * one is seen through the other within a second, and a token revoked through one is refused by the other within a
 * second. Runs only in the postgresql profile's failsafe run (pom.xml): on H2 there is one embedded instance.
 */
class TwoInstancesIT {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    private static PackagedApp writer;
    private static PackagedApp reader;

    @BeforeAll
    static void start() throws Exception {
        Path workDir = Files.createTempDirectory("headline-two");
        writer = PackagedApp.start(workDir, "writer", List.of());
        reader = PackagedApp.start(workDir, "reader", List.of());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (writer != null) {
            writer.stop();
        }
        if (reader != null) {
            reader.stop();
        }
    }

    @Test
    void shouldShowAWriteThroughOneInstanceOnTheOtherWithinASecond() {
        String category = writer.admin().body(Map.of("name", "Two " + UUID.randomUUID()))
                .post("/api/v1/categories").then().statusCode(201).extract().path("slug");
        String author = writer.admin().body(Map.of("name", "Two " + UUID.randomUUID()))
                .post("/api/v1/authors").then().statusCode(201).extract().path("slug");
        String slug = writer.admin().body(Map.of("title", "Before " + UUID.randomUUID(), "status", "published",
                        "category", category, "authors", List.of(author)))
                .post("/api/v1/articles").then().statusCode(201).extract().path("slug");
        String list = "/api/v1/articles?category=" + category;
        for (int i = 0; i < 3; i++) { // kept in the reader's cache
            reader.anonymous().get("/api/v1/articles/" + slug).then().statusCode(200);
            reader.anonymous().get(list).then().statusCode(200);
        }
        String title = "After " + UUID.randomUUID();

        writer.admin().contentType("application/merge-patch+json").body(Map.of("title", title))
                .patch("/api/v1/articles/" + slug).then().statusCode(200);
        Instant written = Instant.now();

        assertWithin(written, () -> title.equals(reader.anonymous().get("/api/v1/articles/" + slug).path("title")));
        assertWithin(written, () -> reader.anonymous().get(list).asString().contains(title));
    }

    @Test
    void shouldRefuseATokenRevokedThroughOneInstanceOnTheOtherWithinASecond() {
        Map<String, Object> token = writer.admin().body(Map.of("name", "Two " + UUID.randomUUID(), "role", "content"))
                .post("/api/v1/tokens").then().statusCode(201).extract().jsonPath().getMap("");
        for (int i = 0; i < 3; i++) { // known to the reader without a lookup
            reader.anonymous().header("Authorization", "Bearer " + token.get("token")).get("/api/v1/categories")
                    .then().statusCode(200);
        }

        writer.admin().delete("/api/v1/tokens/" + token.get("id")).then().statusCode(204);
        Instant revoked = Instant.now();

        assertWithin(revoked, () -> reader.anonymous().header("Authorization", "Bearer " + token.get("token"))
                .get("/api/v1/categories").statusCode() == 401);
    }

    /** Polls until the condition holds; fails if it took longer than {@link #WITHIN} after {@code since}. */
    private static void assertWithin(Instant since, BooleanSupplier condition) {
        Instant deadline = since.plus(WITHIN);
        boolean held = condition.getAsBoolean();
        while (!held && Instant.now().isBefore(deadline)) {
            held = condition.getAsBoolean();
        }
        assertThat(held).as("seen on the other instance within %s", WITHIN).isTrue();
    }
}
