package io.headline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.headline.webhook.Receiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances on one PostgreSQL database, each with its own response and token caches: a write through
 * one is seen through the other within a second, and a token revoked through one is refused by the other within a
 * second; both dispatch webhooks, and each delivery is sent by one of them only. Runs only in the postgresql
 * profile's failsafe run (pom.xml): on H2 there is one embedded instance.
 */
class TwoInstancesIT {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final Duration DELIVERED = Duration.ofSeconds(60);
    private static final int ARTICLES_EACH = 20;

    private static PackagedApp writer;
    private static PackagedApp reader;

    @BeforeAll
    static void start() throws Exception {
        Path workDir = Files.createTempDirectory("headline-two");
        writer = PackagedApp.start(workDir, "writer", WebhookRun.DISPATCHER);
        reader = PackagedApp.start(workDir, "reader", WebhookRun.DISPATCHER);
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

    @Test
    void shouldSendEachWebhookDeliveryOnceWithBothInstancesDispatching() throws Exception {
        try (Receiver receiver = new Receiver()) {
            WebhookRun.Hook hook = WebhookRun.register(writer, receiver.url());
            try {
                String category = writer.admin().body(Map.of("name", "Two " + UUID.randomUUID()))
                        .post("/api/v1/categories").then().statusCode(201).extract().path("slug");
                String author = writer.admin().body(Map.of("name", "Two " + UUID.randomUUID()))
                        .post("/api/v1/authors").then().statusCode(201).extract().path("slug");
                List<Callable<Void>> writers = new ArrayList<>();
                for (PackagedApp app : List.of(writer, reader)) {
                    writers.add(() -> {
                        for (int i = 0; i < ARTICLES_EACH; i++) {
                            String id = app.admin().body(Map.of("title", "Hooked " + UUID.randomUUID(),
                                            "status", "draft", "category", category, "authors", List.of(author)))
                                    .post("/api/v1/articles").then().statusCode(201).extract().path("id");
                            app.admin().contentType("application/merge-patch+json").body(Map.of("subtitle", "Again"))
                                    .patch("/api/v1/articles/" + id).then().statusCode(200);
                        }
                        return null;
                    });
                }
                ExecutorService both = Executors.newFixedThreadPool(writers.size());
                try {
                    for (Future<Void> written : both.invokeAll(writers)) {
                        written.get();
                    }
                } finally {
                    both.shutdown();
                }
                int events = 2 + 2 * 2 * ARTICLES_EACH; // category and author created; each article created and updated

                WebhookRun.await(DELIVERED, () -> WebhookRun.succeeded(writer, hook) == events,
                        () -> WebhookRun.succeeded(writer, hook) + " of " + events + " deliveries succeeded");

                Map<String, Long> sends = receiver.requests().stream()
                        .collect(Collectors.groupingBy(Receiver.Request::id, Collectors.counting()));
                assertThat(sends).as("requests per delivery id").hasSize(events)
                        .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
            } finally {
                WebhookRun.delete(writer, hook);
            }
        }
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
