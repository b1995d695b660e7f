package io.headline.delivery;

import io.headline.common.paging.Page;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The content a response shows: the surrogate keys to purge it by and when the newest of it changed.
 * A list also carries its collection's key, which a create (or anything that reorders the list) purges.
 */
record Dependencies(Set<String> surrogateKeys, Optional<Instant> lastModified) {

    static Dependencies of(Object entity, String collection) {
        List<Cacheable> shown = entity instanceof Page<?> page
                ? page.data().stream().flatMap(Dependencies::withEmbedded).toList()
                : withEmbedded(entity).toList();
        Set<String> keys = new LinkedHashSet<>();
        if (entity instanceof Page<?>) {
            keys.add(collection);
        }
        shown.forEach(content -> keys.add(content.surrogateKey()));
        if (keys.isEmpty()) {
            keys.add(collection); // nothing more specific: the response depends on its collection as a whole
        }
        // A sparse response (fields=...) may leave out an updatedAt; then no date covers all it shows.
        boolean allDated = shown.stream().allMatch(content -> content.updatedAt() != null);
        return new Dependencies(keys, allDated
                ? shown.stream().map(Cacheable::updatedAt).max(Instant::compareTo) : Optional.empty());
    }

    private static Stream<Cacheable> withEmbedded(Object content) {
        return content instanceof Cacheable c
                ? Stream.concat(Stream.of(c), c.embedded().flatMap(Dependencies::withEmbedded))
                : Stream.empty();
    }
}
