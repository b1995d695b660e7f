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

    /** Counts what made this forget everything: a finding made before the latest is not kept. */
    private final java.util.concurrent.atomic.AtomicLong forgettings = new java.util.concurrent.atomic.AtomicLong();

    /** Read before looking a media up; pass it to {@link #remember}. */
    long epoch() {
        return forgettings.get();
    }

    /** Keeps what a lookup that started at {@code epoch} found, unless an article changed since (an unpublish). */
    void remember(Media media, long epoch) {
        Entry entry = new Entry(media.fileVersion, media.kind(), media.renditionPrefix());
        entries.put(media.id, entry);
        if (forgettings.get() != epoch) {
            entries.asMap().remove(media.id, entry);
        }
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
            forgettings.incrementAndGet();
            entries.invalidateAll();
        }
    }
}
