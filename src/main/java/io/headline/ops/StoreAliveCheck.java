package io.headline.ops;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Alive only while the database may still take a write: an instance whose embedded store has closed itself (H2
 * closes its database after an error inside it, such as an out-of-memory error while reading a page, and never
 * reopens it in the same process) answered 500 to every request while liveness stayed UP, so nothing restarted it.
 * It is DOWN at once when the store says it is closed, and when no write has succeeded for {@link #UNWRITABLE_FOR}
 * whatever the reason (a PostgreSQL failover or restart takes less; the readiness check answers DOWN meanwhile). It
 * runs the write probe of {@link StoreWritableCheck}, so a liveness probe alone keeps it current.
 */
@Liveness
@ApplicationScoped
class StoreAliveCheck implements HealthCheck {

    static final String NAME = "Database can take writes again";
    /** Longer than a database restart or failover, short enough that a broken instance is soon replaced. */
    static final Duration UNWRITABLE_FOR = Duration.ofMinutes(2);
    /** H2's "database has been closed" and "database is already closed": the process must start again. */
    private static final Set<Integer> CLOSED_FOR_GOOD = Set.of(90098, 90121);

    private final StoreWritableCheck writable;
    private final Clock clock;

    StoreAliveCheck(@Readiness StoreWritableCheck writable, Clock clock) {
        this.writable = writable;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        writable.call();
        Optional<SQLException> failure = writable.failure();
        if (failure.isPresent() && closedForGood(failure.get())) {
            return down("the database is closed: " + failure.get().getMessage());
        }
        Optional<Instant> since = writable.failingSince();
        if (since.isPresent() && !clock.instant().isBefore(since.get().plus(UNWRITABLE_FOR))) {
            return down("no write has succeeded since " + since.get() + ": "
                    + failure.map(SQLException::getMessage).orElse("writes hang"));
        }
        return HealthCheckResponse.up(NAME);
    }

    private static boolean closedForGood(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && CLOSED_FOR_GOOD.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }
}
