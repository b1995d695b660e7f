package io.headline.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One quota ({@code limit} requests per {@code window}) kept per caller as a Bucket4j token bucket in this
 * instance's memory. Buckets refill greedily, a token every window/limit, so a caller who spent the quota gets
 * requests back gradually instead of all at once at a window boundary.
 *
 * <p>Several instances behind a load balancer each count their own share; a shared quota would keep the buckets
 * in Redis (Bucket4j has a proxy manager for it) instead of this map.
 */
final class RateLimiter {

    /** The outcome for one request, in whole seconds as the RateLimit and Retry-After headers want them. */
    record Decision(boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final String policy;
    private final long limit;
    private final Duration window;
    private final int maxCallers;
    private final TimeMeter clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** Shared by the callers that arrive while {@code maxCallers} are tracked: memory stays bounded. */
    private final Bucket overflow;
    private final AtomicLong lastSweep;

    RateLimiter(String policy, long limit, Duration window, int maxCallers, TimeMeter clock) {
        if (limit < 1 || window.toSeconds() < 1) {
            throw new IllegalArgumentException("A rate limit needs a limit of one or more per window of a second "
                    + "or more (the headers count in seconds): " + policy);
        }
        this.policy = policy;
        this.limit = limit;
        this.window = window;
        this.maxCallers = maxCallers;
        this.clock = clock;
        this.overflow = newBucket();
        this.lastSweep = new AtomicLong(clock.currentTimeNanos());
    }

    String policy() {
        return policy;
    }

    long limit() {
        return limit;
    }

    Duration window() {
        return window;
    }

    /** Takes one request from the caller's quota, if any is left. Never blocks. */
    Decision tryAcquire(String caller) {
        ConsumptionProbe probe = bucketOf(caller).tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()),
                probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    int trackedCallers() {
        return buckets.size();
    }

    private Bucket bucketOf(String caller) {
        Bucket bucket = buckets.get(caller);
        if (bucket != null) {
            return bucket;
        }
        sweepAtMostOncePerWindow();
        return buckets.size() < maxCallers ? buckets.computeIfAbsent(caller, k -> newBucket()) : overflow;
    }

    /**
     * Drops the buckets that have refilled completely: a full bucket behaves exactly like a new one, so forgetting
     * it changes nothing for its caller. Once per window at most, so a flood of new callers costs no repeated scans.
     */
    private void sweepAtMostOncePerWindow() {
        long now = clock.currentTimeNanos();
        long last = lastSweep.get();
        if (now - last >= window.toNanos() && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= limit);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillGreedy(limit, window))
                .withCustomTimePrecision(clock)
                .build();
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
