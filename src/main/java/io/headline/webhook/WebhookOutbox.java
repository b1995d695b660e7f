package io.headline.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.headline.change.ChangeKind;
import io.headline.change.ChangeLog;
import io.headline.change.StateReaders;
import io.headline.common.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Deliveries, kept in the database: the change log (the transactional outbox every content write appends to) is fanned
 * out to one delivery per subscribed hook, and workers take due deliveries with row locks that skip what another
 * worker holds, so each delivery is attempted by one instance at a time. Each step is a short transaction of its own;
 * no HTTP call runs inside one.
 */
@ApplicationScoped
class WebhookOutbox implements StateReaders {

    /** Changes fanned out per transaction. */
    static final int FAN_OUT_BATCH = 200;
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    /** The longest payload a list of deliveries shows (characters); the delivery's own GET shows any. */
    static final int LISTED_PAYLOAD_CHARS = 65_536;
    /** Control characters but tab and line breaks: what a stored answer must not hold (see {@link #stored}). */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    /** A delivery a worker took: what it needs to send it. */
    record Taken(UUID id, UUID webhookId, String url, String secret, String payload, Instant retryUntil, int attempts,
            UUID leaseId, Instant leasedUntil) {
    }

    private final AgroalDataSource dataSource;
    private final ChangeLog changeLog;
    private final WebhookPayloads payloads;
    private final WebhookConfig config;
    private final Clock clock;

    WebhookOutbox(AgroalDataSource dataSource, ChangeLog changeLog, WebhookPayloads payloads, WebhookConfig config,
            Clock clock) {
        this.dataSource = dataSource;
        this.changeLog = changeLog;
        this.payloads = payloads;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Fans out up to {@link #FAN_OUT_BATCH} changes past the cursor to deliveries, and moves the cursor past them, in
     * one transaction: a crash leaves either both or neither. Returns how many changes it read.
     */
    @Transactional
    int fanOut() {
        try (Connection c = dataSource.getConnection()) {
            long cursor;
            try (PreparedStatement s = c.prepareStatement("select last_seq from webhook_cursor where id = 1 for update");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                cursor = rs.getLong(1);
            }
            List<ChangeLog.Entry> changes = changeLog.after(cursor, changeLog.lastSeq(), FAN_OUT_BATCH, false, null);
            if (changes.isEmpty()) {
                return 0;
            }
            long upTo = changes.get(changes.size() - 1).seq();
            List<Subscriber> hooks = activeHooks(c);
            if (hooks.isEmpty()) {
                keepLastStates(c, changes);
            } else {
                Instant now = now();
                for (ChangeLog.Entry change : changes) {
                    fanOut(c, change, changeLog.state(c, change.seq()).orElse(null), hooks, now);
                }
            }
            changeLog.forgetStates(c, cursor, upTo);
            try (PreparedStatement s = c.prepareStatement("update webhook_cursor set last_seq = ? where id = 1")) {
                s.setLong(1, upTo);
                s.executeUpdate();
            }
            return changes.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Changes could not be fanned out to webhooks", e);
        }
    }

    /**
     * With no hook active, fanning out only keeps each resource's last state for the {@code previous} of a later
     * event, as {@link #fanOut(Connection, ChangeLog.Entry, String, List, Instant)} would change by change: what the
     * resource's last change in the batch left (a deletion or an unknown state forgets it). In two batched
     * statements, not two round trips per change (an import's ten thousand changes); the states are copied by the
     * database (change_state to webhook_resource_state), never held here, since one can be a large article.
     */
    private static void keepLastStates(Connection c, List<ChangeLog.Entry> changes) throws SQLException {
        Map<UUID, ChangeLog.Entry> last = new LinkedHashMap<>();
        for (ChangeLog.Entry change : changes) {
            last.put(change.id(), change);
        }
        try (PreparedStatement delete = c.prepareStatement("delete from webhook_resource_state where resource_id = ?");
                PreparedStatement insert = c.prepareStatement("insert into webhook_resource_state (resource_id, seq, "
                        + "state) select ?, seq, state from change_state where seq = ?")) {
            boolean inserts = false;
            for (ChangeLog.Entry change : last.values()) {
                delete.setObject(1, change.id());
                delete.addBatch();
                if (change.kind() != ChangeKind.deleted) {
                    insert.setObject(1, change.id());
                    insert.setLong(2, change.seq());
                    insert.addBatch();
                    inserts = true;
                }
            }
            delete.executeBatch();
            if (inserts) {
                insert.executeBatch();
            }
        }
    }

    /**
     * Fans one change out to the hooks that want it. Its state is the one its write left ({@code written}), or, for
     * the rows that kept none (bulk imports, scheduled appearances), the resource as it is now. Whether or not any hook
     * is active, the resource's last state is kept up to date for the {@code previous} of its next event: a state
     * that is not known is forgotten rather than left stale.
     */
    private void fanOut(Connection c, ChangeLog.Entry change, String written, List<Subscriber> hooks, Instant now)
            throws SQLException {
        List<Subscriber> wanting = hooks.stream().filter(hook -> hook.wants(change)).toList();
        ObjectNode state = change.kind() == ChangeKind.deleted ? payloads.tombstone(change)
                : written != null ? payloads.parse(written)
                : wanting.isEmpty() ? null : payloads.state(change);
        ObjectNode previous = null;
        if (!wanting.isEmpty() && change.kind() != ChangeKind.created) {
            try (PreparedStatement s = c.prepareStatement("select state from webhook_resource_state where resource_id = ?")) {
                s.setObject(1, change.id());
                try (ResultSet rs = s.executeQuery()) {
                    previous = rs.next() ? payloads.parse(rs.getString(1)) : null;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("delete from webhook_resource_state where resource_id = ?")) {
            s.setObject(1, change.id());
            s.executeUpdate();
        }
        if (change.kind() != ChangeKind.deleted && state != null) {
            try (PreparedStatement s = c.prepareStatement(
                    "insert into webhook_resource_state (resource_id, seq, state) values (?, ?, ?)")) {
                s.setObject(1, change.id());
                s.setLong(2, change.seq());
                s.setString(3, state.toString());
                s.executeUpdate();
            }
        }
        if (wanting.isEmpty()) {
            return;
        }
        String body = payloads.body(change, state, previous);
        try (PreparedStatement s = c.prepareStatement("insert into webhook_delivery (id, webhook_id, change_seq, "
                + "resource_id, event_type, payload, state, attempts, next_attempt_at, retry_until, created_at) "
                + "values (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)")) {
            for (Subscriber hook : wanting) {
                s.setObject(1, UUID.randomUUID());
                s.setObject(2, hook.id());
                s.setLong(3, change.seq());
                s.setObject(4, change.id());
                s.setString(5, change.event());
                s.setString(6, body);
                s.setObject(7, utc(now));
                s.setObject(8, utc(now.plus(config.retryPeriod())));
                s.setObject(9, utc(now));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Whether a write's state will be sent: while any hook is active. Without one, a write keeps none, and a hook
     * registered later gets no {@code previous} with a resource's first event (rather than a stale one).
     */
    @Override
    public boolean wanted() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select 1 from webhook where active = true limit 1");
                ResultSet rs = s.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("Webhooks could not be read", e);
        }
    }

    /** An active hook: what it subscribes to, and after which change. */
    private record Subscriber(UUID id, List<String> events, long afterSeq) {

        boolean wants(ChangeLog.Entry change) {
            return change.seq() > afterSeq && events.contains(change.event());
        }
    }

    private static List<Subscriber> activeHooks(Connection c) throws SQLException {
        List<Subscriber> hooks = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, events, after_seq from webhook where active = true");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                hooks.add(new Subscriber(rs.getObject(1, UUID.class), List.of(rs.getString(2).split(",")),
                        rs.getLong(3)));
            }
        }
        return hooks;
    }

    /**
     * Takes up to {@code limit} due deliveries of active hooks, each the oldest pending one of its hook and resource
     * (so a resource's events arrive in order, retries included), skipping those another worker holds, and leases
     * them: they are not due again until the lease (headline.webhooks.lease) has passed, which only happens when the
     * worker died before it recorded the attempt. Deliveries of the hooks in {@code passedOver} are left alone.
     */
    @Transactional
    List<Taken> take(int limit, Set<UUID> passedOver) {
        Instant now = now();
        try (Connection c = dataSource.getConnection()) {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select d.id from webhook_delivery d "
                    + "where d.state = 'pending' and d.next_attempt_at <= ? "
                    + "and exists (select 1 from webhook w where w.id = d.webhook_id and w.active = true) "
                    + "and not exists (select 1 from webhook_delivery e where e.webhook_id = d.webhook_id "
                    + "and e.resource_id = d.resource_id and e.state = 'pending' and e.change_seq < d.change_seq) "
                    + (passedOver.isEmpty() ? "" : "and d.webhook_id not in ("
                            + String.join(", ", Collections.nCopies(passedOver.size(), "?")) + ") ")
                    + "order by d.next_attempt_at, d.change_seq limit ? for update skip locked")) {
                int i = 1;
                s.setObject(i++, utc(now));
                for (UUID hook : passedOver) {
                    s.setObject(i++, hook);
                }
                s.setInt(i, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            List<Taken> taken = new ArrayList<>();
            Instant leasedUntil = now.plus(config.lease());
            for (UUID id : ids) {
                UUID lease = UUID.randomUUID();
                try (PreparedStatement s = c.prepareStatement("update webhook_delivery set next_attempt_at = ?, "
                        + "attempts = attempts + 1, lease_id = ? where id = ?")) {
                    s.setObject(1, utc(leasedUntil));
                    s.setObject(2, lease);
                    s.setObject(3, id);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("select d.webhook_id, w.url, w.secret, d.payload, "
                        + "d.retry_until, d.attempts from webhook_delivery d join webhook w on w.id = d.webhook_id "
                        + "where d.id = ?")) {
                    s.setObject(1, id);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        taken.add(new Taken(id, rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getInt(6),
                                lease, leasedUntil));
                    }
                }
            }
            return taken;
        } catch (SQLException e) {
            throw new IllegalStateException("Due webhook deliveries could not be taken", e);
        }
    }

    /**
     * Gives back a delivery taken and not attempted, unless its lease has passed to another worker: due again now, its
     * attempt count as it was.
     */
    @Transactional
    void release(Taken delivery) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update webhook_delivery set next_attempt_at = ?, "
                        + "attempts = attempts - 1, lease_id = null where id = ? and lease_id = ?")) {
            s.setObject(1, utc(now()));
            s.setObject(2, delivery.id());
            s.setObject(3, delivery.leaseId());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("A webhook delivery could not be given back", e);
        }
    }

    /**
     * Logs an attempt and decides what follows: a 2xx succeeds; a 410 switches the hook off; anything else is tried
     * again after an exponential backoff with full jitter, or, past the retry period, is dead. Nothing is recorded for
     * a delivery that is gone (its hook was deleted meanwhile), and only the attempt is logged when another worker has
     * taken the delivery since (this one outlived its lease): the outcome is that worker's to decide.
     */
    @Transactional
    void record(Taken delivery, WebhookSender.Outcome outcome, Instant at) {
        Instant now = now();
        try (Connection c = dataSource.getConnection()) {
            UUID lease;
            try (PreparedStatement s = c.prepareStatement("select lease_id from webhook_delivery where id = ? for update")) {
                s.setObject(1, delivery.id());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    lease = rs.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into webhook_attempt (id, delivery_id, at, "
                    + "status_code, duration_ms, response, error) values (?, ?, ?, ?, ?, ?, ?)")) {
                s.setObject(1, UUID.randomUUID());
                s.setObject(2, delivery.id());
                s.setObject(3, utc(at));
                s.setObject(4, outcome.status());
                s.setLong(5, outcome.durationMs());
                s.setString(6, stored(outcome.response(), 1024));
                s.setString(7, stored(outcome.error(), 500));
                s.executeUpdate();
            }
            if (!delivery.leaseId().equals(lease)) {
                return;
            }
            String state;
            Instant next = now;
            if (outcome.succeeded()) {
                state = "succeeded";
            } else if (outcome.status() != null && outcome.status() == 410) {
                state = "failed";
                try (PreparedStatement s = c.prepareStatement("update webhook set active = false, disabled_reason = ?, "
                        + "updated_at = ? where id = ?")) {
                    s.setString(1, "The receiver answered 410 Gone on " + at.truncatedTo(ChronoUnit.SECONDS) + ".");
                    s.setObject(2, utc(now));
                    s.setObject(3, delivery.webhookId());
                    s.executeUpdate();
                }
            } else {
                next = now.plus(backoff(delivery.attempts()));
                state = next.isAfter(delivery.retryUntil()) ? "dead" : "pending";
                if (state.equals("dead")) {
                    next = now; // when it finished, which prune counts from
                }
            }
            try (PreparedStatement s = c.prepareStatement("update webhook_delivery set state = ?, next_attempt_at = ?, "
                    + "lease_id = null where id = ?")) {
                s.setString(1, state);
                s.setObject(2, utc(next));
                s.setObject(3, delivery.id());
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("A webhook attempt could not be recorded", e);
        }
    }

    /** Full jitter: a random delay up to 5 s doubled per attempt made, at most an hour. */
    static Duration backoff(int attempts) {
        long cap = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempts - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }

    /**
     * Deletes up to 1000 deliveries that finished longer ago than the retention period, with their attempts. A
     * finished delivery's next_attempt_at is when it finished (record() sets it then), so a replayed one is kept for a
     * whole period after its new end.
     */
    @Transactional
    int prune() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("delete from webhook_delivery where id in (select id from "
                        + "webhook_delivery where state <> 'pending' and next_attempt_at < ? limit 1000)")) {
            s.setObject(1, utc(now().minus(config.retention())));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Old deliveries could not be pruned", e);
        }
    }

    /**
     * Queues a delivery again, now, with a new retry period and its attempt count (so its backoff) from 0. Refused
     * (409) while its hook is inactive (take() leaves an inactive hook's deliveries alone, so a replay would answer
     * {@code pending} and then do nothing), and while a worker holds it (it is being sent: a second copy would race
     * the first, and the resource's next event could overtake it).
     */
    @Transactional
    Optional<DeliveryView> replay(UUID webhookId, UUID deliveryId) {
        Instant now = now();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select w.active, d.lease_id, d.next_attempt_at "
                    + "from webhook_delivery d join webhook w on w.id = d.webhook_id where d.id = ? and d.webhook_id = ? "
                    + "for update")) {
                s.setObject(1, deliveryId);
                s.setObject(2, webhookId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    if (!rs.getBoolean(1)) {
                        throw ProblemException.conflict("Webhook '" + webhookId + "' is inactive, so nothing would be "
                                + "sent: switch it back on first (active: true), then replay.");
                    }
                    if (rs.getObject(2) != null && instant(rs, 3).isAfter(now)) {
                        throw ProblemException.conflict("Delivery '" + deliveryId + "' is being sent now; replay it "
                                + "once its attempt is in its log.");
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("update webhook_delivery set state = 'pending', attempts = 0, "
                    + "lease_id = null, next_attempt_at = ?, retry_until = ? where id = ?")) {
                s.setObject(1, utc(now));
                s.setObject(2, utc(now.plus(config.retryPeriod())));
                s.setObject(3, deliveryId);
                s.executeUpdate();
            }
            return deliveries(c, webhookId, deliveryId, null, 0, 1).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("The delivery could not be replayed", e);
        }
    }

    /** One delivery of a hook, with its whole payload and its attempts. */
    @Transactional
    Optional<DeliveryView> delivery(UUID webhookId, UUID deliveryId) {
        try (Connection c = dataSource.getConnection()) {
            return deliveries(c, webhookId, deliveryId, null, 0, 1).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("The delivery could not be read", e);
        }
    }

    /**
     * A hook's deliveries (those in {@code state}, unless null), newest first, with their attempts; and how many.
     * Payloads over {@link #LISTED_PAYLOAD_CHARS} are left out (a page of large articles' events would be hundreds of
     * megabytes): the delivery's own GET has them.
     */
    @Transactional
    Map.Entry<List<DeliveryView>, Long> deliveries(UUID webhookId, String state, int offset, int limit,
            boolean count) {
        try (Connection c = dataSource.getConnection()) {
            Long total = null;
            if (count) {
                try (PreparedStatement s = c.prepareStatement("select count(*) from webhook_delivery where webhook_id = ?"
                        + (state == null ? "" : " and state = ?"))) {
                    s.setObject(1, webhookId);
                    if (state != null) {
                        s.setString(2, state);
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
            }
            return new java.util.AbstractMap.SimpleImmutableEntry<>(deliveries(c, webhookId, null, state, offset, limit),
                    total);
        } catch (SQLException e) {
            throw new IllegalStateException("Deliveries could not be read", e);
        }
    }

    private static List<DeliveryView> deliveries(Connection c, UUID webhookId, UUID deliveryId, String state,
            int offset, int limit) throws SQLException {
        List<DeliveryView> views = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, event_type, change_seq, state, attempts, "
                + "next_attempt_at, created_at, "
                + (deliveryId == null ? "case when length(payload) <= " + LISTED_PAYLOAD_CHARS + " then payload end"
                        : "payload")
                + " from webhook_delivery where webhook_id = ?"
                + (deliveryId == null ? "" : " and id = ?")
                + (state == null ? "" : " and state = ?")
                + " order by created_at desc, change_seq desc, id desc limit ? offset ?")) {
            int i = 1;
            s.setObject(i++, webhookId);
            if (deliveryId != null) {
                s.setObject(i++, deliveryId);
            }
            if (state != null) {
                s.setString(i++, state);
            }
            s.setInt(i++, limit);
            s.setInt(i, offset);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String now = rs.getString(4);
                    views.add(new DeliveryView(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), now,
                            rs.getInt(5), now.equals("pending") ? instant(rs, 6) : null, instant(rs, 7),
                            rs.getString(8), attempts(c, rs.getObject(1, UUID.class))));
                }
            }
        }
        return views;
    }

    /** A delivery's attempts, newest first: bounded by the retry schedule (some 35 in a day). */
    private static List<DeliveryView.AttemptView> attempts(Connection c, UUID deliveryId) throws SQLException {
        List<DeliveryView.AttemptView> attempts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select at, status_code, duration_ms, response, error "
                + "from webhook_attempt where delivery_id = ? order by at desc limit 100")) {
            s.setObject(1, deliveryId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Integer status = rs.getObject(2) == null ? null : rs.getInt(2);
                    attempts.add(new DeliveryView.AttemptView(instant(rs, 1), status, rs.getLong(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return attempts;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A receiver's text as it can be stored: at most {@code max} characters, control characters (a NUL, which
     * PostgreSQL refuses in text, among them) replaced, tabs and line breaks kept.
     */
    static String stored(String text, int max) {
        if (text == null) {
            return null;
        }
        String cut = text.length() <= max ? text : text.substring(0, max);
        return CONTROL.matcher(cut).replaceAll("\uFFFD");
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
