package io.headline.invalidation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a {@link ContentChanged} into {@link Invalidated} here once the write has committed, and, on PostgreSQL,
 * on every other instance through NOTIFY (see {@link NotificationListener}).
 *
 * <p>NOTIFY is sent inside the writing transaction, on its own connection: PostgreSQL delivers it when, and only
 * when, the transaction commits, so a rolled-back write invalidates nothing elsewhere, and a process that dies
 * right after its commit has still told the others (sending after commit could lose that).
 */
@ApplicationScoped
public class Invalidations {

    static final String CHANNEL = "headline_invalidations";
    /** PostgreSQL refuses a payload of 8000 bytes or more; a larger change invalidates everything instead. */
    private static final int MAX_PAYLOAD = 7900;

    /** Tells this instance's own notifications apart, which it has acted on already. */
    final String instance = UUID.randomUUID().toString();

    private final Event<Invalidated> invalidated;
    private final AgroalDataSource dataSource;
    private final boolean postgres;

    Invalidations(Event<Invalidated> invalidated, AgroalDataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.invalidated = invalidated;
        this.dataSource = dataSource;
        this.postgres = dbKind.startsWith("postgres");
    }

    boolean postgres() {
        return postgres;
    }

    void notifyOthers(@Observes(during = TransactionPhase.IN_PROGRESS) ContentChanged change) throws SQLException {
        if (!postgres || change.keys().isEmpty()) {
            return;
        }
        // Inside a transaction Agroal hands out the connection the transaction is enlisted on.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, payload(change.keys()));
            notify.execute();
        }
    }

    void applyHere(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
        if (!change.keys().isEmpty()) {
            invalidated.fire(new Invalidated(change.keys()));
        }
    }

    /** A notification from the channel: acted on unless this instance sent it. */
    void received(String payload) {
        String[] words = payload.split(" ");
        if (words.length > 1 && !words[0].equals(instance)) {
            invalidated.fire(new Invalidated(new LinkedHashSet<>(Arrays.asList(words).subList(1, words.length))));
        }
    }

    /** What was said while this instance was not listening is unknown: everything goes. */
    void missedSome() {
        invalidated.fire(new Invalidated(Set.of(ContentChanged.EVERYTHING)));
    }

    private String payload(Set<String> keys) {
        String payload = instance + " " + String.join(" ", keys);
        return payload.getBytes(StandardCharsets.UTF_8).length < MAX_PAYLOAD ? payload
                : instance + " " + ContentChanged.EVERYTHING;
    }
}
