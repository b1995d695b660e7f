package io.headline.transfer;

import io.headline.delivery.Cacheable;
import io.headline.invalidation.ContentChanged;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Fired once per batch of an import, synchronously inside the batch's transaction, with the ids of what it created or
 * changed (unchanged rows are not named); an observer that throws rolls the batch back. The writer fires
 * {@link #changes()} after it, so response caches on every instance drop what the batch made stale once it commits.
 */
public record ContentImported(Set<UUID> categories, Set<UUID> authors, Set<UUID> articles) {

    /** The surrogate keys this batch makes stale: what it wrote, and every list that may show it. */
    ContentChanged changes() {
        Set<String> keys = new HashSet<>();
        categories.forEach(id -> keys.add(Cacheable.key("category", id)));
        authors.forEach(id -> keys.add(Cacheable.key("author", id)));
        articles.forEach(id -> keys.add(Cacheable.key("article", id)));
        if (!categories.isEmpty()) {
            keys.addAll(List.of("categories", "articles", "search"));
        }
        if (!authors.isEmpty()) {
            keys.addAll(List.of("authors", "search"));
        }
        if (!articles.isEmpty()) {
            keys.addAll(List.of("articles", "related", "search"));
        }
        return new ContentChanged(keys);
    }

    boolean isEmpty() {
        return categories.isEmpty() && authors.isEmpty() && articles.isEmpty();
    }
}
