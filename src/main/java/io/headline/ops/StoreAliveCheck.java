package io.headline.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Alive only while the database may still take a write: an instance whose embedded store has closed itself (H2
 * closes its database after an error inside it, such as an out-of-memory error while reading a page, and never
 * reopens it in the same process) answered 500 to every request while liveness stayed UP, so nothing restarted it.
 * It is DOWN at once when the store says it is closed and, on the embedded database (whose store lives in this
 * process, so a restart is its repair), when no write has succeeded for {@link #UNWRITABLE_FOR} whatever the reason.
 * On PostgreSQL a long outage or failover leaves it alive: restarting every instance would not bring the server back,
 * and instances that cannot start without it would only loop; the readiness check answers DOWN meanwhile. It runs
 * the write probe of {@link StoreWritableCheck}, so a liveness probe alone keeps it current.
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
    private final boolean embedded;

    @Inject
    StoreAliveCheck(@Readiness StoreWritableCheck writable, Clock clock,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this(writable, clock, dbKind.equals("h2"));
    }

    StoreAliveCheck(StoreWritableCheck writable, Clock clock, boolean embedded) {
        this.writable = writable;
        this.clock = clock;
        this.embedded = embedded;
    }

    @Override
    public HealthCheckResponse call() {
        writable.call();
        Optional<SQLException> failure = writable.failure();
        if (failure.isPresent() && closedForGood(failure.get())) {
            return down("the database is closed: " + failure.get().getMessage());
        }
        Optional<Instant> since = writable.failingSince();
        if (embedded && since.isPresent() && !clock.instant().isBefore(since.get().plus(UNWRITABLE_FOR))) {
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
