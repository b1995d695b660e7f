package io.headline;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: the system clock, moved forward by what a test {@link #advance advances}, so a
 * test of scheduled visibility moves time instead of sleeping. A test that moves it puts it back with
 * {@link #reset()} in a {@code finally}, so no other test sees a moved clock.
 */
@ApplicationScoped
public class TestClock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration amount) {
        offset = offset.plus(amount);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.offset(Clock.system(zone), offset);
            }

            @Override
            public Instant instant() {
                return TestClock.this.instant();
            }
        };
    }
}
