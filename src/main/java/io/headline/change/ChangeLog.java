package io.headline.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The change log (table change_log): every content change, appended in the change's own transaction, numbered in
 * commit order. The change feed reads it, and webhooks take it as their outbox.
 *
 * <p>Commit order. A number taken inside a transaction can commit after a higher one, and a reader polling between
 * the two commits would pass over the lower one for good. So appends are serialized: an appending transaction locks
 * the one row of change_counter, takes its numbers there and keeps the lock until it commits (or rolls back, and
 * then its numbers are taken again: no gaps). No number can be taken while a lower one is uncommitted, so whatever
 * prefix of the log a reader sees has no hole that could fill later. This holds on H2 and PostgreSQL alike, where a
 * watermark below the oldest open transaction (pg_snapshot_xmin) would be PostgreSQL's alone. It costs writers a
 * turn each from their append to their commit, which is why the append comes last in a transaction (writes are a
 * few a second; the lock is held for one insert and the commit).
 *
 * <p>Lock order. The counter is the last lock a writing transaction takes: article rows (findForUpdate), referenced
 * authors and categories (share locks), the category tree and optimistic versions all come before it. Once a
 * transaction holds it, it inserts into change_log and change_state and clears the appears_at mark of its articles'
 * earlier rows: change_log rows are only ever updated under the counter (the webhooks' fan-out deletes from
 * change_state, never touching change_log), so none of this waits on anyone. A writer that holds the counter never
 * waits for a lock another transaction holds, so the counter adds no deadlock.
 *
 * <p>Plain JDBC on the transaction's connection (Agroal hands out the one enlisted), so that the ORM's writes (flushed
 * first) and the bulk import's JDBC batches append the same way.
 */
@ApplicationScoped
public class ChangeLog {

    /** Scheduled appearances appended by one read at most; the rest come with the next read. */
    static final int MAX_APPEARANCES = 1000;

    private static final String COLUMNS = "seq, occurred_at, resource_type, resource_id, slug, kind, was_public, "
            + "is_public, published_at, appears_at, locale";

    /**
     * The articles' changes in one locale (and every author's and category's).
     *
     * @param unmarked the locale of the changes logged without one (before translations existed): the default
     */
    public record Translation(String locale, String unmarked) {
    }

    /** A change as the log holds it. */
    public record Entry(long seq, Instant occurredAt, ResourceType type, UUID id, String slug, ChangeKind kind,
            boolean wasPublic, boolean isPublic, Instant publishedAt, Instant appearsAt, String locale) {

        /** The event's name, as webhooks subscribe to it: {@code article.published}, {@code category.deleted}. */
        public String event() {
            return type + "." + kind;
        }
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Instance<StateReaders> readers;

    ChangeLog(AgroalDataSource dataSource, Clock clock, ObjectMapper mapper, Instance<StateReaders> readers) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.mapper = mapper;
        this.readers = readers;
    }

    /** Appends {@code changes} in the caller's transaction, which must have flushed its writes: call it last. */
    public void append(Change... changes) {
        try (Connection connection = dataSource.getConnection()) {
            append(connection, List.of(changes));
        } catch (SQLException e) {
            throw new IllegalStateException("The change could not be logged", e);
        }
    }

    /**
     * Appends {@code changes} on {@code connection}, in its transaction. An article that was due to appear (see
     * {@link #appendDue}) gets its 'published' change first, so that the log tells its story in order.
     */
    public void append(Connection connection, List<Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        // Serialized before the counter is locked: the lock is held for the inserts and the commit only.
        // Asked only when a change carries a state (the bulk import's carry none), and made only when wanted.
        boolean wanted = changes.stream().anyMatch(change -> change.state() != null)
                && readers.stream().anyMatch(StateReaders::wanted);
        List<String> written = changes.stream()
                .map(change -> wanted && change.state() != null ? json(change.state().get()) : null).toList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long last = lockCounter(connection);
        // A new article has no earlier schedule to look for, nor to settle (see insert).
        Map<UUID, Entry> due = dueAppearances(connection, changes.stream()
                .filter(change -> change.type() == ResourceType.article && !change.first()).map(Change::id).distinct()
                .toList(), now);
        List<Entry> entries = new ArrayList<>();
        Map<Long, String> states = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            Entry appearance = due.remove(change.id());
            if (appearance != null) {
                entries.add(appearance(appearance, last + entries.size() + 1));
            }
            long seq = last + entries.size() + 1;
            entries.add(new Entry(seq, now, change.type(), change.id(), change.slug(), change.kind(),
                    change.wasPublic(), change.isPublic(), micros(change.publishedAt()), micros(change.appearsAt()),
                    change.locale()));
            if (written.get(i) != null) {
                states.put(seq, written.get(i));
            }
        }
        insert(connection, entries, states, changes.stream().filter(Change::first).map(Change::id)
                .collect(Collectors.toSet()));
    }

    /**
     * Appends a 'published' change for each scheduled article whose time has come by {@code now} and that no later
     * change has superseded, in the order they came due, in a transaction the caller began. It is what makes a
     * scheduled article appear in the feed at its instant although no write happened then: every read of the feed
     * runs it first (cheaply checked by {@link #anyDue}), so a reader at {@code now} finds each appearance due by
     * then numbered after whatever it has read before. Returns how many it appended.
     */
    public int appendDue(Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            long last = lockCounter(connection);
            List<Entry> due = new ArrayList<>();
            // Asked again under the lock: another reader may have appended them meanwhile.
            try (PreparedStatement s = connection.prepareStatement("select " + prefixed("c") + " from change_log c "
                    + "where c.appears_at <= ? and " + LATEST + " order by c.appears_at, c.seq limit ?")) {
                s.setObject(1, utc(now));
                s.setInt(2, MAX_APPEARANCES);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        due.add(appearance(entry(rs), last + due.size() + 1));
                    }
                }
            }
            insert(connection, due, Map.of(), Set.of());
            return due.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Due appearances could not be logged", e);
        }
    }

    /** Whether {@link #appendDue} would append anything: one indexed look, without a lock. */
    public boolean anyDue(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement("select c.seq from change_log c where "
                        + "c.appears_at <= ? and " + LATEST + " limit 1")) {
            s.setObject(1, utc(now));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The change log could not be read", e);
        }
    }

    /**
     * The highest number committed. Numbers commit in order, so every number up to it has committed too: a reader that
     * takes this first, then reads up to it, misses nothing.
     */
    public long lastSeq() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement("select coalesce(max(seq), 0) from change_log");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The change log could not be read", e);
        }
    }

    /** The change numbered {@code seq}, if the log has one. */
    public Optional<Entry> at(long seq) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement("select " + COLUMNS + " from change_log where seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The change log could not be read", e);
        }
    }

    /**
     * Up to {@code limit} changes after {@code seq} and up to {@code upTo}, in order. {@code publicOnly} keeps those the public sees: every
     * author and category change, and an article's changes that leave it public or hide it.
     */
    public List<Entry> after(long seq, long upTo, int limit, boolean publicOnly, Translation translation) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement("select " + COLUMNS + " from change_log where seq > ?"
                        + " and seq <= ?"
                        + (publicOnly ? " and (resource_type <> 'article' or was_public or is_public)" : "")
                        + (translation == null ? "" : " and (resource_type <> 'article' or coalesce(locale, ?) = ?)")
                        + " order by seq limit ?")) {
            int p = 1;
            s.setLong(p++, seq);
            s.setLong(p++, upTo);
            if (translation != null) {
                s.setString(p++, translation.unmarked());
                s.setString(p++, translation.locale());
            }
            s.setInt(p, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("The change log could not be read", e);
        }
    }

    /**
     * The slug each of {@code entries} found, by number: its resource's slug as the change before it left it (absent
     * when the log has none, the resource being last written before the log began).
     */
    public Map<Long, String> slugsBefore(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement("select c.seq, (select p.slug from change_log p "
                        + "where p.resource_id = c.resource_id and p.seq < c.seq order by p.seq desc limit 1) "
                        + "from change_log c where c.seq in (" + "?, ".repeat(entries.size() - 1) + "?)")) {
            for (int i = 0; i < entries.size(); i++) {
                s.setLong(i + 1, entries.get(i).seq());
            }
            Map<Long, String> slugs = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) != null) {
                        slugs.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return slugs;
        } catch (SQLException e) {
            throw new IllegalStateException("The change log could not be read", e);
        }
    }

    /**
     * The state change {@code seq} left (see {@link Change#state}), as JSON, if it kept one. One at a time: a state
     * can be a large article, so a fan-out holds one in memory, not a batch of them.
     */
    public Optional<String> state(Connection connection, long seq) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select state from change_state where seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Forgets the states of the changes after {@code seq} and up to {@code upTo}: they have been fanned out. Only
     * change_state is touched, never a change_log row, so this waits on no writer and no writer waits on it.
     */
    public void forgetStates(Connection connection, long seq, long upTo) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("delete from change_state where seq > ? and seq <= ?")) {
            s.setLong(1, seq);
            s.setLong(2, upTo);
            s.executeUpdate();
        }
    }

    /** The row is its article's latest change: nothing written since supersedes its schedule. */
    private static final String LATEST =
            "not exists (select 1 from change_log l where l.resource_id = c.resource_id and l.seq > c.seq)";

    private static long lockCounter(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select last_seq from change_counter where id = 1 for update");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("change_counter has no row");
            }
            return rs.getLong(1);
        }
    }

    /** The article's latest change, when it scheduled an appearance that has come due by {@code now}. */
    /** The due appearances (see {@link #appendDue}) of these articles, by id: one statement per few hundred. */
    private static Map<UUID, Entry> dueAppearances(Connection connection, List<UUID> ids, Instant now)
            throws SQLException {
        Map<UUID, Entry> due = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            try (PreparedStatement s = connection.prepareStatement("select " + prefixed("c") + " from change_log c "
                    + "where c.resource_id in (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
                    + ") and c.appears_at <= ? and " + LATEST)) {
                int p = 1;
                for (UUID id : chunk) {
                    s.setObject(p++, id);
                }
                s.setObject(p, utc(now));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Entry entry = entry(rs);
                        due.put(entry.id(), entry);
                    }
                }
            }
        }
        return due;
    }

    /** The 'published' change of a scheduled article, dated at its publication instant. */
    private static Entry appearance(Entry scheduled, long seq) {
        return new Entry(seq, scheduled.publishedAt(), ResourceType.article, scheduled.id(), scheduled.slug(),
                ChangeKind.published, false, true, scheduled.publishedAt(), null, scheduled.locale());
    }

    /**
     * Inserts {@code entries} (numbered from the counter's last), with the {@code states} they left by number, and
     * moves the counter past them. {@code created} names the resources created in this transaction: none of their
     * earlier rows can exist to settle.
     */
    private static void insert(Connection connection, List<Entry> entries, Map<Long, String> states, Set<UUID> created)
            throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement("insert into change_log (" + COLUMNS + ") "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Entry e : entries) {
                s.setLong(1, e.seq());
                s.setObject(2, utc(e.occurredAt()));
                s.setString(3, e.type().name());
                s.setObject(4, e.id());
                s.setString(5, e.slug());
                s.setString(6, e.kind().name());
                s.setBoolean(7, e.wasPublic());
                s.setBoolean(8, e.isPublic());
                s.setObject(9, utc(e.publishedAt()));
                s.setObject(10, utc(e.appearsAt()));
                s.setString(11, e.locale());
                s.addBatch();
            }
            s.executeBatch();
        }
        if (!states.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("insert into change_state (seq, state) values (?, ?)")) {
                for (Map.Entry<Long, String> state : states.entrySet()) {
                    s.setLong(1, state.getKey());
                    s.setString(2, state.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        // A pending appearance is settled by the article's next change (its appearance, or a change that supersedes
        // it): its mark is cleared, so that the due look (anyDue, appendDue) reads pending schedules only, however many
        // were ever made.
        // A created article's first row has nothing before it to settle; a later row of it in the same batch has.
        Set<UUID> firstSeen = new HashSet<>();
        List<Entry> settling = entries.stream().filter(e -> e.type() == ResourceType.article
                && !(created.contains(e.id()) && firstSeen.add(e.id()))).toList();
        if (!settling.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("update change_log set appears_at = null "
                    + "where resource_id = ? and seq < ? and appears_at is not null")) {
                for (Entry e : settling) {
                    s.setObject(1, e.id());
                    s.setLong(2, e.seq());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        try (PreparedStatement s = connection.prepareStatement("update change_counter set last_seq = ? where id = 1")) {
            s.setLong(1, entries.get(entries.size() - 1).seq());
            s.executeUpdate();
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class)),
                ResourceType.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(5),
                ChangeKind.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getBoolean(8),
                instant(rs.getObject(9, OffsetDateTime.class)), instant(rs.getObject(10, OffsetDateTime.class)),
                rs.getString(11));
    }

    private String json(Object state) {
        try {
            return state == null ? null : mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An API view always serializes", e);
        }
    }

    private static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
