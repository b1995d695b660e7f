package io.headline.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.headline.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a response holds of the body budget comes back even when its client has gone before it was sent. */
@QuarkusTest
class BodyReadsReleaseTests {

    @Inject
    BodyReads bodyReads;

    @TestHTTPResource("/")
    URL server;

    @Test
    void shouldGiveTheUnitsBackWhenTheClientClosedTheConnectionFirst() throws Exception {
        SlowBodyReads.started = new CountDownLatch(1);
        SlowBodyReads.finish = new CountDownLatch(1);
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/test-slow-body-reads HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(SlowBodyReads.started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(bodyReads.available()).isLessThan(bodyReads.total());
        }
        SlowBodyReads.finish.countDown();

        assertThat(HeldBodyReads.unitsBackWithin(bodyReads, Duration.ofSeconds(10))).isEqualTo(bodyReads.total());
    }

    /** A client that asks for bodies in bulk and reads nothing holds no permit once its answer is made. */
    @Test
    void shouldGiveTheUnitsBackOnceTheAnswerIsMadeThoughItsClientReadsNothing() throws Exception {
        String tag = PendingSendsTests.largeArticles(3, 100_000);
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/articles?tag=" + tag + "&fields=body,bodyHtml,bodyText HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + Api.ADMIN_TOKEN + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // Read nothing: the answer, megabytes, waits for this client; the units must not.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (bodyReads.available() < bodyReads.total() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(bodyReads.available()).isEqualTo(bodyReads.total());
            assertThat(socket.isClosed()).isFalse();
        }
    }

    /** As a load generator does: many keep-alive clients, some giving up on a response (wrk found the leak so). */
    @Test
    void shouldGiveEveryUnitBackAfterManyClientsSomeOfWhomGaveUp() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService callers = Executors.newFixedThreadPool(32);
        Instant end = Instant.now().plusSeconds(4);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            int caller = i;
            running.add(callers.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    HttpRequest request = HttpRequest.newBuilder(server.toURI().resolve("/api/v1/articles?q=sequel&size="
                            + (caller % 20 + 1))).timeout(Duration.ofMillis(caller % 2 == 0 ? 50 : 5_000))
                            // A token's reads are never answered from the response cache: each reaches BodyReads.
                            .header("Authorization", "Bearer test-admin-token").build();
                    try {
                        client.send(request, HttpResponse.BodyHandlers.discarding());
                    } catch (java.io.IOException e) {
                        // gave up: the connection is closed under the response
                    }
                }
                return null;
            }));
        }
        for (Future<?> caller : running) {
            caller.get(1, TimeUnit.MINUTES);
        }
        callers.shutdown();

        // The server still works through the requests whose callers gave up (hundreds, on a cold JVM that still parses
        // its queries: 15 s on a loaded machine); a unit that leaked never comes back however long one waits.
        assertThat(HeldBodyReads.unitsBackWithin(bodyReads, Duration.ofSeconds(60))).isEqualTo(bodyReads.total());
    }
}
