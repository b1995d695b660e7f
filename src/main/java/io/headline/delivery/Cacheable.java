package io.headline.delivery;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A piece of content as a response shows it. The API views implement this so that {@link HttpCachingFilter} can
 * tell what a response depends on without knowing each type: the surrogate keys a CDN purges it by, and when the
 * newest of that content last changed (Last-Modified).
 */
public interface Cacheable {

    /** The key a CDN purges this content by, e.g. {@code article:<id>}. */
    String surrogateKey();

    /** When this content last changed. */
    Instant updatedAt();

    /** The other content shown inside this one (an article's category and authors); a change to it changes the response. */
    default Stream<? extends Cacheable> embedded() {
        return Stream.empty();
    }

    static String key(String type, UUID id) {
        return type + ":" + id;
    }
}
