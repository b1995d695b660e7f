package io.headline.delivery;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The in-memory cache of public read responses (see {@link ResponseCache}). */
@ConfigMapping(prefix = "headline.response-cache")
public interface ResponseCacheConfig {

    /** HEADLINE_RESPONSE_CACHE_ENABLED: off, every read is built anew. */
    @WithDefault("true")
    boolean enabled();

    /**
     * HEADLINE_RESPONSE_CACHE_MAX_SIZE: the bytes the cached responses may take, each counted with its compressed
     * copies and headers; the least used go first past it.
     */
    @WithDefault("32M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxSize();

    /**
     * HEADLINE_RESPONSE_CACHE_MAX_ENTRY_SIZE: a larger response is not kept. Hot reads (an article, a page of cards)
     * are a few to a few hundred KiB; what is larger carries bodies in bulk, is rare, and is bounded by the body-read
     * permits instead: keeping it (and compressing it twice) would take the heap those permits leave for the reads.
     */
    @WithDefault("256K")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxEntrySize();

    /**
     * HEADLINE_RESPONSE_CACHE_MAX_AGE: the longest a response is kept. Writes through the API (on any instance)
     * invalidate what they change at once; this bounds what a change made around the API (SQL by hand) leaves.
     */
    @WithDefault("10m")
    Duration maxAge();
}
