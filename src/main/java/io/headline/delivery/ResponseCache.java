package io.headline.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.headline.invalidation.Invalidated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Public read responses, kept as the bytes a miss sent (see {@link ResponseCacheRoute}), bounded by bytes, and
 * dropped as soon as a committed write touches one of their surrogate keys ({@link Invalidated}).
 *
 * <p>A response built while a write committed may show the content from before it; it must not be kept. Every
 * invalidation moves a generation on, and a response is kept only if no invalidation happened between the start of
 * its request and the moment it is in the map (checked again after the put, so an invalidation that ran in between
 * removes it either way).
 */
@ApplicationScoped
public class ResponseCache {

    /** The key of a response: GET and HEAD share one. Only anonymous reads are kept, so no caller class is needed. */
    record Key(String path, String query) {
    }

    /** When public content next changes by schedule, as known after a given invalidation generation. */
    private record Schedule(long generation, Instant next) {
    }

    private static final Instant NEVER = Instant.MAX;

    private final Cache<Key, CachedResponse> entries;
    private final AtomicLong generation = new AtomicLong();
    private final Clock clock;
    private final ScheduledChanges scheduled;
    private final ResponseCacheConfig config;
    private final long maxEntryBytes;
    private volatile Schedule schedule = new Schedule(-1, NEVER);

    @Inject
    ResponseCache(ResponseCacheConfig config, Clock clock, Instance<ScheduledChanges> scheduled) {
        this(config, clock, scheduled.isResolvable() ? scheduled.get() : now -> Optional.empty());
    }

    ResponseCache(ResponseCacheConfig config, Clock clock, ScheduledChanges scheduled) {
        this.config = config;
        this.clock = clock;
        this.scheduled = scheduled;
        long maxBytes = config.maxSize().asLongValue();
        // One response may not crowd out most others.
        this.maxEntryBytes = Math.min(maxBytes / 8, config.maxEntrySize().asLongValue());
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, CachedResponse value) -> value.weight() + 2 * (key.path().length()
                        + key.query().length()))
                .expireAfter(new Expiry<Key, CachedResponse>() {
                    @Override
                    public long expireAfterCreate(Key key, CachedResponse value, long now) {
                        return Math.max(0, nanos(value.expiresAt()) - now);
                    }

                    @Override
                    public long expireAfterUpdate(Key key, CachedResponse value, long now, long current) {
                        return expireAfterCreate(key, value, now);
                    }

                    @Override
                    public long expireAfterRead(Key key, CachedResponse value, long now, long current) {
                        return current;
                    }
                })
                // The application's clock, so that a test moving it sees entries expire at a scheduled instant.
                .ticker(() -> nanos(clock.instant()))
                .executor(Runnable::run)
                .build();
    }

    boolean enabled() {
        return config.enabled();
    }

    /** A kept response, unless it reached its expiry (which a moved test clock also brings). */
    CachedResponse get(Key key) {
        CachedResponse hit = entries.getIfPresent(key);
        if (hit != null && !clock.instant().isBefore(hit.expiresAt())) {
            entries.asMap().remove(key, hit);
            return null;
        }
        return hit;
    }

    /** The generation a request starts under; see the class comment. */
    long generation() {
        return generation.get();
    }

    /** The application's present instant, which a request notes when it starts (see {@link #store}). */
    Instant now() {
        return clock.instant();
    }

    /**
     * Keeps a response sent for a request that started at {@code startedAt} under {@code since}, with a copy in the
     * coding that request asked for ({@code encoding}: gzip, br, or null for none), compressing it here (call it off
     * the event loop), unless an invalidation came in between, or a scheduled publication came due since the request
     * started (the response may show the content from before it). The same response kept before in other codings
     * keeps those copies.
     */
    void store(Key key, List<Map.Entry<String, String>> headers, byte[] body, Validators validators, boolean list,
            Set<String> keys, String encoding, Instant startedAt, long since) {
        if (body.length > maxEntryBytes || generation.get() != since
                || !clock.instant().isBefore(nextScheduledChange(startedAt, since))) {
            return;
        }
        CachedResponse kept = get(key);
        CachedResponse response;
        if (kept != null && kept.validators().equals(validators)) {
            response = kept.withCopy(encoding);
            if (response == kept) {
                return;
            }
        } else {
            Instant now = clock.instant();
            Instant expiresAt = now.plus(config.maxAge());
            Instant next = nextScheduledChange(startedAt, since);
            if (next.isBefore(expiresAt)) {
                expiresAt = next;
            }
            response = new CachedResponse(List.copyOf(headers), body, null, null, validators, list, Set.copyOf(keys),
                    expiresAt).withCopy(encoding);
        }
        if (response.weight() > maxEntryBytes) {
            return;
        }
        entries.put(key, response);
        if (generation.get() != since) {
            entries.asMap().remove(key, response);
        }
    }

    /**
     * The public API for writes made around the services (a bulk import fires
     * {@link io.headline.invalidation.ContentChanged} instead, which also reaches the other instances): drops every
     * response showing any of these keys.
     */
    public void invalidate(Set<String> keys) {
        onInvalidated(new Invalidated(keys));
    }

    void onInvalidated(@Observes Invalidated invalidated) {
        generation.incrementAndGet();
        if (invalidated.everything()) {
            entries.invalidateAll();
        } else {
            entries.asMap().values().removeIf(response -> invalidated.touches(response.keys()));
        }
    }

    long size() {
        return entries.estimatedSize();
    }

    long weightedSize() {
        return entries.policy().eviction().flatMap(e -> e.weightedSize().stream().boxed().findFirst()).orElse(0L);
    }

    void cleanUp() {
        entries.cleanUp();
    }

    /**
     * The next instant a scheduled article goes out, read from the database once per invalidation generation (a
     * write may have scheduled one) and again once it has passed.
     */
    private Instant nextScheduledChange(Instant now, long since) {
        Schedule known = schedule;
        if (known.generation() == since && now.isBefore(known.next())) {
            return known.next();
        }
        Instant next = scheduled.nextAfter(now).orElse(NEVER);
        schedule = new Schedule(since, next);
        return next;
    }

    private static long nanos(Instant instant) {
        if (instant.equals(NEVER) || instant.getEpochSecond() >= Long.MAX_VALUE / 1_000_000_000L - 1) {
            return Long.MAX_VALUE;
        }
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
