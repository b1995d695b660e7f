package io.headline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that ask for large answers and never read them hold neither the memory nor the bulk reads: the packaged
 * application runs with a small heap while raw sockets with a tiny receive buffer send requests for lists with bodies
 * and for large articles and then read nothing. Other callers' bulk reads are answered meanwhile, the process stays
 * alive, ready and writing, its resident memory grows by a bounded amount, and the stalled connections are closed
 * after the send stall timeout. Runs in {@code verify} on H2 and, with -Ppostgresql, on PostgreSQL; it prints the
 * resident memory it saw.
 */
class StalledReadersIT {

    private static final String HEAP = "256m";
    private static final int ARTICLES = 10;
    private static final int BODY_LENGTH = 400_000;
    /** Two would be enough to hold every body-read permit there is when they are held until sent. */
    private static final int FEW = 3;
    /** Each stalled list answer is about 4 MB and each article one about 1 MB: several heaps' worth in all. */
    private static final int MANY_LISTS = 60;
    private static final int MANY_ARTICLES = 60;
    /** Short, so that the test need not wait through the default 30 s to see the stalled connections closed. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The resident memory the process may reach with them: the heap, the JVM's own (metaspace, code, threads: about
     * 250 MB here), and the slices under way; a full-size direct copy of each stalled answer would pass it.
     */
    private static final long RSS_LIMIT_MB = 700;

    private final List<Socket> stalled = new ArrayList<>();
    private Path workDir;
    private PackagedApp app;
    private String tag;
    private String category;
    private String author;
    private final List<String> slugs = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        workDir = Files.createTempDirectory("headline-stalled");
        app = PackagedApp.start(workDir, "app", List.of("-Xmx" + HEAP,
                "-Dheadline.limits.send-stall-timeout=" + STALL_TIMEOUT.toSeconds() + "s"));
        tag = "stalled-" + UUID.randomUUID();
        category = app.admin().body(Map.of("name", "Stalled " + UUID.randomUUID()))
                .post("/api/v1/categories").then().statusCode(201).extract().path("slug");
        author = app.admin().body(Map.of("name", "Stalled " + UUID.randomUUID()))
                .post("/api/v1/authors").then().statusCode(201).extract().path("slug");
        for (int i = 0; i < ARTICLES; i++) {
            slugs.add(app.admin().body(Map.of("title", "Stalled " + UUID.randomUUID(), "status", "published",
                            "category", category, "authors", List.of(author), "tags", List.of(tag),
                            "body", prose(new Random(i))))
                    .post("/api/v1/articles").then().statusCode(201).extract().path("slug"));
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : stalled) {
            socket.close();
        }
        if (app != null) {
            app.kill();
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void shouldServeOthersAndStayBoundedWhileClientsNeverRead() throws Exception {
        String list = "/api/v1/articles?tag=" + tag + "&size=" + ARTICLES + "&fields=body,bodyHtml,bodyText";
        // A few idle connections must not freeze every bulk read.
        for (int i = 0; i < FEW; i++) {
            stall(list);
        }
        // Their answers take a moment to build (a 503 meanwhile is the bound on work at once): another bulk read is
        // answered before the stall timeout, so while the stalled connections hold their answers (their sends began
        // after these requests and are cut only a stall timeout later), not because they were cut.
        long askedAt = System.nanoTime();
        Instant answeredBy = Instant.now().plus(STALL_TIMEOUT);
        int status = app.anonymous().get(list).statusCode();
        while (status == 503 && Instant.now().isBefore(answeredBy)) {
            Thread.sleep(100);
            status = app.anonymous().get(list).statusCode();
        }
        assertThat(status).as("a bulk read beside %d clients that read nothing", FEW).isEqualTo(200);
        System.out.printf("StalledReadersIT: a bulk read beside %d stalled readers answered 200 after %.1f s%n", FEW,
                (System.nanoTime() - askedAt) / 1e9);

        long rssBefore = rssMegabytes();
        long started = System.nanoTime();
        for (int i = 0; i < Math.max(MANY_LISTS, MANY_ARTICLES); i++) {
            if (i < MANY_LISTS) {
                stall(list);
            }
            if (i < MANY_ARTICLES) {
                stall("/api/v1/articles/" + slugs.get(i % slugs.size()) + "?formats=markdown,html,plaintext");
            }
        }
        // The server takes the requests at its pace: the largest resident memory while it does.
        long rssDuring = 0;
        for (int sample = 0; sample < 32; sample++) {
            rssDuring = Math.max(rssDuring, rssMegabytes());
            Thread.sleep(250);
        }
        System.out.printf("StalledReadersIT: %d stalled readers (%d lists, %d articles) opened in %.1f s; RSS (-Xmx%s) "
                        + "%d MB before, %d MB with them%n", FEW + MANY_LISTS + MANY_ARTICLES, FEW + MANY_LISTS,
                MANY_ARTICLES, (System.nanoTime() - started) / 1e9, HEAP, rssBefore, rssDuring);

        assertThat(app.process().isAlive()).as("alive; log:\n%s", tail()).isTrue();
        app.anonymous().get("/q/health/live").then().statusCode(200);
        app.anonymous().get("/q/health/ready").then().statusCode(200);
        app.anonymous().get("/api/v1/articles/" + slugs.get(0)).then().statusCode(200);
        String created = app.admin().body(Map.of("title", "Written beside stalled readers", "status", "draft",
                "category", category, "authors", List.of(author), "body", "Still writing."))
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");
        app.admin().get("/api/v1/articles/{id}", created).then().statusCode(200);
        assertThat(rssDuring).as("resident memory with the stalled readers, MB").isLessThan(RSS_LIMIT_MB);

        // Past the stall timeout their connections are closed, nothing waits to be sent, and bulk reads have room.
        Instant deadline = Instant.now().plus(STALL_TIMEOUT).plusSeconds(30);
        String metrics = app.metrics();
        while (Instant.now().isBefore(deadline) && (metric(metrics, "headline_send_stalls_total") < FEW
                || metric(metrics, "headline_pending_sends_bytes") > 0)) {
            Thread.sleep(500);
            metrics = app.metrics();
        }
        assertThat(metric(metrics, "headline_send_stalls_total")).as("connections closed for a stalled send")
                .isGreaterThanOrEqualTo(FEW);
        assertThat(metric(metrics, "headline_pending_sends_bytes")).as("bytes still waiting").isZero();
        app.anonymous().get(list).then().statusCode(200);
    }

    /** A raw connection with a tiny receive buffer that asks for {@code path} and then reads nothing. */
    private void stall(String path) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 10_000);
        stalled.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static double metric(String metrics, String name) {
        Matcher value = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.E+-]+)$").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : -1;
    }

    /** The child's resident set, from /proc (Linux). */
    private long rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(app.process().pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(app.log());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** Markdown paragraphs of ordinary words, BODY_LENGTH characters or more. */
    private static String prose(Random random) {
        String[] words = "the city council report film market season school water street evening history music"
                .split(" ");
        StringBuilder markdown = new StringBuilder(BODY_LENGTH + 1000);
        while (markdown.length() < BODY_LENGTH) {
            for (int i = 0; i < 60; i++) {
                markdown.append(words[random.nextInt(words.length)]).append(i % 15 == 14 ? ". " : " ");
            }
            markdown.append("*").append(random.nextInt(1000)).append("*\n\n");
        }
        return markdown.toString();
    }
}
