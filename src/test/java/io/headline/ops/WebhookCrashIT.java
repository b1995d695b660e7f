package io.headline.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headline.webhook.Receiver;
import io.headline.webhook.ReferenceVerifier;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Webhooks are delivered at least once, in order per resource, through a receiver that fails and hangs, a graceful
 * restart with deliveries pending and a SIGKILL while the receiver holds a request (the delivery comes back after
 * its lease). The packaged application runs its dispatcher against a {@link Receiver} on loopback; every write the
 * API acknowledged must arrive, each request verified by the Standard Webhooks reference verifier. Runs in
 * {@code verify} (failsafe) on the embedded database, and on PostgreSQL with -Ppostgresql.
 */
class WebhookCrashIT {

    private static final Duration FAULTS_SERVED = Duration.ofSeconds(60);
    private static final Duration ALL_DELIVERED = Duration.ofSeconds(90);

    /** Per resource id, the events its acknowledged writes must cause, in the order they were written. */
    private final Map<String, List<String>> expected = new LinkedHashMap<>();
    private Receiver receiver;
    private PackagedApp app;

    @Test
    void shouldDeliverEveryAcknowledgedEventThroughFaultsARestartAndAKill() throws Exception {
        Path workDir = Files.createTempDirectory("headline-webhook-crash");
        receiver = new Receiver();
        WebhookRun.Hook hook = null;
        try {
            app = PackagedApp.start(workDir, "app-1", WebhookRun.DISPATCHER);
            hook = WebhookRun.register(app, receiver.url());

            // Faults, then recovery: two errors and a hang past the timeout, interleaved with the first deliveries.
            receiver.plan(500, Receiver.HANG, 503, 500);
            JsonPath category = create("/api/v1/categories", Map.of("name", "Hooked " + UUID.randomUUID()), "category.created");
            JsonPath author = create("/api/v1/authors", Map.of("name", "Hooked " + UUID.randomUUID()), "author.created");
            String a = createArticle(category, author);
            String b = createArticle(category, author);
            String c = createArticle(category, author);
            publish(a);
            patch("/api/v1/articles/", b, Map.of("subtitle", "b1"), "article.updated");
            patch("/api/v1/authors/", author.getString("id"), Map.of("bio", "Writes about webhooks."), "author.updated");
            WebhookRun.await(FAULTS_SERVED, () -> receiver.planned() == 0, () -> "the planned faults served");

            // A graceful restart while deliveries are pending: the receiver is down, so none of these can have succeeded.
            receiver.down(true);
            int before = receiver.requests().size();
            patch("/api/v1/articles/", a, Map.of("subtitle", "a1"), "article.updated");
            delete(c);
            WebhookRun.await(FAULTS_SERVED, () -> receiver.requests().size() > before, () -> "an attempt while down");
            app.stop();
            receiver.down(false);
            app = PackagedApp.start(workDir, "app-2", WebhookRun.DISPATCHER);

            // Acknowledged writes, then a SIGKILL while the receiver holds a request: the attempt is under way (its
            // sender waits up to the timeout), so it cannot have been logged, and its delivery comes back after the lease.
            String d = createArticle(category, author);
            publish(b);
            patch("/api/v1/categories/", category.getString("id"), Map.of("name", "Rehooked " + UUID.randomUUID()),
                    "category.updated");
            patch("/api/v1/articles/", d, Map.of("subtitle", "d1"), "article.updated");
            receiver.plan(Receiver.HANG);
            WebhookRun.await(FAULTS_SERVED, () -> receiver.hanging() > 0, () -> "a request held by the receiver");
            Receiver.Request held = receiver.requests().stream().filter(r -> r.answered() == Receiver.HANG)
                    .reduce((first, second) -> second).orElseThrow();
            // Acknowledged while the dispatcher waits on the held request: only the change log has it at the kill.
            patch("/api/v1/articles/", d, Map.of("subtitle", "d2"), "article.updated");
            app.kill();

            app = PackagedApp.start(workDir, "app-3", WebhookRun.DISPATCHER);
            delete(a);
            WebhookRun.await(ALL_DELIVERED, () -> missing().isEmpty(), () -> "every event delivered; missing "
                    + missing() + " (log: " + app.log() + ")");
            int events = expected.values().stream().mapToInt(List::size).sum();
            WebhookRun.Hook logged = hook;
            WebhookRun.await(ALL_DELIVERED, () -> WebhookRun.succeeded(app, logged) == events,
                    () -> WebhookRun.succeeded(app, logged) + " of " + events + " deliveries logged as succeeded");

            assertArrivals(held);
            assertDeliveryLog(hook, events, held);
            assertVerifiedByTheReferenceVerifier(hook);
        } finally {
            if (app != null && app.process().isAlive()) {
                if (hook != null) {
                    WebhookRun.delete(app, hook);
                }
                app.stop();
            }
            receiver.close();
        }
    }

    @Test
    void shouldRefuseToStartWithALeaseThatCouldNotCoverAnAttempt() throws Exception {
        Path workDir = Files.createTempDirectory("headline-webhook-lease");

        assertThatThrownBy(() -> PackagedApp.start(workDir, "short-lease",
                List.of("-Dheadline.webhooks.timeout=1s", "-Dheadline.webhooks.lease=2s")))
                .hasMessageContaining("headline.webhooks.lease (PT2S) must be longer than twice "
                        + "headline.webhooks.timeout (PT1S)");
    }

    /**
     * Per resource, the first arrival (a 2xx) of each delivery id is its next expected event, and a delivery id never
     * stands for two events; a request held during the kill arrived again, with its id.
     */
    private void assertArrivals(Receiver.Request held) {
        List<Receiver.Request> requests = receiver.requests();
        assertThat(firstArrivals(requests)).as("first arrivals per resource, in order").isEqualTo(expected);
        Map<String, Set<String>> bodiesPerId = requests.stream().collect(Collectors.groupingBy(Receiver.Request::id,
                Collectors.mapping(Receiver.Request::body, Collectors.toSet())));
        assertThat(bodiesPerId).as("one event per delivery id").allSatisfy((id, bodies) -> assertThat(bodies).hasSize(1));
        assertThat(bodiesPerId).hasSize(expected.values().stream().mapToInt(List::size).sum());
        assertThat(requests).as("the delivery held when the instance was killed, sent again after its lease")
                .anySatisfy(r -> {
                    assertThat(r.id()).isEqualTo(held.id());
                    assertThat(r.answered()).isEqualTo(200);
                });
    }

    /** Every delivery succeeded; the failed attempts are logged; the one lost in the kill was attempted unlogged. */
    private void assertDeliveryLog(WebhookRun.Hook hook, int events, Receiver.Request held) {
        List<Map<String, Object>> deliveries = WebhookRun.deliveries(app, hook);
        assertThat(deliveries).hasSize(events).allSatisfy(delivery -> assertThat(delivery.get("state")).isEqualTo("succeeded"));
        List<Map<String, Object>> attempts = deliveries.stream().flatMap(delivery -> attemptLog(delivery).stream()).toList();
        assertThat(attempts).extracting(attempt -> attempt.get("statusCode")).contains(500, 503, 200);
        assertThat(attempts).extracting(attempt -> String.valueOf(attempt.get("error"))).anyMatch(e -> e.contains("timed out"));
        Map<String, Object> lost = deliveries.stream().filter(delivery -> delivery.get("id").equals(held.id()))
                .findFirst().orElseThrow();
        assertThat((Integer) lost.get("attempts")).as("attempts of the delivery in flight at the kill, against its log")
                .isGreaterThan(attemptLog(lost).size());
    }

    private void assertVerifiedByTheReferenceVerifier(WebhookRun.Hook hook) throws Exception {
        // CI has node, so there this never skips; a machine with only a JDK checks our own signatures only.
        if ("true".equals(System.getenv("CI"))) {
            assertThat(ReferenceVerifier.nodeAvailable()).as("node, for the reference verifier").isTrue();
        }
        if (!ReferenceVerifier.nodeAvailable()) {
            System.out.println("WebhookCrashIT: node is not installed; the reference verifier did not run");
            return;
        }
        List<Receiver.Request> requests = receiver.requests();
        assertThat(ReferenceVerifier.verify(hook.secret(), requests))
                .contains("verified " + requests.size() + " of " + requests.size());
    }

    /** Per resource, in arrival order, the event of each delivery id's first 2xx. */
    private static Map<String, List<String>> firstArrivals(List<Receiver.Request> requests) {
        Map<String, List<String>> arrivals = new LinkedHashMap<>();
        Set<String> arrived = new LinkedHashSet<>();
        for (Receiver.Request request : requests) {
            if (request.answered() == 200 && arrived.add(request.id())) {
                JsonPath body = new JsonPath(request.body());
                arrivals.computeIfAbsent(body.getString("data.id"), id -> new ArrayList<>()).add(body.getString("type"));
            }
        }
        return arrivals;
    }

    /** Events expected and not yet arrived, per resource. */
    private Map<String, List<String>> missing() {
        Map<String, List<String>> arrivals = firstArrivals(receiver.requests());
        Map<String, List<String>> missing = new LinkedHashMap<>();
        expected.forEach((id, events) -> {
            List<String> left = new ArrayList<>(events);
            arrivals.getOrDefault(id, List.of()).forEach(left::remove);
            if (!left.isEmpty()) {
                missing.put(id, left);
            }
        });
        return missing;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attemptLog(Map<String, Object> delivery) {
        return (List<Map<String, Object>>) delivery.get("attemptLog");
    }

    /** What the API answered. */
    private JsonPath create(String collection, Map<String, Object> body, String event) {
        JsonPath created = app.admin().body(body).post(collection).then().statusCode(201).extract().jsonPath();
        expect(created.getString("id"), event);
        return created;
    }

    /** The new article's id. */
    private String createArticle(JsonPath category, JsonPath author) {
        return create("/api/v1/articles", Map.of("title", "Hooked " + UUID.randomUUID(), "status", "draft",
                "category", category.getString("slug"), "authors", List.of(author.getString("slug")),
                "body", "Delivered *at least once*."), "article.created").getString("id");
    }

    private void publish(String article) {
        app.admin().body(Map.of()).post("/api/v1/articles/{id}/publish", article).then().statusCode(200);
        expect(article, "article.published");
    }

    private void patch(String collection, String id, Map<String, Object> body, String event) {
        app.admin().contentType("application/merge-patch+json").body(body).patch(collection + id).then().statusCode(200);
        expect(id, event);
    }

    private void delete(String article) {
        app.admin().delete("/api/v1/articles/{id}", article).then().statusCode(204);
        expect(article, "article.deleted");
    }

    private void expect(String id, String event) {
        expected.computeIfAbsent(id, key -> new ArrayList<>()).add(event);
    }
}
