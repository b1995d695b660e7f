package io.headline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No anonymous read can exhaust the memory: the packaged application runs with a small heap (and exits on an
 * out-of-memory error, as the README runs it) while six anonymous readers repeat the most expensive reads there are —
 * every body form of 25 published articles of about 900 KB each, through the tag filter and through full-text search,
 * page after page — and afterwards it must still be alive, ready and writing durably. Runs in {@code verify}
 * (failsafe) on H2 and, with -Ppostgresql, on PostgreSQL. It prints the peak heap during the reads (from the child's
 * GC log) and what the reads transferred.
 */
class MemoryBoundIT {

    private static final String HEAP = "256m";
    private static final int ARTICLES = 25;
    private static final int BODY_LENGTH = 900_000;
    private static final int READERS = 6;
    /**
     * Each round is one full read by tag, one by full-text search, and one search request: about 130 MB of JSON per
     * reader. One round keeps the test short; -Dmemory.rounds=... repeats it.
     */
    private static final int ROUNDS = Integer.getInteger("memory.rounds", 1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(180);
    private static final JsonFactory JSON = new JsonFactory();
    /** A unified-logging GC pause: used before -> used after (committed) and its time, "... 120M->30M(256M) 5.1ms". */
    private static final Pattern GC = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([\\d.]+)ms");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(60)).build();
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger saturated = new AtomicInteger();
    private String category;
    private String author;

    @Test
    void shouldSurviveSixConcurrentLargestReadsWithASmallHeap() throws Exception {
        Path workDir = Files.createTempDirectory("headline-memory");
        Path gcLog = workDir.resolve("gc.log");
        List<String> smallHeap = List.of("-Xmx" + HEAP, "-Xlog:gc:file=" + gcLog + ":uptime");
        String tag = "memory-" + UUID.randomUUID();
        String word = randomWord(new Random());

        PackagedApp app = PackagedApp.start(workDir, "app-1", smallHeap);
        String created;
        try {
            long creating = System.nanoTime();
            createArticles(app, tag, word);
            System.out.printf("MemoryBoundIT: created %d articles of %d+ characters in %.1f s%n", ARTICLES, BODY_LENGTH,
                    (System.nanoTime() - creating) / 1e9);
            long gcLogBefore = Files.size(gcLog);
            long started = System.nanoTime();
            read(app, tag, word);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("MemoryBoundIT: %d readers x %d rounds: %d requests, %.1f MB in %.1f s, %d answered 503; "
                            + "heap (-Xmx%s) during the reads: %s%n", READERS, ROUNDS, requests.get(),
                    bytesRead.get() / 1e6, seconds, saturated.get(), HEAP, heapDuringReads(gcLog, gcLogBefore));

            assertThat(app.process().isAlive())
                    .as("the application is alive after the reads (%d reads failed, the first: %s; log: %s):\n%s",
                            problems.size(), problems.peek(), app.log(), tail(app.log()))
                    .isTrue();
            assertThat(problems).as("unexpected answers to the reads").isEmpty();
            app.anonymous().get("/q/health/ready").then().statusCode(200);
            created = createArticle(app, tag, word, "Written after the reads.");
        } finally {
            app.kill();
        }

        PackagedApp restarted = PackagedApp.start(workDir, "app-2", smallHeap);
        try {
            restarted.admin().get("/api/v1/articles/{id}", created).then().statusCode(200);
        } finally {
            restarted.stop();
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /**
     * One writer: three concurrent creates of 900 KB bodies already exhausted -Xmx256m (H2 serializing the rows), which
     * is not what this test measures. The bodies differ.
     */
    private void createArticles(PackagedApp app, String tag, String word) throws Exception {
        category = app.admin().body(Map.of("name", "Memory " + UUID.randomUUID()))
                .post("/api/v1/categories").then().statusCode(201).extract().path("slug");
        author = app.admin().body(Map.of("name", "Memory " + UUID.randomUUID()))
                .post("/api/v1/authors").then().statusCode(201).extract().path("slug");
        ExecutorService writers = Executors.newSingleThreadExecutor();
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i++) {
                String body = proseMarkdown(new Random(i), word);
                assertThat(body.length()).isBetween(BODY_LENGTH, 999_999);
                created.add(writers.submit(() -> createArticle(app, tag, word, body)));
            }
            for (Future<String> article : created) {
                article.get(10, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    private String createArticle(PackagedApp app, String tag, String word, String body) {
        return app.admin()
                .body(Map.of("title", "The " + word + " report " + UUID.randomUUID(), "status", "published",
                        "category", category, "authors", List.of(author), "tags", List.of(tag), "body", body))
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");
    }

    /** READERS threads at once, each ROUNDS times: every page of both largest reads, and the search. */
    private void read(PackagedApp app, String tag, String word) throws Exception {
        String bodies = "&size=100&fields=body,bodyHtml,bodyText";
        URI byTag = URI.create(app.baseUri() + "/api/v1/articles?tag=" + encode(tag) + bodies);
        URI byQuery = URI.create(app.baseUri() + "/api/v1/articles?q=" + word + bodies);
        URI search = URI.create(app.baseUri() + "/api/v1/search?size=100&q=" + word);
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                done.add(readers.submit(() -> {
                    for (int round = 0; round < ROUNDS && app.process().isAlive(); round++) {
                        readAllPages(byTag);
                        readAllPages(byQuery);
                        readPage(search);
                    }
                    return null;
                }));
            }
            for (Future<?> reader : done) {
                reader.get(30, TimeUnit.MINUTES);
            }
        } finally {
            readers.shutdownNow();
        }
    }

    /** Follows links.next to the end; together the pages must hold every article and (nearly) all their text. */
    private void readAllPages(URI first) throws InterruptedException {
        int items = 0;
        long bytes = 0;
        URI next = first;
        while (next != null) {
            Page page = readPage(next);
            if (page == null) {
                return;
            }
            items += page.items;
            bytes += page.bytes;
            next = page.next == null ? null : first.resolve(page.next);
        }
        if (items != ARTICLES || bytes < (long) ARTICLES * 2 * BODY_LENGTH) {
            problems.add(first + ": " + items + " articles in " + bytes + " bytes over all pages, expected "
                    + ARTICLES + " with their bodies");
        }
    }

    private record Page(int items, long bytes, String next) {
    }

    /** One page; a 503 (the bound on concurrent expensive reads) is retried after its Retry-After. Null on failure. */
    private Page readPage(URI uri) throws InterruptedException {
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json, application/problem+json").build();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException failed) {
                problems.add(uri + ": " + failed);
                return null;
            }
            requests.incrementAndGet();
            String type = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream body = response.body()) {
                if (response.statusCode() == 200 && type.startsWith("application/json")) {
                    return parse(body);
                }
                String text = new String(body.readNBytes(2000), StandardCharsets.UTF_8);
                var retryAfter = response.headers().firstValue("Retry-After");
                if (response.statusCode() != 503 || !type.startsWith("application/problem+json") || retryAfter.isEmpty()) {
                    problems.add(uri + ": " + response.statusCode() + " " + type + " " + text);
                    return null;
                }
                saturated.incrementAndGet();
                Thread.sleep(Math.min(Long.parseLong(retryAfter.get()), 2) * 1000);
            } catch (IOException | RuntimeException failed) {
                problems.add(uri + ": " + response.statusCode() + " " + failed);
                return null;
            }
        }
    }

    /**
     * Reads the whole body as a stream, so that six readers of tens of megabytes cost this JVM little: valid JSON
     * or an exception; it counts the items of {@code data} and picks {@code links.next}.
     */
    private Page parse(InputStream body) throws IOException {
        int items = 0;
        String next = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonStreamContext context = parser.getParsingContext();
                if (token == JsonToken.START_OBJECT && isTopLevelMember(context.getParent(), "data")) {
                    items++;
                } else if (token == JsonToken.VALUE_STRING && isTopLevelMember(context, "links")
                        && "next".equals(context.getCurrentName())) {
                    next = parser.getText();
                }
            }
            long bytes = parser.currentLocation().getByteOffset();
            bytesRead.addAndGet(bytes);
            return new Page(items, bytes, next);
        }
    }

    /** Whether {@code context} is the value of the member {@code name} of the top-level object. */
    private static boolean isTopLevelMember(JsonStreamContext context, String name) {
        JsonStreamContext member = context == null ? null : context.getParent();
        return member != null && member.inObject() && name.equals(member.getCurrentName())
                && member.getParent() != null && member.getParent().inRoot();
    }

    /** From the GC log after {@code from}: the largest heap used before a GC and still live after one, and the pauses. */
    private static String heapDuringReads(Path gcLog, long from) throws IOException {
        String log;
        try (InputStream in = Files.newInputStream(gcLog)) {
            in.skipNBytes(from);
            log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long before = 0;
        long after = 0;
        int pauses = 0;
        double pausedMillis = 0;
        for (String line : log.split("\n")) {
            Matcher gc = GC.matcher(line);
            if (gc.find()) {
                before = Math.max(before, megabytes(gc.group(1), gc.group(2)));
                // A remark or cleanup pause frees nothing: only collections say what was still live.
                if (line.contains("Pause Young") || line.contains("Pause Full")) {
                    after = Math.max(after, megabytes(gc.group(3), gc.group(4)));
                }
                pauses++;
                pausedMillis += Double.parseDouble(gc.group(7));
            }
        }
        return String.format("peak %d MB used before a GC, %d MB live after one; %d pauses (%d full) took %.1f s",
                before, after, pauses, log.split("Pause Full", -1).length - 1, pausedMillis / 1000);
    }

    private static long megabytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
    }

    private static final String[] WORDS = ("the a of and to in is that for it as was with be by on not he this are or "
            + "his from at which but have an they you were her she there been one all we their has would when if so no "
            + "will more can who out up about into than them some could time other people new year city council "
            + "report film market season school water street evening morning history music family station river "
            + "government study story village teacher minister season player winter summer garden building museum")
            .split(" ");

    /** Ordinary Markdown of at least BODY_LENGTH characters: headings, paragraphs with emphasis and links, lists. */
    private static String proseMarkdown(Random random, String word) {
        StringBuilder markdown = new StringBuilder(BODY_LENGTH + 4000);
        for (int paragraph = 0; markdown.length() < BODY_LENGTH; paragraph++) {
            if (paragraph % 12 == 0) {
                markdown.append("## ").append(sentence(random, 3 + random.nextInt(5), word)).append("\n\n");
            }
            if (paragraph % 7 == 3) {
                for (int item = 0; item < 4; item++) {
                    markdown.append("- ").append(sentence(random, 6 + random.nextInt(8), word)).append('\n');
                }
            } else {
                for (int s = 3 + random.nextInt(5); s > 0; s--) {
                    markdown.append(sentence(random, 8 + random.nextInt(14), word)).append(' ');
                }
            }
            markdown.append("\n\n");
        }
        return markdown.toString();
    }

    private static String sentence(Random random, int words, String word) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String next = random.nextInt(400) == 0 ? word : WORDS[random.nextInt(WORDS.length)];
            if (i == 0) {
                next = Character.toUpperCase(next.charAt(0)) + next.substring(1);
            }
            switch (random.nextInt(60)) {
                case 0 -> sentence.append('*').append(next).append('*');
                case 1 -> sentence.append("**").append(next).append("**");
                case 2 -> sentence.append('`').append(next).append('`');
                case 3 -> sentence.append('[').append(next).append("](https://example.com/").append(next).append(')');
                default -> sentence.append(next);
            }
            sentence.append(i == words - 1 ? "." : i % 9 == 8 ? ", " : " ");
        }
        return sentence.toString();
    }

    /** Letters only, and no dictionary word: full-text search finds exactly these articles on both databases. */
    private static String randomWord(Random random) {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
