package io.headline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.MemorySize;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cache on its own: what it keeps stays within its bytes, and a write drops exactly what shows its keys. */
class ResponseCacheBoundTests {

    private static final long MAX = 256 * 1024;
    private final Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    private ResponseCache cache(Optional<Instant> nextPublication) {
        return cache(nextPublication, MAX);
    }

    private ResponseCache cache(Optional<Instant> nextPublication, long maxEntry) {
        ResponseCacheConfig config = new ResponseCacheConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public MemorySize maxSize() {
                return new MemorySize(java.math.BigInteger.valueOf(MAX));
            }

            @Override
            public MemorySize maxEntrySize() {
                return new MemorySize(java.math.BigInteger.valueOf(maxEntry));
            }

            @Override
            public Duration maxAge() {
                return Duration.ofMinutes(10);
            }
        };
        return new ResponseCache(config, clock, now -> nextPublication);
    }

    @Test
    void shouldStayWithinItsBytesHoweverMuchIsStored() {
        ResponseCache cache = cache(Optional.empty());
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[8 * 1024]; // incompressible: each entry weighs about twice this (body and gzip)
            random.nextBytes(body);
            store(cache, "/api/v1/articles/a" + i, body, Set.of("article:" + i));
        }
        cache.cleanUp();

        assertThat(cache.weightedSize()).isPositive().isLessThanOrEqualTo(MAX);
        assertThat(cache.size()).isLessThan(200);
    }

    @Test
    void shouldNotKeepAResponseLargerThanAnEighthOfTheCache() {
        ResponseCache cache = cache(Optional.empty());
        byte[] body = new byte[(int) (MAX / 8) + 1];

        store(cache, "/api/v1/articles/big", body, Set.of("article:big"));

        assertThat(cache.get(new ResponseCache.Key("/api/v1/articles/big", ""))).isNull();
    }

    @Test
    void shouldNotKeepAResponseLargerThanItsEntryLimit() {
        ResponseCache cache = cache(Optional.empty(), 4 * 1024);

        store(cache, "/api/v1/articles/small", new byte[3 * 1024], Set.of("article:small"));
        store(cache, "/api/v1/articles/bulk", new byte[5 * 1024], Set.of("article:bulk"));

        assertThat(cache.get(new ResponseCache.Key("/api/v1/articles/small", ""))).isNotNull();
        assertThat(cache.get(new ResponseCache.Key("/api/v1/articles/bulk", ""))).isNull();
    }

    @Test
    void shouldDropOnlyWhatShowsAnInvalidatedKey() {
        ResponseCache cache = cache(Optional.empty());
        store(cache, "/a", new byte[10], Set.of("articles", "article:1"));
        store(cache, "/b", new byte[10], Set.of("article:2"));

        cache.invalidate(Set.of("article:1"));

        assertThat(cache.get(new ResponseCache.Key("/a", ""))).isNull();
        assertThat(cache.get(new ResponseCache.Key("/b", ""))).isNotNull();
    }

    @Test
    void shouldNotKeepAResponseBuiltBeforeAnInvalidation() {
        ResponseCache cache = cache(Optional.empty());
        long since = cache.generation();
        cache.invalidate(Set.of("article:9"));

        cache.store(new ResponseCache.Key("/c", ""), List.of(), new byte[10], validators(), false, Set.of("other"), null,
                cache.now(), since);

        assertThat(cache.get(new ResponseCache.Key("/c", ""))).isNull();
    }

    @Test
    void shouldExpireAResponseAtTheNextScheduledPublication() {
        ResponseCache cache = cache(Optional.of(clock.instant().plusSeconds(30)));
        store(cache, "/d", new byte[10], Set.of("articles"));

        assertThat(cache.get(new ResponseCache.Key("/d", "")).expiresAt()).isEqualTo(clock.instant().plusSeconds(30));
    }

    private static void store(ResponseCache cache, String path, byte[] body, Set<String> keys) {
        cache.store(new ResponseCache.Key(path, ""), List.of(Map.entry("Cache-Control", "public")), body, validators(),
                false, keys, Encodings.GZIP, cache.now(), cache.generation());
    }

    private static Validators validators() {
        return new Validators("\"x\"", Optional.empty());
    }
}
