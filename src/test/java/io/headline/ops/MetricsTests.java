package io.headline.ops;

import static io.headline.Api.anonymous;
import static io.headline.Api.createArticle;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headline.Metrics;
import io.headline.common.metrics.RouteTemplate;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What /q/metrics tells an operator beyond the HTTP timings (OperationsTests), and the dashboard built on it. */
@QuarkusTest
class MetricsTests {

    static final Path DASHBOARD = Path.of("ops/grafana/headline-dashboard.json");
    /** A metric in a PromQL expression: a name followed by its label selector or range. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");

    @Test
    void shouldCountResponseCacheMissesAndHits() {
        String path = "/api/v1/articles/" + createArticle("published").get("slug");
        double misses = responseCache("miss");
        double hits = responseCache("hit");

        anonymous().when().get(path).then().statusCode(200);
        assertThat(responseCache("miss")).isEqualTo(misses + 1);

        readUntilAHit(path, hits);
        assertThat(responseCache("hit")).as("a read answered from the cache once the miss was kept").isGreaterThan(hits);
    }

    @Test
    void shouldTimeCacheHitsAndEarlyRefusalsUnderARouteNotTheirPath() {
        String slug = (String) createArticle("published").get("slug");
        String route = "uri=\"/api/v1/articles/{idOrSlug}\"";
        String refusedRoute = "uri=\"" + RouteTemplate.REFUSED + "\"";
        double hits = responseCache("hit");
        double timed = Metrics.value("http_server_requests_seconds_count", route, "status=\"200\"");
        double refused = Metrics.value("http_server_requests_seconds_count", refusedRoute);

        // Each read on a connection of its own: what a request leaves in its connection's context must not label the next.
        anonymous().header("Connection", "close").when().get("/api/v1/articles/" + slug).then().statusCode(200);
        int reads = 1 + readUntilAHit("/api/v1/articles/" + slug, hits);
        given().noFilters().when().get("/api/v1/" + "x".repeat(5000)).then().statusCode(414);

        assertThat(responseCache("hit")).isGreaterThan(hits);
        assertThat(Metrics.value("http_server_requests_seconds_count", route, "status=\"200\""))
                .as("every read, hits included, timed under the route").isEqualTo(timed + reads);
        assertThat(Metrics.value("http_server_requests_seconds_count", refusedRoute)).isEqualTo(refused + 1);
        assertThat(Metrics.scrape()).doesNotContain(slug, "xxxxxxxxxx");
    }

    /** Reads until a read is answered from the response cache (the miss is kept just after it is sent). */
    private static int readUntilAHit(String path, double hits) {
        int reads = 0;
        Instant deadline = Instant.now().plusSeconds(10);
        while (responseCache("hit") == hits && Instant.now().isBefore(deadline)) {
            anonymous().header("Connection", "close").when().get(path).then().statusCode(200);
            reads++;
        }
        return reads;
    }

    @Test
    void shouldCountListCountLookups() {
        double before = Metrics.value("headline_cache_requests_total", "cache=\"list-counts\"");

        anonymous().queryParam("size", 1).when().get("/api/v1/articles").then().statusCode(200);

        assertThat(Metrics.value("headline_cache_requests_total", "cache=\"list-counts\"")).isGreaterThan(before);
    }

    @Test
    void shouldReportTheConnectionPool() {
        String metrics = Metrics.scrape();

        assertThat(metrics).contains("agroal_active_count{", "agroal_available_count{", "agroal_awaiting_count{",
                "agroal_max_used_count{");
    }

    @Test
    void shouldExportEveryMetricTheDashboardShows() throws IOException {
        // Traffic that makes the metrics that only exist once used: a timing, a 404, a cache miss and hit.
        shouldCountResponseCacheMissesAndHits();
        anonymous().when().get("/api/v1/articles/{slug}", "no-such-article").then().statusCode(404);
        String metrics = Metrics.scrape();

        Set<String> shown = metricsShownBy(new ObjectMapper().readTree(DASHBOARD.toFile()));

        assertThat(shown).as("metrics the dashboard queries").contains("http_server_requests_seconds_bucket",
                "agroal_active_count", "headline_cache_requests_total", "headline_rate_limit_refusals_total",
                "jvm_memory_used_bytes");
        assertThat(shown).allSatisfy(name -> assertThat(Pattern.compile("(?m)^" + name + "[{ ]").matcher(metrics).find())
                .as("exported: %s", name).isTrue());
    }

    private static double responseCache(String result) {
        return Metrics.value("headline_cache_requests_total", "cache=\"responses\"", "result=\"" + result + "\"");
    }

    private static Set<String> metricsShownBy(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            Matcher selector = SELECTOR.matcher(expr.asText());
            while (selector.find()) {
                names.add(selector.group(1));
            }
        }
        return names;
    }
}
