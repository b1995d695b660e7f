package io.headline.ops;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database accepts a write: a store that is closed after a failure, read-only, or stuck on a
 * lock answers DOWN, where a connection check alone stayed UP while writes hung. The probe updates one row and
 * commits, so it never grows the database, and runs on a thread of its own with a deadline, so that a hung store
 * makes the probe answer DOWN instead of hanging it. While an earlier probe is still stuck, no second one starts:
 * the next call waits for that one.
 *
 * <p>It remembers since when writes have failed, for {@link StoreAliveCheck}: a store that will not take a write
 * again makes the instance not alive, so that it is restarted rather than left answering 500.
 */
@Readiness
@ApplicationScoped
class StoreWritableCheck implements HealthCheck {

    static final String NAME = "Database accepts writes";
    /** Well inside a probe's usual timeout, and long enough for a write on a busy machine. */
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Frees the probe's thread and connection from a lock wait some time after the deadline has answered DOWN. */
    private static final int QUERY_TIMEOUT_SECONDS = 10;

    private final DataSource dataSource;
    private final Clock clock;
    /** When the probes began to fail, null while the last one wrote. */
    private volatile Instant failingSince;
    /** The last probe's failure, null while it wrote. */
    private volatile SQLException failure;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "store-write-probe");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> running;

    StoreWritableCheck(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        if (running == null || running.isDone()) {
            running = prober.submit(() -> {
                try {
                    probe();
                } catch (SQLException e) {
                    failed(e);
                    throw e;
                }
                failure = null;
                failingSince = null;
                return null;
            });
        }
        try {
            running.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.up(NAME);
        } catch (TimeoutException e) {
            failed(null);
            return down("no write completed within " + DEADLINE.toMillis() + " ms");
        } catch (ExecutionException e) {
            return down(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private void failed(SQLException e) {
        if (e != null) {
            failure = e;
        }
        if (failingSince == null) {
            failingSince = clock.instant();
        }
    }

    /** Since when no probe has written (a probe still hanging counts), or empty while the last one wrote. */
    Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    /** Why the last probe failed, if it failed with an error (not by hanging). */
    Optional<SQLException> failure() {
        return Optional.ofNullable(failure);
    }

    private void probe() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("update store_probe set probed_at = ? where id = 1")) {
                update.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                update.setTimestamp(1, Timestamp.from(Instant.now()));
                update.executeUpdate();
                // Committed, not rolled back: H2 writes to its file only at commit, so only a commit proves that the
                // file still takes writes (a full disk, a read-only remount). One row rewritten in place.
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }

    @PreDestroy
    void stop() {
        prober.shutdownNow();
    }
}
