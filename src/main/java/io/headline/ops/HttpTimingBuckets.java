package io.headline.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Publishes the HTTP server timings as a Prometheus histogram ({@code http_server_requests_seconds_bucket}), so that
 * a percentile (p95 by route) can be computed across instances with {@code histogram_quantile}. A fixed, short
 * list of buckets from 1 ms to 10 s rather than Micrometer's ~70 default ones: each bucket is a series per route,
 * method and status, and recording costs one search in this list.
 */
@Singleton
class HttpTimingBuckets {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    private static final double[] BUCKETS = Stream.of(1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .mapToDouble(millis -> Duration.ofMillis(1).toNanos() * millis.doubleValue()).toArray();

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS).build().merge(config);
            }
        };
    }
}
