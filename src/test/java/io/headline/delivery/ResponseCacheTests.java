package io.headline.delivery;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.unique;
import static io.headline.Api.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import io.headline.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The response cache seen from outside: which requests are answered from it (on the event loop, as {@link ThreadProbe}
 * tells), with what, and when a write or the clock makes it answer anew. Raw HTTP, so bodies are compared as bytes.
 */
@QuarkusTest
class ResponseCacheTests {

    /** Headers that differ from one response to the next whoever answers: framing, the quota left, the request id. */
    private static final Set<String> PER_RESPONSE = Set.of("content-length", "transfer-encoding", "ratelimit", "date",
            "x-request-id");

    /** Java's client asks a cleartext server to upgrade to HTTP/2, and Quarkus does. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final HttpClient HTTP_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URI base;

    @Inject
    ThreadProbe probe;

    @Inject
    TestClock clock;

    @Inject
    ResponseCache cache;

    record Answer(int status, Map<String, List<String>> headers, byte[] body, String thread) {

        boolean hit() {
            return ThreadProbe.eventLoop(thread);
        }

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : String.join(", ", values);
        }

        Map<String, List<String>> comparableHeaders() {
            Map<String, List<String>> comparable = new TreeMap<>(headers);
            comparable.keySet().removeAll(PER_RESPONSE);
            return comparable;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldAnswerAHitOnTheEventLoopWithTheHeadersAndBytesOfTheMiss() {
        String path = articlePath(createArticle("published"));

        Answer miss = get(path);
        Answer hit = untilHit(path);

        assertThat(miss.status()).isEqualTo(200);
        assertThat(miss.hit()).as("the miss is built on a worker thread: %s", miss.thread()).isFalse();
        assertThat(hit.status()).isEqualTo(200);
        assertThat(hit.comparableHeaders()).isEqualTo(miss.comparableHeaders());
        assertThat(hit.body()).isEqualTo(miss.body());
        assertThat(hit.header("RateLimit")).as("a hit is counted like any request").startsWith("\"anonymous\";r=");
    }

    @Test
    void shouldAnswerAHitWithItsOwnRequestIdAndKeepNone() {
        String path = articlePath(createArticle("published"));

        get(path, "X-Request-Id", "the-miss");
        Answer hit = untilHit(HTTP, path, "X-Request-Id", "the-hit");

        assertThat(hit.header("X-Request-Id")).isEqualTo("the-hit");
        assertThat(hit.text()).doesNotContain("the-miss");
        assertThat(cache.get(new ResponseCache.Key(path, "")).headers())
                .noneMatch(header -> header.getKey().equalsIgnoreCase("X-Request-Id"));
    }

    @Test
    void shouldSendTheSameHeadersOnAHeadHitWithoutABody() {
        String path = articlePath(createArticle("published"));
        Answer headMiss = send(path, "HEAD");
        Answer getMiss = get(path);

        untilHit(path);
        Answer headHit = send(path, "HEAD");

        assertThat(headHit.hit()).isTrue();
        assertThat(headHit.body()).isEmpty();
        assertThat(headHit.comparableHeaders()).isEqualTo(headMiss.comparableHeaders());
        assertThat(headHit.header("ETag")).isEqualTo(getMiss.header("ETag"));
    }

    @Test
    void shouldAnswer304FromTheCacheAsAMissDoes() {
        String path = articlePath(createArticle("published"));
        String etag = get(path).header("ETag");
        Answer notModifiedMiss = get(path, "If-None-Match", etag);
        assertThat(notModifiedMiss.status()).isEqualTo(304);

        untilHit(path);
        Answer notModifiedHit = get(path, "If-None-Match", etag);
        Answer sinceHit = get(path, "If-Modified-Since", get(path).header("Last-Modified"));

        assertThat(notModifiedHit.hit()).isTrue();
        assertThat(notModifiedHit.status()).isEqualTo(304);
        assertThat(notModifiedHit.body()).isEmpty();
        assertThat(notModifiedHit.comparableHeaders()).isEqualTo(notModifiedMiss.comparableHeaders());
        assertThat(sinceHit.status()).isEqualTo(304);
        assertThat(get(path, "If-None-Match", "\"other\"").status()).isEqualTo(200);
    }

    @Test
    void shouldKeepACompressedCopyPerEncodingThatDecodesToTheMissBody() throws IOException {
        String path = listPath(createArticle("published"));
        Answer plain = get(path);
        Answer gzipMiss = get(path, "Accept-Encoding", "gzip");
        untilHit(path);

        for (String accepted : List.of("gzip", "br", "gzip, deflate, br", "deflate, gzip", "identity")) {
            // A coding's copy is made by the first miss that asks for it.
            Answer hit = untilHit(HTTP_1, path, "Accept-Encoding", accepted);
            String expected = Encodings.negotiate(accepted);
            assertThat(hit.hit()).as(accepted).isTrue();
            assertThat(hit.header("Content-Encoding")).as(accepted).isEqualTo(expected);
            assertThat(decode(hit)).as(accepted).isEqualTo(plain.body());
        }
        assertThat(gzipMiss.header("Content-Encoding")).isEqualTo("gzip");
        for (String accepted : List.of("gzip", "br")) {
            Answer offeringHttp2 = get(path, "Accept-Encoding", accepted); // answered in HTTP/1.1 (no h2c)
            assertThat(offeringHttp2.hit()).isTrue();
            assertThat(offeringHttp2.header("Content-Encoding")).isEqualTo(accepted);
            assertThat(decode(offeringHttp2)).as("offering HTTP/2, " + accepted).isEqualTo(plain.body());
        }
        String other = listPath(createArticle("published"));
        for (String accepted : List.of("gzip, deflate, br", "deflate, gzip")) {
            Answer miss = send(HTTP_1, other, "GET", "Accept-Encoding", accepted);
            assertThat(miss.header("Content-Encoding")).as("a miss chooses as a hit does").isEqualTo(
                    Encodings.negotiate(accepted));
        }
        Answer weighted = send(HTTP_1, path, "GET", "Accept-Encoding", "br;q=0.5, gzip");
        assertThat(weighted.hit()).as("weights are left to the server").isFalse();
        assertThat(decode(weighted)).isEqualTo(plain.body());
    }

    @Test
    void shouldNeverAnswerATokenFromWhatAnonymousCallersGot() {
        Map<String, Object> published = createArticle("published");
        String category = categoryOf(published);
        Map<String, Object> draft = articleInput("draft");
        draft.put("category", category);
        createArticle(draft);
        String path = "/api/v1/articles?category=" + category;
        untilHit(path);

        Answer asAdmin = get(path, "Authorization", "Bearer test-admin-token");
        Answer anonymousAgain = get(path);

        assertThat(asAdmin.hit()).isFalse();
        assertThat(asAdmin.text()).contains((String) draft.get("title"));
        assertThat(asAdmin.header("Cache-Control")).isEqualTo(HttpCachingFilter.PRIVATE);
        assertThat(anonymousAgain.hit()).isTrue();
        assertThat(anonymousAgain.text()).doesNotContain((String) draft.get("title"));
    }

    @Test
    void shouldNeverKeepAPreview() {
        String url = admin().when().post("/api/v1/articles/{id}/preview-link", createArticle("draft").get("id"))
                .then().statusCode(200).extract().path("url");
        String path = URI.create(url).getRawPath();

        for (int i = 0; i < 3; i++) {
            Answer preview = get(path);
            assertThat(preview.status()).isEqualTo(200);
            assertThat(preview.hit()).isFalse();
            assertThat(preview.header("Cache-Control")).isEqualTo(HttpCachingFilter.PRIVATE);
        }
    }

    @Test
    void shouldDropTheArticleAndItsListsOnAWriteButNotUnrelatedResponses() {
        Map<String, Object> article = createArticle("published");
        Map<String, Object> unrelated = createArticle("published");
        String itemPath = articlePath(article);
        String listPath = listPath(article);
        untilHit(itemPath);
        untilHit(listPath);
        untilHit(articlePath(unrelated));
        String title = unique("Retitled");

        admin().contentType("application/merge-patch+json").body(Map.of("title", title))
                .when().patch("/api/v1/articles/{id}", article.get("id")).then().statusCode(200);

        Answer item = get(itemPath);
        Answer list = get(listPath);
        assertThat(item.hit()).isFalse();
        assertThat(item.text()).contains(title);
        assertThat(list.hit()).isFalse();
        assertThat(list.text()).contains(title);
        assertThat(get(articlePath(unrelated)).hit()).as("an unrelated article stays cached").isTrue();
    }

    @Test
    void shouldDropWhatShowsAnAuthorWhenTheAuthorChanges() {
        Map<String, Object> article = createArticle("published");
        String itemPath = articlePath(article);
        untilHit(itemPath);
        @SuppressWarnings("unchecked")
        String author = (String) ((List<Map<String, Object>>) article.get("authors")).get(0).get("slug");
        String name = unique("Renamed");

        admin().contentType("application/merge-patch+json").body(Map.of("name", name))
                .when().patch("/api/v1/authors/{slug}", author).then().statusCode(200);

        Answer item = get(itemPath + "?include=authors");
        assertThat(item.text()).contains(name);
        assertThat(get(itemPath).hit()).isFalse();
    }

    @Test
    void shouldShowAScheduledArticleAtItsInstantWithTheCacheOn() {
        Map<String, Object> article = createArticle("draft");
        String listPath = listPath(article);
        Instant instant = clock.instant().plus(1, ChronoUnit.HOURS);
        admin().body(Map.of("publishedAt", instant.toString()))
                .when().post("/api/v1/articles/{id}/schedule", article.get("id")).then().statusCode(200);
        Answer before = untilHit(listPath);
        assertThat(before.text()).doesNotContain((String) article.get("title"));
        try {
            clock.advance(Duration.between(clock.instant(), instant).plusSeconds(1));

            Answer after = get(listPath);
            assertThat(after.text()).contains((String) article.get("title"));
            assertThat(get(articlePath(article)).status()).isEqualTo(200);
        } finally {
            clock.reset();
            cache.invalidate(Set.of("*")); // what was kept in the moved time must not outlive it
        }
    }

    @Test
    void shouldRefuseARevokedTokenAtOnce() {
        Map<String, Object> created = admin().body(Map.of("name", unique("token"), "role", "content"))
                .when().post("/api/v1/tokens").then().statusCode(201).extract().jsonPath().getMap("");
        String token = (String) created.get("token");
        withToken(token).when().get("/api/v1/categories").then().statusCode(200);
        withToken(token).when().get("/api/v1/categories").then().statusCode(200); // now known without a lookup

        admin().when().delete("/api/v1/tokens/{id}", created.get("id")).then().statusCode(204);

        withToken(token).when().get("/api/v1/categories").then().statusCode(401);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static String articlePath(Map<String, Object> article) {
        return "/api/v1/articles/" + article.get("slug");
    }

    private static String listPath(Map<String, Object> article) {
        return "/api/v1/articles?include=authors,category&category=" + categoryOf(article);
    }

    @SuppressWarnings("unchecked")
    private static String categoryOf(Map<String, Object> article) {
        return (String) ((Map<String, Object>) article.get("category")).get("slug");
    }

    /** Asks until the answer comes from the cache: a miss is stored just after it is sent. */
    private Answer untilHit(String path) {
        return untilHit(HTTP, path);
    }

    private Answer untilHit(HttpClient client, String path, String... headers) {
        Instant deadline = Instant.now().plusSeconds(10);
        Answer answer = send(client, path, "GET", headers);
        while (!answer.hit() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            answer = send(client, path, "GET", headers);
        }
        assertThat(answer.hit()).as("%s %s answered from the cache", path, List.of(headers)).isTrue();
        return answer;
    }

    private Answer get(String path, String... headers) {
        return send(path, "GET", headers);
    }

    private Answer send(String path, String method, String... headers) {
        return send(HTTP, path, method, headers);
    }

    private Answer send(HttpClient client, String path, String method, String... headers) {
        String id = unique("probe");
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                HttpRequest.BodyPublishers.noBody()).header(ThreadProbe.HEADER, id).header("Accept", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().map(), response.body(), probe.threadOf(id));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(Answer answer) throws IOException {
        String encoding = answer.header("Content-Encoding");
        if (encoding == null) {
            return answer.body();
        }
        if (encoding.equals("gzip")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(answer.body()))) {
                return in.readAllBytes();
            }
        }
        Brotli4jLoader.ensureAvailability();
        return Decoder.decompress(answer.body()).getDecompressedData();
    }
}
