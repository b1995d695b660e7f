package io.headline.invalidation;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens, on PostgreSQL, for the invalidations other instances send (LISTEN on a connection of its own, outside the
 * pool, polled by a daemon thread), so that their writes reach this instance's caches within a poll interval. A lost
 * connection is opened again; whatever was sent meanwhile is unknown, so then every cached copy is dropped.
 */
@ApplicationScoped
class NotificationListener {

    private static final Logger LOG = Logger.getLogger(NotificationListener.class);
    private static final int POLL_MILLIS = 200;
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    private final Invalidations invalidations;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private Thread thread;

    NotificationListener(Invalidations invalidations, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.invalidations = invalidations;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent started) {
        if (!invalidations.postgres()) {
            return; // H2 runs embedded, in one instance: local invalidation is all there is
        }
        running = true;
        thread = new Thread(this::listen, "headline-invalidations");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(2 * POLL_MILLIS);
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username.orElse(null), password.orElse(null))) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + Invalidations.CHANNEL);
                }
                // Also on the first connection: this instance may have served (and cached) reads before it.
                invalidations.missedSome();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            invalidations.received(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Listening for invalidations failed (%s); trying again in %s", e.getMessage(),
                            RECONNECT_DELAY);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
