package io.headline.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The lookups of one in-memory cache, as {@code headline_cache_requests_total{cache, result="hit"|"miss"}}: its hit
 * ratio is {@code hit / (hit + miss)}. Counting is an add to a striped counter, cheap enough for the busiest read.
 */
public final class CacheMeters {

    static final String NAME = "headline.cache.requests";

    private final Counter hits;
    private final Counter misses;

    public CacheMeters(MeterRegistry registry, String cache) {
        this.hits = counter(registry, cache, "hit");
        this.misses = counter(registry, cache, "miss");
    }

    public void hit() {
        hits.increment();
    }

    public void miss() {
        misses.increment();
    }

    private static Counter counter(MeterRegistry registry, String cache, String result) {
        return Counter.builder(NAME).description("Lookups in an in-memory cache, by result")
                .tag("cache", cache).tag("result", result).register(registry);
    }
}
