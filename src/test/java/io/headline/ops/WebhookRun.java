package io.headline.ops;

import static org.assertj.core.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the webhook ITs share: the options that turn the packaged application's dispatcher on against a loopback
 * receiver, a hook registered for every event, its delivery log, and bounded waits (the application runs in real time
 * in another process, so there is no clock to move).
 */
final class WebhookRun {

    /**
     * A quick dispatcher, a short timeout (yet long enough for a test to act while a request is held) and a short
     * lease, so that faults and a lost worker play out in seconds.
     */
    static final List<String> DISPATCHER = List.of(
            "-Dheadline.webhooks.allow-private=true",
            "-Dheadline.webhooks.poll-interval=200ms",
            "-Dheadline.webhooks.timeout=3s",
            "-Dheadline.webhooks.lease=7s");

    /** Every event a hook may subscribe to. */
    static final List<String> ALL_EVENTS = List.of("article.created", "article.updated", "article.published",
            "article.unpublished", "article.scheduled", "article.deleted", "author.created", "author.updated",
            "author.deleted", "category.created", "category.updated", "category.deleted");

    record Hook(String id, String secret) {
    }

    private WebhookRun() {
    }

    static Hook register(PackagedApp app, String url) {
        JsonPath created = app.admin().body(Map.of("url", url, "events", ALL_EVENTS))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
        return new Hook(created.getString("id"), created.getString("secret"));
    }

    static void delete(PackagedApp app, Hook hook) {
        app.admin().delete("/api/v1/webhooks/{id}", hook.id()).then().statusCode(204);
    }

    /** The hook's whole delivery log, newest first, each delivery with its attempts. */
    static List<Map<String, Object>> deliveries(PackagedApp app, Hook hook) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<Map<String, Object>> data = app.admin()
                    .get("/api/v1/webhooks/{id}/deliveries?size=100&page=" + page, hook.id())
                    .then().statusCode(200).extract().path("data");
            all.addAll(data);
            if (data.size() < 100) {
                return all;
            }
        }
    }

    /** How many of the hook's deliveries succeeded. */
    static long succeeded(PackagedApp app, Hook hook) {
        return deliveries(app, hook).stream().filter(delivery -> "succeeded".equals(delivery.get("state"))).count();
    }

    /** Polls until the condition holds, failing with {@code what} (as it is then) once {@code within} has passed. */
    static void await(Duration within, BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("Not within " + within + ": " + what.get());
            }
            Thread.sleep(50);
        }
    }
}
