package io.headline.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.headline.common.metrics.CacheMeters;
import io.headline.common.query.ListQuery;
import io.headline.delivery.ResponseCacheConfig;
import io.headline.delivery.ScheduledChanges;
import io.headline.invalidation.Invalidated;
import io.micrometer.core.instrument.MeterRegistry;
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

    private final Cache<String, Long> counts;
    private final CacheMeters meters;
    private final AtomicLong generation = new AtomicLong();
    private final Clock clock;
    private final ScheduledChanges scheduled;
    /** Until when the counts kept hold, as known after a given generation. */
    private volatile Validity validity = new Validity(-1, Instant.MIN, Instant.MIN);

    /** Counts of a generation hold for the present instants from {@code from} until {@code until}. */
    private record Validity(long generation, Instant from, Instant until) {

        boolean covers(Instant at) {
            return at == null || !at.isBefore(from) && at.isBefore(until);
        }
    }

    ArticleCounts(Clock clock, ScheduledChanges scheduled, ResponseCacheConfig config, MeterRegistry registry) {
        this.clock = clock;
        this.meters = new CacheMeters(registry, "list-counts");
        this.scheduled = scheduled;
        // A backstop, as for cached responses, for changes made around the API.
        this.counts = Caffeine.newBuilder().maximumSize(MAX_COUNTS).expireAfterWrite(config.maxAge())
                .executor(Runnable::run).build();
    }

    /**
     * @param at the instant the request counts at: a count taken for an instant outside what the kept counts hold (a
     *           request that started before a scheduled publication came due) is returned, not kept
     */
    @Override
    public long count(String key, Instant at, LongSupplier count) {
        long since = current();
        Long kept = counts.getIfPresent(key);
        if (kept != null && validity.covers(at)) {
            meters.hit();
            return kept;
        }
        meters.miss();
        long counted = count.getAsLong();
        Validity now = validity;
        if (generation.get() == since && now.generation() == since && now.covers(at)) {
            counts.put(key, counted);
            if (generation.get() != since) {
                counts.invalidate(key);
            }
        }
        return counted;
    }

    /**
     * The generation the counts kept belong to, after dropping them if the present left their window: a scheduled
     * publication came due, or the clock was set back (a test's clock is).
     */
    private long current() {
        Validity known = validity;
        long since = generation.get();
        if (known.generation() == since && known.covers(clock.instant())) {
            return since;
        }
        synchronized (this) {
            since = generation.get();
            Instant now = clock.instant();
            if (validity.generation() != since || !validity.covers(now)) {
                if (validity.generation() == since) {
                    // Out of the window with no write since: what the counts hold has changed by itself.
                    since = generation.incrementAndGet();
                    counts.invalidateAll();
                }
                // The window starts where the last one ended once that instant has passed (with several scheduled
                // instants passed unseen, at the first of them: counts are then kept a little less often, never
                // wrongly for a later window); a write within the window leaves its start where it was.
                Instant from = !now.isBefore(validity.until()) ? validity.until()
                        : !now.isBefore(validity.from()) ? validity.from() : Instant.MIN;
                validity = new Validity(since, from, scheduled.nextAfter(now).orElse(Instant.MAX));
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
