package io.headline.fuzz;

import static io.headline.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import io.headline.Metrics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whatever methods and paths strangers make up, the HTTP timings keep a bounded set of series: each label a caller
 * influences takes its value from a known set (the standard methods and one "_OTHER"; the route templates and a few
 * fixed words), so the scrape stays the same size however many distinct requests were sent, and a route used
 * afterwards is still timed under its template. Non-standard methods go over a raw socket: HTTP clients refuse them.
 * The seed is fixed ({@code -Dfuzz.seed=...} explores further); {@code -Dfuzz.metrics.requests=5000} sends 10,000
 * made-up requests after the first of each kind instead of 600 (the scrape's size is printed).
 */
@QuarkusTest
class MetricLabelsFuzzTests {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_126L);
    private static final int REQUESTS = Integer.getInteger("fuzz.metrics.requests", 300);
    private static final String SERIES = "http_server_requests_seconds_count";
    private static final Pattern SAMPLE = Pattern.compile("(?m)^" + SERIES + "\\{(.*)} \\S+$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE", "CONNECT", "_OTHER");
    /** Where made-up paths start: each prefix reaches another part of the server (REST, route filters, feeds, none). */
    private static final List<String> PREFIXES = List.of("/", "/api/v1/", "/api/v1/articles/", "/api/v1/categories/",
            "/api/v1/authors/", "/api/v2/", "/feeds/", "/feeds/categories/", "/ghost/api/content/posts/", "/q/",
            "/sitemap.xml/", "/api/v1/articles/x/");
    private static final List<String> STANDARD = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");

    @TestHTTPResource("/")
    URL server;

    @Test
    void shouldKeepTheTimingsBoundedWhateverMethodsAndPathsAreMadeUp() throws IOException {
        List<String> sent = new ArrayList<>();
        // Every kind of request once: what is timed after it is bounded, so more requests may add no series.
        for (String prefix : PREFIXES) {
            for (String method : STANDARD) {
                send(method, prefix);
                send(method, prefix + token(sent));
            }
            send("M" + token(sent).toUpperCase(), prefix);
            send("M" + token(sent).toUpperCase(), prefix + token(sent));
        }
        Set<String> series = series();
        int bytes = Metrics.scrape().length();

        Hostile hostile = new Hostile(SEED);
        for (int i = 0; i < 2 * REQUESTS; i++) {
            String method = hostile.chance(0.7) ? "M" + token(sent).toUpperCase() : hostile.oneOf(STANDARD);
            send(method, hostile.oneOf(PREFIXES) + (hostile.chance(0.8) ? token(sent) : ""));
        }
        String scrape = Metrics.scrape();
        System.out.printf("MetricLabelsFuzzTests: %d made-up requests, %d timing series, scrape %d bytes%n",
                sent.size(), series(scrape).size(), scrape.length());

        assertThat(series(scrape)).as("timing series after many more made-up methods and paths").isEqualTo(series);
        assertThat(scrape.length()).as("scrape size (values may gain digits)").isLessThan(bytes + bytes / 20);
    }

    @Test
    void shouldLabelRequestsAbandonedBeforeTheirAnswerFromTheKnownSets() throws IOException {
        Hostile hostile = new Hostile(SEED ^ 1);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < REQUESTS / 5; i++) {
            String method = hostile.chance(0.5) ? "M" + token(sent).toUpperCase() : hostile.oneOf(STANDARD);
            // A body announced and never sent in full: the client goes before any answer (a reset, if unanswered).
            abandon(method + " " + hostile.oneOf(PREFIXES) + token(sent) + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 100\r\n\r\n{\"a\"");
        }

        for (String labels : series()) {
            Matcher label = LABEL.matcher(labels);
            while (label.find()) {
                if (label.group(1).equals("method")) {
                    assertThat(METHODS).as("method of %s", labels).contains(label.group(2));
                }
                if (label.group(1).equals("uri")) {
                    assertThat(sent).as("uri of %s", labels).noneMatch(token -> label.group(2).contains(token));
                }
            }
        }
    }

    @Test
    void shouldStillTimeARouteUnderItsTemplateAfterManyMadeUpPaths() throws IOException {
        // 405s on paths with a variable, each path once: more distinct paths than the metrics' cap on routes (100).
        for (int i = 0; i < 150; i++) {
            exchange("POST /api/v1/categories/flood-" + SEED + "-" + i + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        }
        // A route none of these reached, timed for the first time now.
        String route = "uri=\"/api/v1/search\"";
        double timed = Metrics.value(SERIES, route, "method=\"GET\"", "status=\"200\"");

        anonymous().queryParam("q", "flood").when().get("/api/v1/search").then().statusCode(200);

        assertThat(Metrics.value(SERIES, route, "method=\"GET\"", "status=\"200\"")).isEqualTo(timed + 1);
    }

    @Test
    void shouldTimeA405OnAVariablePathUnderABoundedLabel() throws IOException {
        String path = "/api/v1/categories/no-route-" + SEED;
        double before = Metrics.value(SERIES, "status=\"405\"");

        assertThat(exchange("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 405");

        assertThat(Metrics.value(SERIES, "status=\"405\"")).isEqualTo(before + 1);
        assertThat(Metrics.scrape()).doesNotContain("no-route-" + SEED);
    }

    /** A token no request used before: made-up methods and paths are each sent once. */
    private static String token(List<String> sent) {
        String token = "z" + Long.toString(SEED, 36) + "x" + sent.size();
        sent.add(token);
        return token;
    }

    private void send(String method, String path) throws IOException {
        exchange(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    /** Sends the request and reads the whole answer, until the server closes the connection. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Sends the request and closes the connection at once, without reading: the server sees the end of its body. */
    private void abandon(String request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        } catch (SocketException e) {
            // the server closed first: the answer was given
        }
    }

    private static Set<String> series() {
        return series(Metrics.scrape());
    }

    private static Set<String> series(String scrape) {
        Set<String> series = new TreeSet<>();
        Matcher sample = SAMPLE.matcher(scrape);
        while (sample.find()) {
            series.add(sample.group(1));
        }
        return series;
    }
}
