package io.headline.invalidation;

import java.util.Set;

/**
 * Fire this (a CDI event) after a write, with the surrogate keys the write affects: the key of each piece of content
 * written ({@code article:<id>}, {@code author:<id>}, ...) and the collection key of every list it may enter, leave or
 * move in ({@code articles}, {@code search}, ...), the same keys the Surrogate-Key header carries. Inside a transaction
 * it takes effect if and when the transaction commits, on every instance; outside one, at once. The key
 * {@link #EVERYTHING} stands for every key.
 */
public record ContentChanged(Set<String> keys) {

    public static final String EVERYTHING = "*";

    public ContentChanged {
        keys = Set.copyOf(keys);
    }

    public static ContentChanged of(String... keys) {
        return new ContentChanged(Set.of(keys));
    }
}
