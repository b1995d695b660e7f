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
    private final String language;

    private GhostBody(Map<String, Object> json, String surrogateKey, Instant updatedAt, List<? extends Cacheable> shown,
            String language) {
        this.json = json;
        this.surrogateKey = surrogateKey;
        this.updatedAt = updatedAt;
        this.shown = shown;
        this.language = language;
    }

    static GhostBody list(Map<String, Object> json, String collection, List<? extends Cacheable> shown) {
        return new GhostBody(json, collection, null, shown, null);
    }

    static GhostBody item(Map<String, Object> json, Cacheable item) {
        return new GhostBody(json, item.surrogateKey(), item.updatedAt(), List.of(item), null);
    }

    /** This body, saying that it serves {@code locale} (the response's Content-Language). */
    GhostBody in(String locale) {
        return new GhostBody(json, surrogateKey, updatedAt, shown, locale);
    }

    /** The locale served, or null. */
    String language() {
        return language;
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
