package io.headline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A 2xx means durable: several writers create and patch articles on the packaged application, which is killed
 * with SIGKILL at a random moment and restarted on the same data, and every write it acknowledged must be there.
 * Runs in {@code verify} (failsafe), after {@code package} built the jar. On the embedded database the application
 * runs with its default configuration in a fresh working directory, so this checks the H2 URL that newcomers run;
 * with -Ppostgresql it runs on the test run's database. The kill moments come from a seed that the test prints
 * (rerun one with -Dcrash.seed=...).
 */
class CrashRecoveryIT {

    private static final int ROUNDS = 3;
    private static final int WRITERS = 4;

    /** What an article's subtitle may be after a crash: the last acknowledged value, or the one in flight then. */
    private static final class Expected {
        volatile String acknowledged;
        volatile String inFlight;
        volatile int version;

        Expected(String acknowledged) {
            this.acknowledged = acknowledged;
        }
    }

    private final Map<String, Expected> articles = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledgedWrites = new AtomicInteger();
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();

    @Test
    void shouldKeepEveryAcknowledgedWriteWhenKilledAtAnyMoment() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashRecoveryIT: seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path workDir = Files.createTempDirectory("headline-crash");
        String category = null;
        String author = null;

        for (int round = 1; round <= ROUNDS; round++) {
            PackagedApp app = PackagedApp.start(workDir, "app-" + round, List.of());
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            long killAfterMillis = random.nextInt(1000);
            try {
                if (category == null) {
                    category = app.admin().body(Map.of("name", "Crash " + UUID.randomUUID()))
                            .post("/api/v1/categories").then().statusCode(201).extract().path("slug");
                    author = app.admin().body(Map.of("name", "Crash " + UUID.randomUUID()))
                            .post("/api/v1/authors").then().statusCode(201).extract().path("slug");
                }
                verifyAcknowledgedWrites(app, round);
                for (int w = 0; w < WRITERS; w++) {
                    Writer writer = new Writer(app, running, new Random(random.nextLong()), category, author);
                    Thread thread = new Thread(writer, "crash-writer-" + w);
                    thread.start();
                    writers.add(thread);
                }
                // Writing is under way (however slow the machine) before the random moment is counted.
                int before = acknowledgedWrites.get();
                Instant deadline = Instant.now().plus(PackagedApp.START_TIMEOUT);
                while (acknowledgedWrites.get() < before + 10 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(10);
                }
                Thread.sleep(killAfterMillis);
            } finally {
                app.kill();
                running.set(false);
            }
            for (Thread writer : writers) {
                writer.join(Duration.ofSeconds(30).toMillis());
            }
            System.out.printf("CrashRecoveryIT: round %d killed %d ms after its tenth acknowledged write, %d articles acknowledged so far%n",
                    round, killAfterMillis, articles.size());
        }

        PackagedApp app = PackagedApp.start(workDir, "app-" + (ROUNDS + 1), List.of());
        try {
            verifyAcknowledgedWrites(app, ROUNDS + 1);
        } finally {
            app.stop();
        }
        assertThat(articles).as("acknowledged creates").isNotEmpty();
        assertThat(problems).as("unexpected answers while writing").isEmpty();
    }

    /** Every acknowledged article is there with an acknowledged (or then in-flight) subtitle; that becomes the truth. */
    private void verifyAcknowledgedWrites(PackagedApp app, int round) {
        List<String> lost = new ArrayList<>();
        articles.forEach((id, expected) -> {
            Response response = app.admin().get("/api/v1/articles/{id}", id);
            String subtitle = response.statusCode() == 200 ? response.path("subtitle") : null;
            if (response.statusCode() != 200) {
                lost.add("create of " + id + " (answered " + response.statusCode() + ")");
            } else if (!Objects.equals(subtitle, expected.acknowledged) && !Objects.equals(subtitle, expected.inFlight)) {
                lost.add("patch of " + id + ": " + subtitle + " instead of " + expected.acknowledged);
            } else {
                expected.acknowledged = subtitle;
                expected.inFlight = null;
            }
        });
        assertThat(lost).as("acknowledged writes lost before start " + round + " (log: " + app.log() + ")").isEmpty();
    }

    /** Creates articles and patches its own ones, one request at a time, recording what the API acknowledged. */
    private final class Writer implements Runnable {
        private final PackagedApp app;
        private final AtomicBoolean running;
        private final Random random;
        private final String category;
        private final String author;
        private final List<String> mine = new ArrayList<>();

        Writer(PackagedApp app, AtomicBoolean running, Random random, String category, String author) {
            this.app = app;
            this.running = running;
            this.random = random;
            this.category = category;
            this.author = author;
        }

        @Override
        public void run() {
            try {
                while (running.get()) {
                    if (mine.isEmpty() || random.nextBoolean()) {
                        create();
                    } else {
                        patch(mine.get(random.nextInt(mine.size())));
                    }
                }
            } catch (Exception killed) {
                // The connection broke: the application was killed, so the last request has no answer.
            }
        }

        private void create() {
            Response response = app.admin()
                    .body(Map.of("title", "Crash " + UUID.randomUUID(), "subtitle", "v0", "status", "draft",
                            "category", category, "authors", List.of(author), "body", "Written before a *crash*."))
                    .post("/api/v1/articles");
            if (acknowledged(response, 201)) {
                String id = response.path("id");
                articles.put(id, new Expected("v0"));
                mine.add(id);
            }
        }

        private void patch(String id) {
            Expected expected = articles.get(id);
            String next = "v" + (++expected.version);
            expected.inFlight = next;
            Response response = app.admin().contentType("application/merge-patch+json")
                    .body(Map.of("subtitle", next)).patch("/api/v1/articles/{id}", id);
            if (acknowledged(response, 200)) {
                expected.acknowledged = next;
                expected.inFlight = null;
            }
        }

        private boolean acknowledged(Response response, int status) {
            if (response.statusCode() != status) {
                problems.add(response.statusCode() + " " + response.asString());
                return false;
            }
            acknowledgedWrites.incrementAndGet();
            return true;
        }
    }
}
