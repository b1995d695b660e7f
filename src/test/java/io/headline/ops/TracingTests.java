package io.headline.ops;

import static io.headline.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;

import io.headline.OwnDatabase;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** With tracing turned on as README says, a request is a server span with a span per JDBC statement under it. */
@QuarkusTest
@TestProfile(TracingTests.TracingOn.class)
class TracingTests {

    public static class TracingOn implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return OwnDatabase.with("tracing", Map.of(
                    "quarkus.otel.sdk.disabled", "false",
                    "quarkus.datasource.jdbc.telemetry.enabled", "true",
                    // Spans go to the in-memory exporter below, not to a collector, and at once.
                    "quarkus.otel.exporter.otlp.enabled", "false",
                    "quarkus.otel.bsp.schedule.delay", "10ms"));
        }
    }

    /** Picked up by the OpenTelemetry extension as any CDI span exporter is (only the SDK of this profile runs). */
    @Singleton
    static class Exporter {

        @Produces
        @Singleton
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void shouldTraceARequestWithItsJdbcStatements() {
        spans.reset();

        admin().when().get("/api/v1/articles/{slug}", "extraction-sequel-in-the-works").then().statusCode(200);

        SpanData server = until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().contains("/api/v1/articles/{idOrSlug}"))
                .findFirst());
        List<SpanData> trace = until(() -> Optional.of(spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(server.getTraceId())).toList())
                .filter(all -> all.stream().anyMatch(TracingTests::jdbc)));
        Map<String, SpanData> byId = trace.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));

        assertThat(trace).filteredOn(TracingTests::jdbc).isNotEmpty()
                .allSatisfy(statement -> assertThat(descendsFrom(statement, server, byId)).isTrue());
    }

    private static boolean jdbc(SpanData span) {
        return span.getKind() == SpanKind.CLIENT && span.getAttributes().asMap().keySet().stream()
                .anyMatch(key -> key.getKey().startsWith("db."));
    }

    private static boolean descendsFrom(SpanData span, SpanData ancestor, Map<String, SpanData> byId) {
        for (SpanData at = span; at != null; at = byId.get(at.getParentSpanId())) {
            if (at.getParentSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
        }
        return false;
    }

    /** Spans are exported in batches, a few milliseconds after they end. */
    private static <T> T until(Supplier<Optional<T>> found) {
        Instant deadline = Instant.now().plusSeconds(10);
        Optional<T> result = found.get();
        while (result.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            result = found.get();
        }
        return result.orElseThrow(() -> new AssertionError("no such spans within 10 s"));
    }
}
