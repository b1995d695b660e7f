package io.headline.ghost;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.headline.delivery.Cacheable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Ghost response body, {@code {"posts": [...], "meta": {...}}}, with the Headline content it shows, so that the
 * caching filter gives it surrogate keys and validators like any other read (delivery.HttpCachingFilter). A list's
 * Last-Modified would not change when an item leaves it, so only a single item is dated.
 */
final class GhostBody implements Cacheable {

    private static final ObjectMapper WITH_NULLS = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final Map<String, Object> json;
    private final String surrogateKey;
    private final Instant updatedAt;
    private final List<? extends Cacheable> shown;

    private GhostBody(Map<String, Object> json, String surrogateKey, Instant updatedAt, List<? extends Cacheable> shown) {
        this.json = json;
        this.surrogateKey = surrogateKey;
        this.updatedAt = updatedAt;
        this.shown = shown;
    }

    static GhostBody list(Map<String, Object> json, String collection, List<? extends Cacheable> shown) {
        return new GhostBody(json, collection, null, shown);
    }

    static GhostBody item(Map<String, Object> json, Cacheable item) {
        return new GhostBody(json, item.surrogateKey(), item.updatedAt(), List.of(item));
    }

    /** As Ghost sends it: members without a value are null, not left out (Headline's own JSON leaves them out). */
    @JsonValue
    JsonNode json() {
        return WITH_NULLS.valueToTree(json);
    }

    @Override
    public String surrogateKey() {
        return surrogateKey;
    }

    @Override
    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public Stream<? extends Cacheable> embedded() {
        return shown.stream();
    }
}
