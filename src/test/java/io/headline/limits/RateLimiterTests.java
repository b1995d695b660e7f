package io.headline.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The quota arithmetic, on a clock the test moves: three requests a minute, a request back every 20 seconds. */
class RateLimiterTests {

    private final ManualClock clock = new ManualClock();
    private final RateLimiter limiter = new RateLimiter("anonymous", 3, Duration.ofMinutes(1), 100, clock);

    @Test
    void shouldAllowTheQuotaCountingDownWhatIsLeft() {
        assertThat(limiter.tryAcquire("a")).isEqualTo(new RateLimiter.Decision(true, 2, 20, 0));
        assertThat(limiter.tryAcquire("a")).isEqualTo(new RateLimiter.Decision(true, 1, 40, 0));
        assertThat(limiter.tryAcquire("a")).isEqualTo(new RateLimiter.Decision(true, 0, 60, 0));
    }

    @Test
    void shouldRefuseOnceTheQuotaIsUsedSayingWhenToRetry() {
        spend("a", 3);

        assertThat(limiter.tryAcquire("a")).isEqualTo(new RateLimiter.Decision(false, 0, 60, 20));
    }

    @Test
    void shouldGiveRequestsBackGraduallyOverTheWindow() {
        spend("a", 3);
        clock.advance(Duration.ofSeconds(19));
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();

        clock.advance(Duration.ofSeconds(1));

        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void shouldCountEachCallerApart() {
        spend("a", 3);

        assertThat(limiter.tryAcquire("b")).isEqualTo(new RateLimiter.Decision(true, 2, 20, 0));
    }

    @Test
    void shouldForgetCallersWhoseQuotaIsWholeAgainOncePerWindow() {
        spend("a", 1);
        clock.advance(Duration.ofSeconds(40));
        spend("b", 3);
        clock.advance(Duration.ofSeconds(20));

        limiter.tryAcquire("c");

        // A window on, a new caller sweeps: a is whole again and forgotten; b is not, and keeps its count.
        assertThat(limiter.trackedCallers()).isEqualTo(2);
        assertThat(limiter.tryAcquire("b")).isEqualTo(new RateLimiter.Decision(true, 0, 60, 0));
    }

    @Test
    void shouldTrackNoMoreCallersThanItsBoundSharingOneQuotaBeyondIt() {
        RateLimiter small = new RateLimiter("anonymous", 3, Duration.ofMinutes(1), 2, clock);
        small.tryAcquire("a");
        small.tryAcquire("b");

        small.tryAcquire("c");
        small.tryAcquire("d");
        small.tryAcquire("e");

        assertThat(small.trackedCallers()).isEqualTo(2);
        assertThat(small.tryAcquire("f").allowed()).isFalse();
        assertThat(small.tryAcquire("a").allowed()).isTrue();
    }

    private void spend(String caller, int requests) {
        for (int i = 0; i < requests; i++) {
            assertThat(limiter.tryAcquire(caller).allowed()).isTrue();
        }
    }

    private static final class ManualClock implements TimeMeter {

        private long nanos = 1_000_000_000L;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
