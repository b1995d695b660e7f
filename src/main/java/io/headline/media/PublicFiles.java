package io.headline.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.headline.invalidation.Invalidated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.UUID;

/**
 * Which media are public, as the last full request for one of their files found (a published article uses them, or
 * all media are public), kept for a few seconds so that {@link MediaFileRoute} can send their stored files without a
 * database query. A media deleted or changed is forgotten at once on this instance, and all of them when an article
 * changes on any instance; what this instance did not hear of (none, while invalidations flow) ages out after
 * {@link #TTL}.
 */
@ApplicationScoped
public class PublicFiles {

    static final Duration TTL = Duration.ofSeconds(10);

    /** What the route needs to find and describe a public media's files. */
    record Entry(String fileVersion, MediaKind kind, String renditionPrefix) {
    }

    private final Cache<UUID, Entry> entries = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(TTL).build();

    void remember(Media media) {
        entries.put(media.id, new Entry(media.fileVersion, media.kind(), media.renditionPrefix()));
    }

    void forget(UUID id) {
        entries.invalidate(id);
    }

    Entry find(UUID id) {
        return entries.getIfPresent(id);
    }

    /**
     * An article written here or on another instance (unpublished, its feature image changed) may have taken the last
     * public use of a media: everything is learnt again, one full request per media.
     */
    void onInvalidated(@Observes Invalidated invalidated) {
        if (invalidated.everything() || invalidated.keys().stream().anyMatch(k -> k.startsWith("article"))) {
            entries.invalidateAll();
        }
    }
}
