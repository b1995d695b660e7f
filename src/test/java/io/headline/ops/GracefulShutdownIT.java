package io.headline.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM lets requests in flight finish (quarkus.shutdown.timeout): a bulk import whose body is still being sent
 * when the packaged application is told to stop gets its whole answer, every line of it is in the database, and
 * then the process exits. A request sent after SIGTERM is served or left unanswered, never failed by a database
 * closed under it (H2 closed its own from its shutdown hook until DB_CLOSE_ON_EXIT=FALSE). The slow request is a
 * natural one, with no test-only code in the jar: the client sends the body in two parts and holds the second until
 * the server has begun shutting down.
 */
class GracefulShutdownIT {

    private static final int ARTICLES = 10;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @Test
    void shouldFinishAnImportInFlightAndThenExitOnSigterm() throws Exception {
        String run = "shutdown-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> lines = new ArrayList<>(List.of(
                "{\"type\":\"category\",\"slug\":\"" + run + "\",\"name\":\"Shutdown " + run + "\"}",
                "{\"type\":\"author\",\"slug\":\"" + run + "\",\"name\":\"Shutdown " + run + "\"}"));
        for (int i = 1; i <= ARTICLES; i++) {
            lines.add("{\"type\":\"article\",\"slug\":\"" + run + "-" + i + "\",\"title\":\"Article " + i + "\","
                    + "\"body\":\"Text.\",\"status\":\"published\",\"category\":\"" + run + "\",\"authors\":[\"" + run
                    + "\"]}");
        }
        byte[] before = (String.join("\n", lines.subList(0, 3)) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] after = (String.join("\n", lines.subList(3, lines.size())) + "\n").getBytes(StandardCharsets.UTF_8);

        // One line a batch, so that the first lines are committed while the rest of the body is still to come.
        PackagedApp app = PackagedApp.start(workDir, "app", List.of("-Dheadline.transfer.batch-size=1"));
        try {
            HttpURLConnection upload = (HttpURLConnection) URI.create(app.baseUri() + "/api/v1/import").toURL()
                    .openConnection();
            upload.setRequestMethod("POST");
            upload.setDoOutput(true);
            upload.setFixedLengthStreamingMode(before.length + after.length);
            upload.setRequestProperty("Content-Type", "application/x-ndjson");
            upload.setRequestProperty("Accept", "application/json, application/problem+json");
            upload.setRequestProperty("Authorization", "Bearer " + PackagedApp.ADMIN_TOKEN);
            upload.setReadTimeout((int) WAIT.toMillis());
            OutputStream body = upload.getOutputStream();
            body.write(before);
            body.flush();
            // The import is under way on the server: its first line is committed.
            await(() -> app.anonymous().get("/api/v1/categories/" + run).statusCode(), status -> status == 200,
                    "the first imported line to be readable");

            app.process().destroy(); // SIGTERM
            await(() -> Files.readString(app.log()).contains("Waiting for HTTP requests to complete") ? 1 : 0,
                    found -> found == 1, "the application to begin its shutdown");
            CompletableFuture<String> late = CompletableFuture.supplyAsync(() -> outcomeOfAGet(app));
            assertThat(app.process().isAlive()).as("the process waits for the import in flight").isTrue();

            body.write(after);
            body.close();
            assertThat(upload.getResponseCode()).isEqualTo(200);
            JsonNode summary;
            try (InputStream answer = upload.getInputStream()) {
                summary = new ObjectMapper().readTree(answer);
            }
            assertThat(summary.path("lines").asInt()).isEqualTo(lines.size());
            assertThat(summary.path("created").asInt()).isEqualTo(lines.size());
            assertThat(summary.path("failed").asInt()).isZero();

            assertThat(app.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exited after the import").isTrue();
            // A request that arrives while the server drains is still served (then its connection is closed), or, if
            // its connection is accepted too late, dropped unanswered; never failed by a database closed under it.
            String lateOutcome = late.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(lateOutcome).as("a request sent after SIGTERM").matches("HTTP 200|no answer: .*");
        } finally {
            app.process().destroyForcibly().waitFor();
        }

        PackagedApp again = PackagedApp.start(workDir, "again", List.of());
        try {
            for (int i = 1; i <= ARTICLES; i++) {
                again.anonymous().get("/api/v1/articles/" + run + "-" + i).then().statusCode(200);
            }
        } finally {
            again.stop();
        }
    }

    private static String outcomeOfAGet(PackagedApp app) {
        try {
            HttpURLConnection get = (HttpURLConnection) URI.create(app.baseUri() + "/api/v1/articles").toURL()
                    .openConnection();
            get.setConnectTimeout((int) WAIT.toMillis());
            get.setReadTimeout((int) WAIT.toMillis());
            return "HTTP " + get.getResponseCode();
        } catch (IOException e) {
            return "no answer: " + e;
        }
    }

    /** Polls until the status passes the test: no fixed sleep, however slow the machine. */
    private static int await(StatusCall call, IntPredicate done, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            int status;
            try {
                status = call.status();
            } catch (Exception refused) {
                status = -1;
            }
            if (done.test(status)) {
                return status;
            }
            Thread.sleep(20);
        }
        return fail("Waited " + WAIT + " for " + what);
    }

    @FunctionalInterface
    private interface StatusCall {
        int status() throws Exception;
    }
}
