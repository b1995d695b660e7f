package io.headline.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.headline.common.query.ListQuery;
import io.headline.delivery.ScheduledChanges;
import io.headline.invalidation.Invalidated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The counts of article lists (meta.totalItems), kept until a committed write to articles, here or on another
 * instance ({@link Invalidated} with the key "articles"), or until the next scheduled publication, whichever comes
 * first: a count over many rows reads all of them (hundreds of milliseconds at a million), while the pages of one
 * list share it.
 *
 * <p>A count taken while a write committed may be the one from before it; it must not be kept. As in the response
 * cache, every invalidation moves a generation on, and a count is kept only if none happened between the start of
 * its statement and the moment it is in the map (checked again after the put).
 */
@ApplicationScoped
public class ArticleCounts implements ListQuery.Counts {

    private static final Set<String> KEYS = Set.of("articles");
    /** Enough for every filter a site's pages use; the least used go first. */
    private static final int MAX_COUNTS = 10_000;

    private final Cache<String, Long> counts = Caffeine.newBuilder().maximumSize(MAX_COUNTS)
            .executor(Runnable::run).build();
    private final AtomicLong generation = new AtomicLong();
    private final Clock clock;
    private final ScheduledChanges scheduled;
    /** Until when the counts kept hold, as known after a given generation. */
    private volatile Validity validity = new Validity(-1, Instant.MIN);

    private record Validity(long generation, Instant until) {
    }

    ArticleCounts(Clock clock, ScheduledChanges scheduled) {
        this.clock = clock;
        this.scheduled = scheduled;
    }

    @Override
    public long count(String key, LongSupplier count) {
        long since = current();
        Long kept = counts.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        long counted = count.getAsLong();
        if (generation.get() == since) {
            counts.put(key, counted);
            if (generation.get() != since) {
                counts.invalidate(key);
            }
        }
        return counted;
    }

    /** The generation the counts kept belong to, after dropping them if a scheduled publication came due. */
    private long current() {
        Validity known = validity;
        long since = generation.get();
        if (known.generation() == since && clock.instant().isBefore(known.until())) {
            return since;
        }
        synchronized (this) {
            since = generation.get();
            if (validity.generation() != since || !clock.instant().isBefore(validity.until())) {
                if (validity.generation() == since) {
                    // Due, with no write since: what the counts hold has changed by itself.
                    since = generation.incrementAndGet();
                    counts.invalidateAll();
                }
                Instant now = clock.instant();
                validity = new Validity(since, scheduled.nextAfter(now).orElse(Instant.MAX));
            }
            return since;
        }
    }

    void onInvalidated(@Observes Invalidated invalidated) {
        if (invalidated.touches(KEYS)) {
            generation.incrementAndGet();
            counts.invalidateAll();
        }
    }
}
