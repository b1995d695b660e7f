package io.headline.webhook;

import static io.headline.Api.admin;
import static io.headline.Api.createArticle;
import static io.headline.Api.createAuthor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.headline.Concurrently;
import io.headline.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries to a real receiver on loopback; time moves with the TestClock and the test drives the dispatcher. */
@QuarkusTest
class WebhookDeliveryTests {

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookConfig config;

    private Receiver receiver;
    private final List<String> hooks = new ArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new Receiver();
        dispatcher.runOnce(); // what earlier tests left, so that it is not counted here
    }

    @AfterEach
    void stopReceiver() {
        clock.reset();
        receiver.close();
        hooks.forEach(id -> admin().when().delete("/api/v1/webhooks/{id}", id).then().statusCode(204));
    }

    @Test
    void shouldDeliverEveryEventInOrderPerResourceThroughFailuresAndTimeouts() {
        Hook hook = register("article.created", "article.published", "article.updated", "article.deleted");
        receiver.plan(500, 500, Receiver.HANG, 503);

        Map<String, Object> first = createArticle("draft");
        Map<String, Object> second = createArticle("draft");
        String a = (String) first.get("id");
        String b = (String) second.get("id");
        admin().body(Map.of()).when().post("/api/v1/articles/{id}/publish", a).then().statusCode(200);
        admin().contentType("application/merge-patch+json").body(Map.of("subtitle", "Now with more"))
                .when().patch("/api/v1/articles/{id}", a).then().statusCode(200);
        admin().when().delete("/api/v1/articles/{id}", b).then().statusCode(204);
        admin().when().delete("/api/v1/articles/{id}", a).then().statusCode(204);

        deliverAll(hook);

        List<Receiver.Request> requests = receiver.requests();
        assertThat(requests).allSatisfy(r -> assertThat(verifies(hook.secret(), r)).as("signature of " + r).isTrue());
        assertThat(requests).extracting(Receiver.Request::answered).contains(500, Receiver.HANG, 503);
        assertThat(acknowledged(requests, a))
                .containsExactly("article.created", "article.published", "article.updated", "article.deleted");
        assertThat(acknowledged(requests, b)).containsExactly("article.created", "article.deleted");
        // Retries included, a resource's next event waits for its earlier one
        List<String> order = List.of("article.created", "article.published", "article.updated", "article.deleted");
        assertThat(everyAttempt(requests, a)).isSortedAccordingTo(Comparator.comparing(order::indexOf));
        assertThat(everyAttempt(requests, b)).isSortedAccordingTo(Comparator.comparing(order::indexOf));
        // This test's deliveries (scheduled articles of earlier tests may come due as deliverAll moves the clock).
        List<Map<String, Object>> deliveries = admin().when()
                .get("/api/v1/webhooks/{id}/deliveries?size=100", hook.id()).then().statusCode(200).extract().path("data");
        assertThat(deliveries).filteredOn(d -> d.get("payload").toString().contains(a)
                        || d.get("payload").toString().contains(b))
                .hasSize(6).extracting(d -> d.get("state")).containsOnly("succeeded");
    }

    @Test
    void shouldPassTheStandardWebhooksReferenceVerifier() throws Exception {
        // CI has node (its client checks need it), so there this never skips; a machine with only a JDK skips it.
        if ("true".equals(System.getenv("CI"))) {
            assertThat(ReferenceVerifier.nodeAvailable()).as("node, for the reference verifier").isTrue();
        }
        Assumptions.assumeTrue(ReferenceVerifier.nodeAvailable(), "node is needed to run the reference verifier");
        Hook hook = register("article.created", "article.published", "author.created", "author.updated");
        receiver.plan(500);
        Map<String, Object> article = createArticle("draft");
        String id = (String) article.get("id");
        admin().body(Map.of()).when().post("/api/v1/articles/{id}/publish", id).then().statusCode(200);

        deliverAll(hook);

        // Only this test's resources: scheduled articles of earlier tests may come due as deliverAll moves the clock.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> authors = (List<Map<String, Object>>) article.get("authors");
        List<Object> own = List.of(id, authors.get(0).get("id"));
        List<Receiver.Request> requests = receiver.requests().stream()
                .filter(r -> own.contains(new JsonPath(r.body()).getString("data.id"))).toList();
        assertThat(requests).hasSize(4); // the article's author, the article's two events, a retry
        assertThat(ReferenceVerifier.verify(hook.secret(), requests))
                .contains("verified " + requests.size() + " of " + requests.size());
        Receiver.Request first = requests.get(0);
        Receiver.Request tampered = new Receiver.Request(first.id(), first.timestamp(), first.signature(),
                first.body().replace("\"type\"", "\"tipe\""), first.answered());
        assertThatThrownBy(() -> ReferenceVerifier.verify(hook.secret(), List.of(tampered)))
                .hasMessageContaining("verified 0 of 1");
    }

    @Test
    void shouldSendThePreviousStateWithAnUpdate() {
        Hook hook = register("article.created", "article.updated");
        String id = (String) createArticle("draft").get("id");
        dispatcher.runOnce();
        admin().contentType("application/merge-patch+json").body(Map.of("subtitle", "Second thoughts"))
                .when().patch("/api/v1/articles/{id}", id).then().statusCode(200);

        dispatcher.runOnce();

        JsonPath update = receiver.requests().stream().map(r -> new JsonPath(r.body()))
                .filter(p -> p.getString("type").equals("article.updated")).findFirst().orElseThrow();
        assertThat(update.getString("data.id")).isEqualTo(id);
        assertThat(update.getString("data.subtitle")).isEqualTo("Second thoughts");
        assertThat(update.getString("data.previous.id")).isEqualTo(id);
        assertThat(update.getString("data.previous.subtitle")).isNull();
        assertThat(update.getString("timestamp")).isNotBlank();
    }

    @Test
    void shouldSendTheStateEachWriteLeftAlthoughLaterWritesCameBeforeItWasSent() throws Exception {
        register("article.created", "article.updated", "article.deleted");
        String id = (String) createArticle("draft").get("id");
        setSubtitle(id, "First");
        setSubtitle(id, "Second");
        admin().when().delete("/api/v1/articles/{id}", id).then().statusCode(204);

        dispatcher.runOnce(); // all four fanned out together, after the last write

        List<JsonPath> events = receiver.requests().stream().map(r -> new JsonPath(r.body()))
                .filter(p -> id.equals(p.getString("data.id"))).toList();
        assertThat(events).extracting(p -> p.getString("type"))
                .containsExactly("article.created", "article.updated", "article.updated", "article.deleted");
        assertThat(events.get(0).getString("data.subtitle")).isNull();
        assertThat(events.get(0).getMap("data.previous")).isNull();
        assertThat(events.get(1).getString("data.subtitle")).isEqualTo("First");
        assertThat(events.get(1).getString("data.previous.subtitle")).isNull();
        assertThat(events.get(2).getString("data.subtitle")).isEqualTo("Second");
        assertThat(events.get(2).getString("data.previous.subtitle")).isEqualTo("First");
        assertThat(events.get(3).getString("data.title")).isNull(); // a tombstone, with what was deleted
        assertThat(events.get(3).getString("data.previous.subtitle")).isEqualTo("Second");
        // Once sent, the log no longer keeps the states
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from change_state where seq <= (select last_seq from webhook_cursor)")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void shouldKeepNoStatesWhileNoHookIsActive() throws Exception {
        // Hooks other tests left active are switched off meanwhile
        List<String> active = admin().when().get("/api/v1/webhooks").then().statusCode(200)
                .extract().path("data.findAll { it.active }.id");
        active.forEach(hook -> setActive(hook, false));
        try {
            String id = (String) createArticle("draft").get("id");
            setSubtitle(id, "Unwatched");

            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select count(*) from change_state t join change_log l on l.seq = t.seq where l.resource_id = ?")) {
                s.setObject(1, java.util.UUID.fromString(id));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero();
                }
            }
        } finally {
            active.forEach(hook -> setActive(hook, true));
        }
    }

    private static void setActive(String hook, boolean active) {
        admin().contentType("application/merge-patch+json").body(Map.of("active", active))
                .when().patch("/api/v1/webhooks/{id}", hook).then().statusCode(200);
    }

    @Test
    void shouldKnowThePreviousStateOfChangesNoHookWanted() {
        register("author.deleted"); // a hook is active, but wants none of the article's changes
        String id = (String) createArticle("draft").get("id");
        setSubtitle(id, "Unwatched");
        dispatcher.runOnce(); // fanned out while no hook wants it
        register("article.updated");
        setSubtitle(id, "Watched");

        dispatcher.runOnce();

        JsonPath update = receiver.requests().stream().map(r -> new JsonPath(r.body()))
                .filter(p -> id.equals(p.getString("data.id"))).findFirst().orElseThrow();
        assertThat(update.getString("data.subtitle")).isEqualTo("Watched");
        assertThat(update.getString("data.previous.subtitle")).isEqualTo("Unwatched");
    }

    @Test
    void shouldStoreAnAnswerWithANulByteAndNotSendItAgain() {
        Hook hook = register("article.created");
        receiver.answerWith("ok\0done");
        createArticle("draft");

        dispatcher.runOnce();
        clock.advance(Duration.ofMinutes(3)); // past the lease, were the attempt not recorded
        dispatcher.runOnce();

        assertThat(receiver.requests()).hasSize(1);
        admin().when().get("/api/v1/webhooks/{id}/deliveries", hook.id()).then().statusCode(200)
                .body("data[0].state", equalTo("succeeded"))
                .body("data[0].attemptLog", hasSize(1))
                .body("data[0].attemptLog[0].response", equalTo("ok\uFFFDdone"));
    }

    @Test
    void shouldCutOffAReceiverThatTricklesItsAnswerAtTheTimeout() throws InterruptedException {
        Hook hook = register("article.created");
        receiver.plan(Receiver.TRICKLE);
        createArticle("draft");

        dispatcher.runOnce();

        admin().when().get("/api/v1/webhooks/{id}/deliveries", hook.id()).then().statusCode(200)
                .body("data[0].state", equalTo("pending"))
                .body("data[0].attemptLog[0].error", startsWith("timed out"));
        // The receiver finds its connection closed before its 3 s answer is through
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (receiver.trickled() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50); // real input and output, which the test clock does not drive
        }
        assertThat(receiver.cutOff()).isEqualTo(1);
    }

    @Test
    void shouldCostOtherHooksOneTimeoutAPassWhenAReceiverHangs() throws Exception {
        try (Receiver healthy = new Receiver()) {
            register("author.created");
            register(healthy, "author.created");
            receiver.plan(Receiver.HANG, Receiver.HANG, Receiver.HANG, Receiver.HANG, Receiver.HANG);
            for (int i = 0; i < 5; i++) {
                createAuthor();
            }

            dispatcher.runOnce();

            assertThat(healthy.requests()).hasSize(5);
            assertThat(receiver.requests()).as("the hanging receiver, tried once this pass").hasSize(1);
            dispatcher.runOnce(); // the others were given back untried: due again at once
            assertThat(receiver.requests()).hasSize(2);
        }
    }

    @Test
    void shouldLeaveTheOutcomeToTheWorkerThatTookADeliveryLast() {
        Hook hook = register("article.created");
        List<WebhookOutbox.Taken> first = takeAnArticlesDelivery();
        clock.advance(config.lease().plusSeconds(1)); // the first worker outlived its lease
        List<WebhookOutbox.Taken> second = outbox.take(10, Set.of());
        assertThat(second).extracting(WebhookOutbox.Taken::id).isEqualTo(first.stream().map(WebhookOutbox.Taken::id).toList());

        outbox.record(second.get(0), new WebhookSender.Outcome(200, 5, "ok", null), clock.instant());
        outbox.record(first.get(0), new WebhookSender.Outcome(500, 5, "late", null), clock.instant());

        admin().when().get("/api/v1/webhooks/{id}/deliveries", hook.id()).then().statusCode(200)
                .body("data[0].state", equalTo("succeeded"))
                .body("data[0].attemptLog", hasSize(2));
    }

    @Test
    void shouldRefuseToReplayADeliveryBeingSent() {
        Hook hook = register("article.created");
        List<WebhookOutbox.Taken> taken = takeAnArticlesDelivery();

        admin().when().post("/api/v1/webhooks/{id}/deliveries/{d}/replay", hook.id(), taken.get(0).id()).then()
                .statusCode(409).contentType("application/problem+json");
        outbox.record(taken.get(0), new WebhookSender.Outcome(500, 5, "no", null), clock.instant());
        admin().when().post("/api/v1/webhooks/{id}/deliveries/{d}/replay", hook.id(), taken.get(0).id()).then()
                .statusCode(200).body("state", equalTo("pending"));
    }

    @Test
    void shouldRecordNothingForADeliveryWhoseHookWasDeletedMeanwhile() {
        Hook hook = register("article.created");
        List<WebhookOutbox.Taken> taken = takeAnArticlesDelivery();
        admin().when().delete("/api/v1/webhooks/{id}", hook.id()).then().statusCode(204);
        hooks.remove(hook.id());

        outbox.record(taken.get(0), new WebhookSender.Outcome(200, 5, "ok", null), clock.instant());

        admin().when().get("/api/v1/webhooks/{id}/deliveries", hook.id()).then().statusCode(404);
    }

    @Test
    void shouldListALargePayloadOnlyInTheDeliveryItself() {
        Hook hook = register("article.created");
        Map<String, Object> input = io.headline.Api.articleInput("draft");
        input.put("body", "A long read. ".repeat(6000));
        String id = (String) createArticle(input).get("id");
        dispatcher.runOnce();

        Map<String, Object> listed = admin().when().get("/api/v1/webhooks/{id}/deliveries", hook.id()).then()
                .statusCode(200).extract().path("data[0]");
        assertThat(listed.get("payload")).isNull();
        String payload = admin().when().get("/api/v1/webhooks/{id}/deliveries/{d}", hook.id(), listed.get("id"))
                .then().statusCode(200).body("state", equalTo("succeeded")).extract().path("payload");
        assertThat(new JsonPath(payload).getString("data.id")).isEqualTo(id);
        assertThat(receiver.requests().get(0).body()).isEqualTo(payload);
        admin().when().get("/api/v1/webhooks/{id}/deliveries/{d}", hook.id(), "0190a000-0000-7000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldDisableTheHookWhenTheReceiverAnswers410() {
        Hook hook = register("article.created");
        receiver.plan(410);
        createArticle("draft");

        dispatcher.runOnce();

        admin().when().get("/api/v1/webhooks/{id}", hook.id()).then().statusCode(200)
                .body("active", equalTo(false))
                .body("disabledReason", startsWith("The receiver answered 410"));
        admin().when().get("/api/v1/webhooks/{id}/deliveries", hook.id()).then().statusCode(200)
                .body("data[0].state", equalTo("failed"))
                .body("data[0].attemptLog[0].statusCode", equalTo(410));
        createArticle("draft");
        dispatcher.runOnce();
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void shouldGiveUpAfterTheRetryPeriodThenReplayOnRequest() {
        Hook hook = register("article.created");
        // Two hours a round, backoffs of at most one: an attempt a round, the 13th at 24 h, past the period
        receiver.plan(500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
        createArticle("draft");
        for (int i = 0; i < 16; i++) {
            dispatcher.runOnce();
            clock.advance(Duration.ofHours(2));
        }
        String deliveryId = admin().when().get("/api/v1/webhooks/{id}/deliveries", hook.id()).then()
                .statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].state", equalTo("dead"))
                .body("data[0].attemptLog[0].statusCode", equalTo(500))
                .body("data[0].attemptLog[0].response", equalTo("answered 500"))
                .extract().path("data[0].id");
        assertThat(receiver.requests()).hasSize(13);
        // The dead letters, listed on their own
        admin().when().get("/api/v1/webhooks/{id}/deliveries?state=dead", hook.id()).then()
                .statusCode(200).body("data.id", equalTo(List.of(deliveryId)));
        admin().when().get("/api/v1/webhooks/{id}/deliveries?state=succeeded", hook.id()).then()
                .statusCode(200).body("data", hasSize(0));

        admin().when().post("/api/v1/webhooks/{id}/deliveries/{d}/replay", hook.id(), deliveryId).then()
                .statusCode(200).body("state", equalTo("pending")).body("attempts", equalTo(0));
        receiver.plan(500);
        dispatcher.runOnce();
        // Its backoff starts again from 5 s, not from where the dead delivery's left off
        String next = admin().when().get("/api/v1/webhooks/{id}/deliveries/{d}", hook.id(), deliveryId).then()
                .statusCode(200).body("attempts", equalTo(1)).extract().path("nextAttemptAt");
        assertThat(Instant.parse(next)).isBeforeOrEqualTo(clock.instant().plusSeconds(5));
        for (int i = 0; i < 8 && !state(hook, 0).equals("succeeded"); i++) {
            dispatcher.runOnce();
            clock.advance(Duration.ofHours(2));
        }

        assertThat(state(hook, 0)).isEqualTo("succeeded");
        admin().when().get("/api/v1/webhooks/{id}/deliveries?state=dead", hook.id()).then()
                .statusCode(200).body("data", hasSize(0));
        List<Receiver.Request> requests = receiver.requests();
        assertThat(requests).extracting(Receiver.Request::id).containsOnly(deliveryId);
        assertThat(requests.get(requests.size() - 1).answered()).isEqualTo(200);
    }

    @Test
    void shouldListDeliveriesNewestFirstAndPaged() {
        Hook hook = register("author.created");
        admin().body(Map.of("name", "First")).when().post("/api/v1/authors").then().statusCode(201);
        admin().body(Map.of("name", "Second")).when().post("/api/v1/authors").then().statusCode(201);
        dispatcher.runOnce();

        admin().when().get("/api/v1/webhooks/{id}/deliveries?size=1", hook.id()).then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].event", equalTo("author.created"))
                .body("data[0].payload", org.hamcrest.Matchers.containsString("\"name\":\"Second\""))
                .body("data[0].attemptLog", hasSize(1))
                .body("data[0].attemptLog[0].statusCode", equalTo(200))
                .body("meta.totalItems", equalTo(2));
        admin().when().get("/api/v1/webhooks/{id}/deliveries?page=2&size=1", hook.id()).then().statusCode(200)
                .body("data[0].payload", org.hamcrest.Matchers.containsString("\"name\":\"First\""));
    }

    @Test
    void shouldAttemptEachDeliveryOnceWhileSeveralDispatchersRun() throws Exception {
        Hook hook = register("author.created");
        for (int i = 0; i < 12; i++) {
            createAuthor();
        }

        // As several instances would: their workers skip the deliveries another holds
        Concurrently.run(List.<Callable<Integer>>of(dispatcher::runOnce, dispatcher::runOnce, dispatcher::runOnce));
        dispatcher.runOnce();

        List<String> ids = receiver.requests().stream().map(Receiver.Request::id).toList();
        assertThat(ids).hasSize(12).doesNotHaveDuplicates();
        admin().when().get("/api/v1/webhooks/{id}/deliveries?size=100", hook.id()).then()
                .body("data.attempts", org.hamcrest.Matchers.everyItem(equalTo(1)));
    }

    @Test
    void shouldForgetFinishedDeliveriesAfterTheRetentionPeriod() {
        Hook hook = register("article.created");
        createArticle("draft");
        dispatcher.runOnce();
        admin().when().get("/api/v1/webhooks/{id}/deliveries", hook.id()).then().body("meta.totalItems", equalTo(1));

        clock.advance(Duration.ofDays(31));
        dispatcher.runOnce();

        admin().when().get("/api/v1/webhooks/{id}/deliveries", hook.id()).then().body("meta.totalItems", equalTo(0));
    }

    @Test
    void shouldKeepAReplayedDeliveryForAWholePeriodAfterItFinishedAgain() {
        Hook hook = register("article.created");
        createArticle("draft");
        dispatcher.runOnce();
        String id = admin().when().get("/api/v1/webhooks/{id}/deliveries", hook.id()).then().extract().path("data[0].id");
        clock.advance(Duration.ofDays(29));
        admin().when().post("/api/v1/webhooks/{id}/deliveries/{d}/replay", hook.id(), id).then().statusCode(200);
        dispatcher.runOnce();

        clock.advance(Duration.ofDays(2)); // 31 days after it was created, 2 after it finished again
        dispatcher.runOnce();

        admin().when().get("/api/v1/webhooks/{id}/deliveries", hook.id()).then()
                .body("data.id", equalTo(List.of(id)))
                .body("data[0].attemptLog", hasSize(2));
    }

    record Hook(String id, String secret) {
    }

    private Hook register(String... events) {
        return register(receiver, events);
    }

    private Hook register(Receiver to, String... events) {
        JsonPath created = admin().body(Map.of("url", to.url(), "events", List.of(events)))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
        hooks.add(created.getString("id"));
        return new Hook(created.getString("id"), created.getString("secret"));
    }

    /** Creates an article and takes its delivery, as a worker does, without sending it. */
    private List<WebhookOutbox.Taken> takeAnArticlesDelivery() {
        createArticle("draft");
        outbox.fanOut();
        List<WebhookOutbox.Taken> taken = outbox.take(10, Set.of());
        assertThat(taken).hasSize(1);
        return taken;
    }

    private static void setSubtitle(String id, String subtitle) {
        admin().contentType("application/merge-patch+json").body(Map.of("subtitle", subtitle))
                .when().patch("/api/v1/articles/{id}", id).then().statusCode(200);
    }

    private String state(Hook hook, int index) {
        return admin().when().get("/api/v1/webhooks/{id}/deliveries", hook.id()).then().statusCode(200)
                .extract().path("data[" + index + "].state");
    }

    /** Runs the dispatcher, moving time past every retry, until none of the hook's deliveries is pending. */
    private void deliverAll(Hook hook) {
        for (int round = 0; round < 20; round++) {
            dispatcher.runOnce();
            List<String> states = admin().when().get("/api/v1/webhooks/{id}/deliveries?size=100", hook.id())
                    .then().statusCode(200).extract().path("data.state");
            if (!states.contains("pending")) {
                return;
            }
            clock.advance(Duration.ofHours(1));
        }
    }

    /** The events of {@code id} the receiver acknowledged, in the order it got them. */
    private static List<String> acknowledged(List<Receiver.Request> requests, String id) {
        return requests.stream().filter(r -> r.answered() == 200).map(r -> new JsonPath(r.body()))
                .filter(p -> id.equals(p.getString("data.id"))).map(p -> p.getString("type")).toList();
    }

    private static List<String> everyAttempt(List<Receiver.Request> requests, String id) {
        return requests.stream().map(r -> new JsonPath(r.body()))
                .filter(p -> id.equals(p.getString("data.id"))).map(p -> p.getString("type")).toList();
    }

    /** Standard Webhooks verification, written from the specification rather than with the server's code. */
    static boolean verifies(String secret, Receiver.Request request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                    (request.id() + "." + request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(request.signature())
                    && Math.abs(Long.parseLong(request.timestamp()) - System.currentTimeMillis() / 1000) < 300;
        } catch (Exception e) {
            return false;
        }
    }
}
